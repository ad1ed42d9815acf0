import { type BusinessCalendar, addDays, isBusinessDay, isoWeekday, localDateTime } from '#core/calendar';
import type { StandingSlot } from '#core/policy';

type Text = { zh: string; en: string };

export interface GroupRef {
  id: string;
  name: string;
}

export interface Occurrence {
  generationKey: string;
  slotCode: string;
  date: string;
  startsAt: Date;
  endsAt: Date;
  title: Text;
  category: StandingSlot['category'];
  audience: 'all' | 'group';
  groupId: string | null;
  clause: string;
}

export interface SkippedDay {
  date: string;
  slotCode: string;
  reason: Text;
}

export interface ScheduleExpansion {
  occurrences: Occurrence[];
  skipped: SkippedDay[];
  /** Slots naming a group the school does not have. */
  problems: Text[];
}

/**
 * ST-2: the standing weekly schedule (S1 学习制度 1–2, 管理制度 3) turned into sessions for
 * a period. Days that are no working days (holidays, weekends not made up) are skipped
 * and reported; 'eachGroup' slots give one session per teaching-research group.
 */
export function expandStandingSchedule(
  slots: readonly StandingSlot[],
  range: { from: string; to: string },
  calendar: BusinessCalendar,
  groups: readonly GroupRef[],
  utcOffsetMinutes: number,
): ScheduleExpansion {
  const occurrences: Occurrence[] = [];
  const skipped: SkippedDay[] = [];
  const problems: Text[] = [];
  const audiences = new Map<string, { groupId: string | null; groupName: string | null }[]>();
  for (const slot of slots) {
    if (slot.audience === 'all') audiences.set(slot.code, [{ groupId: null, groupName: null }]);
    else if (slot.audience === 'eachGroup')
      audiences.set(
        slot.code,
        groups.map((g) => ({ groupId: g.id, groupName: g.name })),
      );
    else {
      const g = groups.find((x) => x.name === slot.groupName);
      if (!g)
        problems.push({
          zh: `常规安排“${slot.titleZh}”指定的教研组“${slot.groupName ?? ''}”不存在`,
          en: `Slot ${slot.titleEn} names a group that does not exist: ${slot.groupName ?? ''}`,
        });
      audiences.set(slot.code, g ? [{ groupId: g.id, groupName: g.name }] : []);
    }
  }
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    for (const slot of slots) {
      if (slot.weekday !== weekday) continue;
      if (!isBusinessDay(date, calendar)) {
        const holiday = calendar.holidays.get(date);
        skipped.push({
          date,
          slotCode: slot.code,
          reason: holiday ? { zh: `节假日：${holiday.name}`, en: `Holiday: ${holiday.name}` } : { zh: '休息日', en: 'Rest day' },
        });
        continue;
      }
      const startsAt = localDateTime(date, slot.startTime, utcOffsetMinutes);
      const endsAt = new Date(startsAt.getTime() + slot.durationMinutes * 60_000);
      for (const a of audiences.get(slot.code) ?? []) {
        occurrences.push({
          generationKey: `${slot.code}|${a.groupId ?? 'all'}|${date}`,
          slotCode: slot.code,
          date,
          startsAt,
          endsAt,
          title:
            a.groupName && slot.audience === 'eachGroup'
              ? { zh: `${slot.titleZh}（${a.groupName}）`, en: `${slot.titleEn} (${a.groupName})` }
              : { zh: slot.titleZh, en: slot.titleEn },
          category: slot.category,
          audience: a.groupId ? 'group' : 'all',
          groupId: a.groupId,
          clause: slot.clause,
        });
      }
    }
  }
  return { occurrences, skipped, problems };
}
