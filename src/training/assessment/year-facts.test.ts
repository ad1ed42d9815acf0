import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS } from '#core/policy';
import type { AttendanceRow } from '../attendance';
import type { YearRecords } from '../credit';
import type { SessionRow } from '../session';
import { yearFactsOf } from './year-facts.service';

const session = (id: string): SessionRow =>
  ({
    id,
    orgId: 'o',
    title: `培训 ${id}`,
    sessionDate: '2026-03-02',
    category: 'theory',
    creditParts: [],
    startsAt: new Date('2026-03-02T08:00:00Z'),
    endsAt: new Date('2026-03-02T09:30:00Z'),
    isCentralised: true,
    state: 'scheduled',
  }) as unknown as SessionRow;
const record = (sessionId: string, status: AttendanceRow['status'], source: AttendanceRow['source']): AttendanceRow =>
  ({
    sessionId,
    teacherId: 't',
    status,
    source,
    signedInAt: source === 'self_qr' ? new Date('2026-03-02T08:00:00Z') : null,
    lateMinutes: 0,
    leftEarlyMinutes: 0,
  }) as unknown as AttendanceRow;

describe('the evidence a verdict lists (issue 13 item 5)', () => {
  it('ST-7 issue 13 item 5: sign-ins entered by the recorder count as sign-ins; absences do not', () => {
    const records: YearRecords = {
      schoolYear: '2025-2026',
      sessions: ['a', 'b', 'c', 'd'].map(session),
      attendance: [record('a', 'on_time', 'self_qr'), record('b', 'on_time', 'recorder'), record('c', 'late', 'override'), record('d', 'absent', 'system')],
      claims: [],
    };
    const facts = yearFactsOf('t', records, undefined, POLICY_PRESETS.S1.training);
    expect(facts.evidence.signIns).toBe(3);
    expect(facts.absences.map((a) => a.sessionId)).toEqual(['d']);
  });
});
