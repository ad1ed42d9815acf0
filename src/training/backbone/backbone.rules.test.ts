import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '#core/policy';
import { backboneShareOf, trackProgressOf } from './backbone.rules';

describe('backbone teachers (ST-12)', () => {
  it('ST-12 counts backbone teachers by level against the 20% target and says how many are missing', () => {
    const teachers = [
      ...Array.from({ length: 8 }, () => ({ isActive: true, backboneLevel: null })),
      { isActive: true, backboneLevel: 'district' as const },
      { isActive: true, backboneLevel: 'city' as const },
      { isActive: false, backboneLevel: 'provincial' as const },
      { isActive: true, backboneLevel: null },
    ];
    const s = backboneShareOf(teachers, POLICY_PRESETS.S2.training.backboneTargetShare);
    expect(s).toMatchObject({ active: 11, backbone: 2, share: 0.182, target: 0.2, needed: 1, isMet: false, byLevel: { provincial: 0, city: 1, district: 1 } });
    expect(backboneShareOf(teachers.slice(0, 10), 0.2)).toMatchObject({ needed: 0, isMet: true });
  });

  it('ST-12 the 100-hour track needs 60 theory and 40 practice hours (T5)', () => {
    const track = POLICY_PRESETS.T5.training.backboneTrack;
    const p = trackProgressOf(
      [
        { kind: 'theory', hours: 60 },
        { kind: 'practice', hours: 30 },
        { kind: 'practice', hours: 12.5 },
      ],
      track,
    );
    expect(p).toMatchObject({ theory: 60, practice: 42.5, total: 102.5, totalRequired: 100, isMet: true });
    expect(trackProgressOf([{ kind: 'theory', hours: 100 }], track).isMet).toBe(false);
  });
});
