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
});
