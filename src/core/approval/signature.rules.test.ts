import { describe, expect, it } from 'vitest';
import { formatOrgTime, type SignatureAction, signatureSlots } from './signature.rules';

const steps = [
  { key: 'head', nameZh: '生产部长审核', nameEn: 'Production head', roleCode: 'prod_head' },
  { key: 'vp', nameZh: '副总经理批准', nameEn: 'Vice GM', roleCode: 'vp' },
];
let seq = 0;
const act = (action: string, stepIndex: number | null, actorName: string, at: string, revision = 1): SignatureAction => ({
  seq: ++seq,
  revision,
  action,
  stepIndex,
  actorId: `u-${actorName}`,
  actorName,
  at: new Date(at),
});

describe('issue 14 item 11: printed signature lines from the approval records', () => {
  it('issue 14 item 11: the author’s submission and each step’s decision fill their lines', () => {
    const slots = signatureSlots(steps, [act('submit', null, '计划员', '2026-03-27T01:00:00Z'), act('approve', 0, '部长', '2026-03-27T02:30:00Z')], 1);
    expect(slots.map((s) => [s.key, s.decision, s.actorName, s.at?.toISOString() ?? null])).toEqual([
      ['prepared', 'submitted', '计划员', '2026-03-27T01:00:00.000Z'],
      ['head', 'approved', '部长', '2026-03-27T02:30:00.000Z'],
      ['vp', null, null, null],
    ]);
    expect(slots[2]).toMatchObject({ label: { zh: '副总经理批准' }, roleCode: 'vp' });
  });

  it('issue 14 item 11: a rejection shows; after a re-submission the old decisions no longer sign; a withdrawn submission signs nothing', () => {
    const rejected = [act('submit', null, '计划员', '2026-03-27T01:00:00Z'), act('reject', 0, '部长', '2026-03-27T02:00:00Z')];
    expect(signatureSlots(steps, rejected, 1)[1]).toMatchObject({ decision: 'rejected', actorName: '部长' });
    const again = [...rejected, act('revise', null, '计划员', '2026-03-27T03:00:00Z'), act('submit', null, '计划员', '2026-03-27T04:00:00Z')];
    expect(signatureSlots(steps, again, 1).map((s) => s.decision)).toEqual(['submitted', null, null]);
    expect(signatureSlots(steps, [...again, act('withdraw', null, '计划员', '2026-03-27T05:00:00Z')], 1).map((s) => s.decision)).toEqual([null, null, null]);
  });

  it('issue 14 item 11: only the revision printed signs; times read on the organisation’s clock', () => {
    const old = [
      act('submit', null, '计划员', '2026-03-27T01:00:00Z'),
      act('approve', 0, '部长', '2026-03-27T02:00:00Z'),
      act('approve', 1, '副总', '2026-03-27T03:00:00Z'),
    ];
    expect(signatureSlots(steps, [...old, act('adjust', null, '计划员', '2026-04-02T01:00:00Z', 2)], 2).map((s) => s.actorName)).toEqual([null, null, null]);
    expect(formatOrgTime(new Date('2026-03-27T16:30:00Z'), 480)).toBe('2026-03-28 00:30');
  });
});
