import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMrpResult,
  indexMrpInput,
  type MrpInput,
  MrpInputSchema,
  parseMrpInput,
  parseMrpPlant,
  runMrpIndexed,
  writeMrpJson,
  isMrpInputShape,
} from '#production/planning';
import { arbitraryMrpInput } from '../production/planning/mrp.arbitrary.js';
import { balancedCut, type MrpPrinter, printMrpJson } from './mrp-output.parallel.js';
import { formatJson } from './plan.command.js';

// Issue 11: `zhidu plan mrp` validates with a plain shape check and writes its JSON straight
// from the typed rows. Both must change nothing a user sees: the same text, the same refusals.

const textbook = JSON.parse(readFileSync(fileURLToPath(new URL('../production/planning/fixtures/mrp-textbook.json', import.meta.url)), 'utf8')) as MrpInput;
const printedBefore = (input: MrpInput) => {
  const plant = indexMrpInput(MrpInputSchema.parse(input));
  return formatJson(formatMrpResult(plant, runMrpIndexed(plant)));
};
const printedNow = (input: unknown) => {
  const plant = parseMrpPlant(input);
  return writeMrpJson(plant, runMrpIndexed(plant));
};

describe('zhidu plan mrp output and validation (issue 11)', () => {
  it('issue 11: the textbook plant prints byte for byte what it printed before', () => {
    expect(printedNow(textbook)).toBe(printedBefore(textbook));
  });

  it('issue 11: index-like item ids, past-due releases and fractional quantities print as before', () => {
    const input: MrpInput = {
      periods: 3,
      items: [
        { id: 'B-200', leadTime: 2, onHand: 1 / 3 },
        { id: '10', leadTime: 1, lotSizing: { rule: 'multiple', qty: 0.5, min: 3 } },
        { id: '2', name: '二号', safetyStock: 0.1 },
        { id: 'x'.repeat(90), leadTime: 2 },
      ],
      bom: [{ parent: '2', child: '10', qty: 2.5, scrap: 0.05 }],
      demand: [
        { item: 'B-200', period: 0, qty: 7 },
        { item: '2', period: 1, qty: 3 },
        { item: 'x'.repeat(90), period: 1, qty: 4 },
      ],
    };
    const text = printedNow(input);
    expect(text).toBe(printedBefore(input));
    expect(JSON.parse(text).pastDue.length).toBeGreaterThan(0);
  });

  it('issue 11: ids at the edge of array indices keep the order an object gives them', () => {
    const ids = ['b', '4294967295', '4294967294', '01', '7', '0', '-1', '1.5', '10', ' 3', '99999999999', 'a'];
    const input: MrpInput = { periods: 2, items: ids.map((id) => ({ id })), bom: [], demand: [{ item: '7', period: 1, qty: 2 }] };
    const text = printedNow(input);
    expect(text).toBe(printedBefore(input));
    expect(Object.keys(JSON.parse(text).items)).toEqual(['0', '7', '10', '4294967294', 'b', '4294967295', '01', '-1', '1.5', ' 3', '99999999999', 'a']);
  });

  it('issue 11: on random plants the text is the same as before', () => {
    fc.assert(
      fc.property(arbitraryMrpInput(), (input) => {
        expect(printedNow(input)).toBe(printedBefore(input));
      }),
      { numRuns: 150 },
    );
  });

  it('issue 11: the shape check accepts exactly what the schema accepts, on valid and broken inputs', () => {
    const breakers: ((o: Record<string, unknown>) => void)[] = [
      (o) => {
        o.extra = 1;
      },
      (o) => {
        o.periods = 0;
      },
      (o) => {
        o.periods = 1.5;
      },
      (o) => {
        o.items = [];
      },
      (o) => {
        (o.items as Record<string, unknown>[])[0].saftyStock = 3;
      },
      (o) => {
        (o.items as Record<string, unknown>[])[0].onHand = -1;
      },
      (o) => {
        (o.items as Record<string, unknown>[])[0].id = '';
      },
      (o) => {
        (o.items as Record<string, unknown>[])[0].leadTime = 0.5;
      },
      (o) => {
        (o.items as Record<string, unknown>[])[0].lotSizing = { rule: 'fixed' };
      },
      (o) => {
        (o.items as Record<string, unknown>[])[0].lotSizing = { rule: 'lfl', qty: 2 };
      },
      (o) => {
        (o.items as Record<string, unknown>[])[0].name = 7;
      },
      (o) => {
        o.demand = [{ item: 'a', period: -1, qty: 1 }];
      },
      (o) => {
        o.demand = [{ item: 'a', period: 0, qty: '1' }];
      },
      (o) => {
        o.bom = [{ parent: 'a', child: 'b', qty: 0 }];
      },
      (o) => {
        o.scheduledReceipts = {};
      },
    ];
    fc.assert(
      fc.property(arbitraryMrpInput(), fc.integer({ min: -1, max: breakers.length - 1 }), (input, k) => {
        const raw = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
        if (k >= 0) breakers[k](raw);
        expect(isMrpInputShape(raw)).toBe(MrpInputSchema.safeParse(raw).success);
      }),
      { numRuns: 400 },
    );
  });

  it('issue 11: a refused input names the same field through the fast path as through the schema', () => {
    const refusal = (parse: (raw: unknown) => unknown, raw: unknown) => {
      try {
        parse(raw);
      } catch (error) {
        return { name: (error as Error).name, message: (error as Error).message, issues: (error as { issues?: unknown }).issues };
      }
      return null;
    };
    for (const raw of [
      { periods: 2, items: [{ id: 'a', saftyStock: 1 }] },
      { periods: 2, items: [{ id: 'a' }], demand: [{ item: 'zz', period: 0, qty: 1 }] },
      { periods: 2, items: [{ id: 'a', leadTime: 5 }] },
      {
        periods: 2,
        items: [{ id: 'a' }, { id: 'b' }],
        bom: [
          { parent: 'a', child: 'b', qty: 1 },
          { parent: 'b', child: 'a', qty: 1 },
        ],
      },
    ]) {
      const fast = refusal(parseMrpPlant, raw);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(refusal(parseMrpInput, raw));
    }
  });

  it('issue 11: two threads share the printing by its cost, and a printer that fails changes nothing', async () => {
    // 2,400 items: the first half whole numbers, the second half fractions.
    const items = Array.from({ length: 2400 }, (_, i) => ({ id: `I-${i}` }));
    const demand = items.flatMap((item, i) => Array.from({ length: 4 }, (_, t) => ({ item: item.id, period: t, qty: i < 1200 ? 5 : 5 / 3 })));
    const input: MrpInput = { periods: 4, items, bom: [], demand };
    const plant = indexMrpInput(input);
    const result = runMrpIndexed(plant);
    const alone = writeMrpJson(plant, result);
    // Fractions cost more: the cut falls inside the fractional half, so the thread printing them gets fewer items.
    const { mrpItemOrder, mrpItemsTable } = await import('#production/planning/mrp');
    const cut = balancedCut(mrpItemsTable(plant, result), mrpItemOrder(plant));
    expect(cut).toBeGreaterThan(1200);
    expect(cut).toBeLessThan(2400);
    const printed = async (printer: MrpPrinter) => {
      let text = '';
      const decoder = new TextDecoder();
      await printMrpJson(plant, result, (piece) => (text += typeof piece === 'string' ? piece : decoder.decode(piece)), printer);
      return text;
    };
    const failing: MrpPrinter = { print: () => Promise.reject(new Error('thread gone')), close: async () => undefined };
    expect(await printed(failing)).toBe(alone);
    const { startMrpPrinter } = await import('./mrp-output.parallel.js');
    const printer = startMrpPrinter();
    try {
      expect(await printed(printer)).toBe(alone);
    } finally {
      await printer.close();
    }
  }, 60_000);
});
