import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { FIELD_META, findFieldMeta } from './policy.meta';
import { POLICY_PRESETS, presetNameFor } from './policy.presets';
import { diffPolicies, flattenPolicy, mergePolicyValues, parsePolicy } from './policy.rules';
import { PolicySchema, PRESET_NAMES } from './policy.schema';

describe('policy presets', () => {
  it.each(PRESET_NAMES)('CORE-6 preset %s validates against the policy schema', (name) => {
    expect(PolicySchema.safeParse(POLICY_PRESETS[name]).success).toBe(true);
  });

  it.each(PRESET_NAMES)(
    'issue 13 item 13 preset %s carries the S5 League rules (grade 9 from May, Monday flag-raising, checks every 14 days, five themed months)',
    (name) => {
      const league = POLICY_PRESETS[name].league;
      expect(league).toMatchObject({ graduatingGrade: 9, transferOutMonth: 5, blackboardEveryDays: 14, flagRaisingWeekday: 1 });
      expect(league.themedMonths.map((m) => m.month)).toEqual([2, 3, 4, 5, 6]);
      for (const path of [
        'league.graduatingGrade',
        'league.transferOutMonth',
        'league.blackboardEveryDays',
        'league.flagRaisingWeekday',
        'league.themedMonths',
      ])
        expect(FIELD_META[path]?.label.zh).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('PP-2 the forecast is due on the 25th in T2 and on the 5th in the regulation T1 borrows', () => {
    expect(POLICY_PRESETS.T2.production.forecastDueDay).toBe(25);
    expect(POLICY_PRESETS.T1.production.forecastDueDay).toBe(5);
    expect(POLICY_PRESETS.T1.production.planIssueDay).toBe(10);
  });

  it('PP-8 the monthly plan is approved by the GM in T2 and by the vice GM in T4', () => {
    expect(POLICY_PRESETS.T2.production.monthlyPlanApproverRole).toBe('gm');
    expect(POLICY_PRESETS.T4.production.monthlyPlanApproverRole).toBe('vp_production');
    expect(POLICY_PRESETS.T4.production.monthlyPlanDueDay).toBe(28);
  });

  it('PP-21 the dispatch meeting is on the 28th in T4 and at month end in T3', () => {
    expect(POLICY_PRESETS.T4.production.dispatchMeetingDay).toBe(28);
    expect(POLICY_PRESETS.T3.production.dispatchMeetingDay).toBe(31);
  });

  it('PP-19 the vice GM chairs coordination meetings everywhere; T2 sends every exception to the vice GM, T4 only when needed', () => {
    for (const name of ['T1', 'T2', 'T3', 'T4'] as const) expect(POLICY_PRESETS[name].production.coordinationChairRole).toBe('vp_production');
    expect(POLICY_PRESETS.T2.production.exceptionsAlwaysToVp).toBe(true);
    expect(POLICY_PRESETS.T4.production.exceptionsAlwaysToVp).toBe(false);
  });

  it('PP-28 a plan adjusted for a customer change is approved by the GM in T3/T4 and goes the usual way in T1', () => {
    expect(POLICY_PRESETS.T3.production.customerChangeApproverRole).toBe('gm');
    expect(POLICY_PRESETS.T4.production.customerChangeApproverRole).toBe('gm');
    expect(POLICY_PRESETS.T1.production.customerChangeApproverRole).toBe(POLICY_PRESETS.T1.production.monthlyPlanApproverRole);
  });

  it('PP-27 penalties are 50 yuan per incident and falsification doubles them (T2 七)', () => {
    const a = POLICY_PRESETS.T2.assessment;
    expect([a.planLateIssuePenalty, a.poorOrganisationPenalty, a.qualityDelayPenalty]).toEqual([50, 50, 50]);
    expect(a.falsificationMultiplier).toBe(2);
  });

  it('ST-2 S1 splits subject study by group while S4 holds one business study for all', () => {
    const s1 = POLICY_PRESETS.S1.training.standingSchedule;
    const s4 = POLICY_PRESETS.S4.training.standingSchedule;
    expect(s1.map((s) => [s.weekday, s.audience])).toEqual([
      [1, 'all'],
      [3, 'group'],
      [4, 'group'],
      [5, 'eachGroup'],
    ]);
    expect(s4.find((s) => s.code === 'business')?.audience).toBe('all');
  });

  it('ST-6 ST-7 ST-12 schools need 12 credits, fail at 3 unexcused absences and aim at 20% backbone teachers', () => {
    const tr = POLICY_PRESETS.S2.training;
    expect(tr.creditsPerYear).toBe(12);
    expect(tr.unexcusedAbsenceLimit).toBe(3);
    expect(tr.backboneTargetShare).toBe(0.2);
    expect(POLICY_PRESETS.T5.training.backboneTrack).toEqual({ totalHours: 100, theoryHours: 60, practiceHours: 40 });
  });

  it('ST-4 issue 13 item 2: in every school preset the principal (领导小组组长) may correct one locked record; nobody else', () => {
    for (const name of ['S1', 'S2', 'S3', 'S4', 'T5'] as const) expect(POLICY_PRESETS[name].training.lockOverrideRole, name).toBe('principal');
    expect(FIELD_META['training.lockOverrideRole'].clause).toBe('S1 考勤 五');
  });

  it('ST-11 issue 13 item 6: in every school preset a group needs half its members commended (and none criticised) to be proposed as 先进教研组', () => {
    for (const name of ['S1', 'S2', 'S3', 'S4', 'T5'] as const) expect(POLICY_PRESETS[name].training.advancedGroupMinCommendedShare, name).toBe(0.5);
  });

  it.each(['S1', 'S2', 'S3', 'S4', 'T5'] as const)(
    'ST-18 ST-19 ST-20 issue 13 items 14–16: preset %s names the term panel, the handbook signers and months, the record-book inspectors and the group-plan approver',
    (name) => {
      const tr = POLICY_PRESETS[name].training;
      // S2 五.5 考核小组 and S1 考勤 三 领导组: the principal and the office.
      expect(tr.termPanelRoles).toEqual(['principal', 'academic_director']);
      expect(tr.recordBookInspectorRoles).toEqual(['principal', 'academic_director']);
      // S1 学习制度 1 按月签评: the group leader or the office, every month teachers are at school.
      expect(tr.handbookSignOff.signerRoles).toEqual(['group_leader', 'academic_director']);
      expect(tr.handbookSignOff.months).toEqual([9, 10, 11, 12, 1, 3, 4, 5, 6]);
      // S2 六.(二): group plans under the school plan, approved by the office.
      expect(tr.groupPlanApproverRole).toBe('academic_director');
    },
  );

  it('ST-19 issue 13 item 15: the handbook sign-off cites S1 学习制度 1 and the record-book inspection S1 考勤 三', () => {
    expect(FIELD_META['training.handbookSignOff.months'].clause).toBe('S1 学习制度 1');
    expect(FIELD_META['training.recordBookInspectorRoles'].clause).toBe('S1 考勤 三');
    expect(FIELD_META['training.termPanelRoles'].clause).toBe('S2 五.5');
  });

  it('PP-25 every preset owes the annual maintenance plan in January (T4 第四十八条 每年初); no template says otherwise', () => {
    for (const name of PRESET_NAMES) expect(POLICY_PRESETS[name].production.maintenancePlanDueMonth, name).toBe(1);
    expect(FIELD_META['production.maintenancePlanDueMonth'].clause).toBe('T4 第四十八条');
  });

  it.each(PRESET_NAMES)(
    'issue 12 preset %s carries the district section: 360 学时 in a five-year cycle from 2026, 72 a year, a floor of 12 credits',
    (name) => {
      expect(POLICY_PRESETS[name].district).toEqual({
        cycleYears: 5,
        cycleHours: 360,
        yearlyMinHours: 72,
        cycleStartYear: 2026,
        floor: { creditsPerYear: 12 },
      });
      for (const path of ['district.cycleYears', 'district.cycleHours', 'district.yearlyMinHours', 'district.cycleStartYear', 'district.floor.creditsPerYear'])
        expect(FIELD_META[path]?.label.zh, path).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('issue 12 the district floor is not below what its schools start from, and D1 is the district kind’s preset', () => {
    for (const name of ['S1', 'S2', 'S3', 'S4'] as const)
      expect(POLICY_PRESETS.D1.district.floor.creditsPerYear).toBeLessThanOrEqual(POLICY_PRESETS[name].training.creditsPerYear);
    expect(presetNameFor('X9', 'district')).toBe('D1');
    expect(FIELD_META['district.cycleHours'].clause).toBe('教师〔2011〕1号');
  });

  it('CORE-6 an unknown template falls back to the fullest preset of its kind', () => {
    expect(presetNameFor('S3', 'school')).toBe('S3');
    expect(presetNameFor('X9', 'school')).toBe('S1');
    expect(presetNameFor('X9', 'enterprise')).toBe('T4');
  });

  it('CORE-6 every leaf of every preset has a label and a clause', () => {
    for (const name of PRESET_NAMES) {
      for (const path of Object.keys(flattenPolicy(POLICY_PRESETS[name]))) {
        const meta = findFieldMeta(path);
        expect(meta, path).toBeDefined();
        expect(meta?.clause, path).toBeTruthy();
      }
    }
    expect(FIELD_META['assessment.falsificationMultiplier'].clause).toBe('T2 七.5');
  });
});

describe('policy rules', () => {
  it('CORE-6 a bad value is reported by its field path', () => {
    const bad = mergePolicyValues(POLICY_PRESETS.S1, { training: { creditsPerYear: -1 } });
    try {
      parsePolicy(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).details?.[0].field).toBe('training.creditsPerYear');
    }
  });

  it('CORE-6 a bad value is named by its label in a Chinese message and an English one', () => {
    const bad = mergePolicyValues(POLICY_PRESETS.T4, { production: { dispatchMeetingDay: 40 } });
    try {
      parsePolicy(bad);
      expect.unreachable();
    } catch (e) {
      const err = e as AppError;
      expect(err.message).toBe('制度参数有误：生产调度例会日 production.dispatchMeetingDay（数值过大：期望 number <=31）');
      expect(err.messageEn).toBe('Invalid policy value: Monthly dispatch meeting day production.dispatchMeetingDay (Too big: expected number to be <=31)');
      expect(err.details).toEqual([{ field: 'production.dispatchMeetingDay', reason: 'Too big: expected number to be <=31' }]);
    }
    expect(() => parsePolicy(bad, 'zh-CN')).toThrow(
      expect.objectContaining({ details: [{ field: 'production.dispatchMeetingDay', reason: '数值过大：期望 number <=31' }] }),
    );
  });

  it('ST-9 evaluation weights that do not add up to 1 are refused', () => {
    const bad = mergePolicyValues(POLICY_PRESETS.S1, { training: { evaluationWeights: { self: 0.5 } } });
    expect(() => parsePolicy(bad)).toThrow(/training\.evaluationWeights/);
  });

  it('CORE-4 a partial edit merges into the policy and the diff lists exactly the changed paths', () => {
    const next = parsePolicy(mergePolicyValues(POLICY_PRESETS.T4, { production: { forecastDueDay: 20, capacity: { minUtilisation: 0.5 } } }));
    expect(next.production.capacity.maxUtilisation).toBe(1);
    expect(diffPolicies(POLICY_PRESETS.T4, next)).toEqual([
      { path: 'production.forecastDueDay', before: 25, after: 20 },
      { path: 'production.capacity.minUtilisation', before: 0.6, after: 0.5 },
    ]);
  });

  it('CORE-4 the diff between two templates names the rows of the standing schedule', () => {
    const changes = diffPolicies(POLICY_PRESETS.S1, POLICY_PRESETS.S4).map((c) => c.path);
    expect(changes).toContain('training.standingSchedule.1.audience');
    expect(changes).toContain('training.weeklySelfStudy.journals');
  });
});
