import type { Policy } from '#core/policy';

type Level = 'provincial' | 'city' | 'district';

export interface BackboneShare {
  active: number;
  backbone: number;
  byLevel: Record<Level, number>;
  share: number;
  target: number;
  /** More backbone teachers needed to reach the target share (0 when reached). */
  needed: number;
  isMet: boolean;
}

/** ST-12 (S2 二.3): backbone teachers at every level against the target share of all teachers. */
export function backboneShareOf(teachers: { isActive: boolean; backboneLevel: Level | null }[], target: number): BackboneShare {
  const active = teachers.filter((t) => t.isActive);
  const backbone = active.filter((t) => t.backboneLevel);
  const byLevel: Record<Level, number> = { provincial: 0, city: 0, district: 0 };
  for (const t of backbone) byLevel[t.backboneLevel!]++;
  const needed = Math.max(0, Math.ceil(target * active.length - 1e-9) - backbone.length);
  return {
    active: active.length,
    backbone: backbone.length,
    byLevel,
    share: active.length ? Math.round((backbone.length / active.length) * 1000) / 1000 : 0,
    target,
    needed,
    isMet: needed === 0,
  };
}

export interface TrackProgress {
  theory: number;
  practice: number;
  total: number;
  theoryRequired: number;
  practiceRequired: number;
  totalRequired: number;
  isMet: boolean;
}

/** T5: theory and practice hours of one teacher's track against the policy's split. */
export function trackProgressOf(hours: { kind: 'theory' | 'practice'; hours: number }[], track: Policy['training']['backboneTrack']): TrackProgress {
  const sum = (k: 'theory' | 'practice') => Math.round(hours.filter((h) => h.kind === k).reduce((n, h) => n + h.hours, 0) * 100) / 100;
  const theory = sum('theory');
  const practice = sum('practice');
  return {
    theory,
    practice,
    total: Math.round((theory + practice) * 100) / 100,
    theoryRequired: track.theoryHours,
    practiceRequired: track.practiceHours,
    totalRequired: track.totalHours,
    isMet: theory >= track.theoryHours && practice >= track.practiceHours,
  };
}
