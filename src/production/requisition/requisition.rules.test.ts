import { describe, expect, it } from 'vitest';
import { checkIssueLines, checkReturnLines, issueRefusal, placeIssueLines, progressOf, stageOf } from './issue.rules';
import {
  checkRequestedLines,
  drawingWorkshopOf,
  isAboveNorm,
  type NormBomLine,
  normPerUnit,
  normsByDay,
  type PriorLine,
  priorForDays,
  proposeLines,
  roundUpQty,
  workshopNorms,
} from './requisition.rules';
import { materialVarianceRule, usageVsNorm } from './usage.rules';

// A case of wine: 4.5 L of base wine at a 97 % yield, 6 bottles with 1 % scrap (filling),
// one carton (packing); filling is the first operation, packing the second.
const bom: NormBomLine[] = [
  { id: 'b1', parentItemId: 'wine', childItemId: 'base', qtyPer: 4.5, scrapRate: 0, yieldRate: 0.97, workshopId: null },
  { id: 'b2', parentItemId: 'wine', childItemId: 'bottle', qtyPer: 6, scrapRate: 0.01, yieldRate: 1, workshopId: null },
  { id: 'b3', parentItemId: 'wine', childItemId: 'carton', qtyPer: 1, scrapRate: 0, yieldRate: 1, workshopId: 'pack' },
  { id: 'b4', parentItemId: 'base', childItemId: 'grape', qtyPer: 1.4, scrapRate: 0, yieldRate: 1, workshopId: null },
];
const routings = [
  { itemId: 'wine', seq: 20, workshopId: 'pack' },
  { itemId: 'wine', seq: 10, workshopId: 'fill' },
  { itemId: 'base', seq: 10, workshopId: 'brew' },
];
const unit = (id: string) => (id === 'base' ? 'L' : '个');

describe('requisition norms and proposals (PP-17, T4 第二十八条)', () => {
  it('PP-17 the norm per unit is the BOM quantity over the yield, plus scrap — as the MRP explodes it', () => {
    expect(normPerUnit(bom[0])).toBeCloseTo(4.5 / 0.97, 6);
    expect(normPerUnit(bom[1])).toBe(6.06);
    expect(normPerUnit({ qtyPer: 2, scrapRate: 0.05, yieldRate: 0.8 })).toBeCloseTo(2.625, 6);
  });

  it('PP-17 a component is drawn by the workshop set on its BOM line, else by the parent’s first operation', () => {
    expect(drawingWorkshopOf(bom[0], routings)).toBe('fill');
    expect(drawingWorkshopOf(bom[2], routings)).toBe('pack');
    expect(drawingWorkshopOf(bom[3], routings)).toBe('brew');
    expect(drawingWorkshopOf({ ...bom[0], parentItemId: 'unrouted' }, routings)).toBeNull();
    expect(
      workshopNorms(bom, routings)
        .filter((n) => n.workshopId === 'fill')
        .map((n) => n.materialId),
    ).toEqual(['base', 'bottle']);
  });

  it('PP-17 the proposal is planned quantity × norm for the chosen days, rounded up (whole pieces)', () => {
    const norms = workshopNorms(bom, routings);
    const planned = [
      { day: '2026-04-13', itemId: 'wine', qty: 1000 },
      { day: '2026-04-14', itemId: 'wine', qty: 137 },
      { day: '2026-04-15', itemId: 'wine', qty: 500 },
    ];
    const perDay = normsByDay('fill', planned, norms);
    expect(perDay.get('carton')).toBeUndefined();
    const lines = proposeLines(['2026-04-13', '2026-04-14'], perDay, new Map(), unit);
    const bottle = lines.find((l) => l.itemId === 'bottle')!;
    expect(bottle).toMatchObject({ normQty: 6890.22, priorQty: 0, proposedQty: 6891, normByDay: { '2026-04-13': 6060, '2026-04-14': 830.22 } });
    const base = lines.find((l) => l.itemId === 'base')!;
    expect(base.proposedQty).toBe(roundUpQty((1137 * 4.5) / 0.97, 'L'));
    expect(base.proposedQty).toBeGreaterThanOrEqual(base.normQty);
    expect(roundUpQty(6060.0000000001, '个')).toBe(6060);
    expect(roundUpQty(-3, '个')).toBe(0);
  });

  it('PP-17 what was already requisitioned for the same days is taken off, shared over its days by its norm', () => {
    const prior: PriorLine[] = [
      // Asked for Mon + Tue with a norm of 6060 + 830.22: 6891 bottles, 1/1 of it on those days.
      { days: ['2026-04-13', '2026-04-14'], itemId: 'bottle', requestedQty: 6891, normByDay: { '2026-04-13': 6060, '2026-04-14': 830.22 } },
      // A line with no norm counts equally on its days.
      { days: ['2026-04-14', '2026-04-15'], itemId: 'base', requestedQty: 100, normByDay: {} },
    ];
    const onTuesday = priorForDays(prior, ['2026-04-14']);
    expect(onTuesday.get('bottle')).toBeCloseTo((6891 * 830.22) / 6890.22, 4);
    expect(onTuesday.get('base')).toBe(50);
    const perDay = normsByDay('fill', [{ day: '2026-04-14', itemId: 'wine', qty: 137 }], workshopNorms(bom, routings));
    const [again] = proposeLines(['2026-04-14'], perDay, onTuesday, unit).filter((l) => l.itemId === 'bottle');
    expect(again.proposedQty).toBe(0);
  });

  it('PP-17 a line is above the norm beyond the tolerance, counting what the days already got; it needs a reason', () => {
    expect(isAboveNorm({ normQty: 1000, priorQty: 0, requestedQty: 1020 }, 0.02)).toBe(false);
    expect(isAboveNorm({ normQty: 1000, priorQty: 0, requestedQty: 1021 }, 0.02)).toBe(true);
    expect(isAboveNorm({ normQty: 1000, priorQty: 1000, requestedQty: 1 }, 0)).toBe(true);
    expect(isAboveNorm({ normQty: 0, priorQty: 0, requestedQty: 5 }, 0.5)).toBe(true);
    const problems = checkRequestedLines(
      [
        { itemId: 'a', requestedQty: 1100, normQty: 1000, priorQty: 0, reason: '' },
        { itemId: 'b', requestedQty: 1100, normQty: 1000, priorQty: 0, reason: '破损补领' },
        { itemId: 'a', requestedQty: 0, normQty: 0, priorQty: 0 },
      ],
      0.02,
    );
    expect(problems.map((p) => p.field)).toEqual(['lines.0.reason', 'lines.2.itemId', 'lines.2.requestedQty']);
    expect(checkRequestedLines([], 0)).toEqual([expect.objectContaining({ field: 'lines' })]);
  });
});

describe('issuing against a requisition (PP-17, 仓库凭批准的领料单核发材料)', () => {
  const progress = progressOf(
    [
      { itemId: 'bottle', requestedQty: 6000 },
      { itemId: 'base', requestedQty: 4700 },
    ],
    new Map([['bottle', 4000]]),
    new Map([['bottle', 100]]),
  );

  it('PP-17 requested, issued, returned and outstanding per line; the stage follows', () => {
    expect(progress[0]).toEqual({ itemId: 'bottle', requestedQty: 6000, issuedQty: 4000, returnedQty: 100, outstandingQty: 2000 });
    expect(stageOf('approved', progress)).toBe('partial');
    expect(stageOf('approved', progressOf([{ itemId: 'x', requestedQty: 5 }], new Map(), new Map()))).toBe('to_issue');
    expect(stageOf('approved', progressOf([{ itemId: 'x', requestedQty: 5 }], new Map([['x', 5]]), new Map()))).toBe('issued');
    expect(stageOf('escalated', progress)).toBe('escalated');
  });

  it('PP-17 an unapproved, rejected, withdrawn or fully issued requisition cannot be issued', () => {
    for (const s of ['submitted', 'escalated', 'rejected', 'withdrawn'] as const) expect(issueRefusal(s, 'LL-2026-0001', progress)).not.toBeNull();
    expect(issueRefusal('submitted', 'LL-2026-0001', progress)?.zh).toContain('尚未经车间主任批准');
    expect(issueRefusal('approved', 'LL-2026-0001', progress)).toBeNull();
    expect(issueRefusal('approved', 'LL-2026-0001', progressOf([{ itemId: 'x', requestedQty: 5 }], new Map([['x', 5]]), new Map()))?.zh).toContain(
      '已全部发料',
    );
  });

  it('PP-17 an issue stays within what is outstanding; a return within what was issued and not returned', () => {
    expect(
      checkIssueLines(progress, [
        { itemId: 'bottle', qty: 2000 },
        { itemId: 'base', qty: 4700 },
      ]),
    ).toEqual([]);
    expect(
      checkIssueLines(progress, [
        { itemId: 'bottle', qty: 1500 },
        { itemId: 'bottle', qty: 501 },
      ]).map((p) => p.field),
    ).toEqual(['lines.1.qty']);
    expect(checkIssueLines(progress, [{ itemId: 'cork', qty: 1 }]).map((p) => p.field)).toEqual(['lines.0.itemId']);
    expect(checkReturnLines(progress, [{ itemId: 'bottle', qty: 3900 }])).toEqual([]);
    expect(checkReturnLines(progress, [{ itemId: 'bottle', qty: 3901 }])[0].zh).toContain('3900');
    expect(checkReturnLines(progress, [{ itemId: 'base', qty: 1 }]).map((p) => p.field)).toEqual(['lines.0.qty']);
  });
});

describe('which store an issue takes from (PP-16, PP-17)', () => {
  const held = [
    { itemId: 'bottle', locationId: 'BCK', lot: 'L1', onHand: 300 },
    { itemId: 'bottle', locationId: 'BCK', lot: 'L2', onHand: 500 },
    { itemId: 'cap', locationId: 'BCK', lot: '', onHand: 0 },
  ];
  it('PP-17 a line naming no store is taken from the stores holding the item, oldest lot first', () => {
    expect(placeIssueLines([{ itemId: 'bottle', qty: 450 }], held)).toEqual([
      { itemId: 'bottle', qty: 300, locationId: 'BCK', lot: 'L1' },
      { itemId: 'bottle', qty: 150, locationId: 'BCK', lot: 'L2' },
    ]);
  });
  it('PP-16 what no store holds stays on one place for the shortage policy to judge; a named store is kept', () => {
    expect(placeIssueLines([{ itemId: 'bottle', qty: 1000 }], held)).toEqual([
      { itemId: 'bottle', qty: 500, locationId: 'BCK', lot: 'L1' },
      { itemId: 'bottle', qty: 500, locationId: 'BCK', lot: 'L2' },
    ]);
    expect(placeIssueLines([{ itemId: 'cap', qty: 10 }], held)).toEqual([{ itemId: 'cap', qty: 10, locationId: null, lot: null }]);
    expect(placeIssueLines([{ itemId: 'bottle', qty: 10, locationId: 'YLK' }], held)).toEqual([{ itemId: 'bottle', qty: 10, locationId: 'YLK', lot: null }]);
  });
});

describe('usage against the norm (PP-17, T4 第二十九、三十条)', () => {
  const norms = workshopNorms(bom, routings);

  it('PP-17 issued net of returns against the norm for the 进仓 and for the plan; over-use beyond the threshold is flagged', () => {
    const rows = usageVsNorm(
      {
        workshopId: 'fill',
        issued: new Map([
          ['bottle', 6300],
          ['base', 4600],
        ]),
        produced: new Map([['wine', 1000]]),
        planned: new Map([['wine', 1100]]),
        norms,
      },
      0.03,
    );
    const bottle = rows.find((r) => r.itemId === 'bottle')!;
    expect(bottle).toMatchObject({ issuedQty: 6300, normActualQty: 6060, normPlannedQty: 6666, varianceQty: 240, varianceRate: 0.0396, isOverThreshold: true });
    const base = rows.find((r) => r.itemId === 'base')!;
    expect(base.varianceQty).toBeLessThan(0);
    expect(base.isOverThreshold).toBe(false);
    // Within the threshold at 5 %.
    expect(
      usageVsNorm({ workshopId: 'fill', issued: new Map([['bottle', 6300]]), produced: new Map([['wine', 1000]]), planned: new Map(), norms }, 0.05)[0]
        .isOverThreshold,
    ).toBe(false);
  });

  it('PP-17 material drawn with nothing yet in the warehouse shows, with no rate to judge', () => {
    const [row] = usageVsNorm({ workshopId: 'pack', issued: new Map([['carton', 50]]), produced: new Map(), planned: new Map(), norms }, 0.05);
    expect(row).toMatchObject({ itemId: 'carton', issuedQty: 50, normActualQty: 0, varianceRate: null, isOverThreshold: false });
  });

  it('PP-17 one finding per workshop and month citing T4 第三十条; the amount is the policy’s, none when it is 0', () => {
    const rows = usageVsNorm(
      { workshopId: 'fill', issued: new Map([['bottle', 6300]]), produced: new Map([['wine', 1000]]), planned: new Map(), norms },
      0.03,
    ).map((r) => ({ ...r, label: 'P1 酒瓶' }));
    const facts = {
      month: '2026-04',
      workshops: [
        {
          workshopId: 'fill',
          workshopName: '灌装车间',
          departmentId: 'd1',
          rows,
          evidence: [{ entity: 'prod_requisition', entityId: 'r1', label: '领料单 LL-2026-0001' }],
        },
      ],
    };
    const [none] = materialVarianceRule.evaluate(facts, { threshold: 0.03, penalty: 0 });
    expect(none).toMatchObject({
      subjectDepartmentId: 'd1',
      period: '2026-04',
      verdict: 'unqualified',
      amount: null,
      dedupeKey: 'production.material.variance|fill|2026-04',
    });
    expect(none.summary.zh).toContain('P1 酒瓶 超 4%');
    expect(materialVarianceRule.evaluate(facts, { threshold: 0.03, penalty: 30 })[0]).toMatchObject({ verdict: 'penalty', amount: 30 });
    expect(materialVarianceRule.evaluate(facts, { threshold: 0.05, penalty: 30 })).toEqual([]);
    expect(materialVarianceRule.clause).toBe('T4 第三十条');
  });
});
