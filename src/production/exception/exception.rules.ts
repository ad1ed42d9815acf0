import type { ExceptionAction, ExceptionState } from './exception.contract';

// PP-19 (T4 第三十五、五十四条): does an exception hit other workshops or the total schedule?
// The rule is deliberately simple so a director can check it by hand:
//  - another workshop named in the impact → it hits other workshops;
//  - for each plan line named, the reporting workshop's spare hours between the start of the
//    exception and the line's last planned day are its capacity (the capacity calendar) minus
//    the load of the plan in force on those days (routing hours, offsets ignored). When the
//    hours lost (the estimate, if larger) exceed those spare hours, the line will be late and
//    the exception hits the total schedule.
// Either calls a coordination meeting (T4 第五十五条). Pure.

export type Text = { zh: string; en: string };

export interface ImpactLineFacts {
  planId: string;
  itemId: string;
  label: string;
  /** The line's last planned day from the start; null when nothing is left to make. */
  dueOn: string | null;
  capacityHours: number;
  loadHours: number;
}

export interface ImpactFacts {
  workshopId: string;
  affectedWorkshops: readonly { id: string; name: string }[];
  hoursLost: number;
  hoursEstimated: number;
  lines: readonly ImpactLineFacts[];
}

export interface LineVerdict extends ImpactLineFacts {
  slackHours: number;
  isLate: boolean;
}

export interface ImpactVerdict {
  lostHours: number;
  affectsOtherWorkshops: boolean;
  affectsSchedule: boolean;
  needsCoordination: boolean;
  lines: LineVerdict[];
  reasons: Text[];
}

// A lost hour equal to the spare hours still fits: 0.1 + 0.2 must not make a line late.
const TOLERANCE = 1e-9;
const round1 = (x: number) => Math.round(x * 10) / 10;

export function judgeImpact(f: ImpactFacts): ImpactVerdict {
  const lostHours = Math.max(f.hoursLost, f.hoursEstimated);
  const others = [...new Map(f.affectedWorkshops.filter((w) => w.id !== f.workshopId).map((w) => [w.id, w])).values()];
  const lines = f.lines.map((l): LineVerdict => {
    const slackHours = round1(l.capacityHours - l.loadHours);
    return { ...l, slackHours, isLate: l.dueOn !== null && lostHours > 0 && lostHours > slackHours + TOLERANCE };
  });
  const late = lines.filter((l) => l.isLate);
  const reasons: Text[] = [];
  if (others.length) {
    const names = others.map((w) => w.name);
    reasons.push({ zh: `影响其它车间生产：${names.join('、')}`, en: `Hits other workshops: ${names.join(', ')}` });
  }
  for (const l of late) {
    reasons.push({
      zh: `${l.label} 须于 ${l.dueOn} 前完成，本车间届时仅余 ${l.slackHours} 小时富余产能，损失 ${round1(lostHours)} 小时将使其延误`,
      en: `${l.label} is due by ${l.dueOn}; the workshop has ${l.slackHours} spare hours until then, and losing ${round1(lostHours)} makes it late`,
    });
  }
  const affectsOtherWorkshops = others.length > 0;
  const affectsSchedule = late.length > 0;
  return { lostHours, affectsOtherWorkshops, affectsSchedule, needsCoordination: affectsOtherWorkshops || affectsSchedule, lines, reasons };
}

export interface ExceptionFacts {
  state: ExceptionState;
  isEscalated: boolean;
  /** Action items of its coordination meeting. */
  actionStates: readonly ('open' | 'done' | 'cancelled')[];
}

/** Closing the last action item of the coordination meeting closes the loop. */
export function isLoopClosed(actionStates: readonly string[]): boolean {
  return actionStates.length > 0 && actionStates.every((s) => s !== 'open');
}

/**
 * What the production department may do with an exception now:
 * reported → coordinating (a meeting is called) → resolved, or closed without a meeting;
 * escalation to the vice GM is recorded once, at any point before the end.
 */
export function allowedExceptionActions(e: ExceptionFacts, isProduction: boolean): ExceptionAction[] {
  if (!isProduction) return [];
  const out: ExceptionAction[] = [];
  const isOpen = e.state === 'reported' || e.state === 'coordinating';
  if (e.state === 'reported') out.push('callMeeting');
  if (isOpen && !e.isEscalated) out.push('escalate');
  if (e.state === 'reported' || (e.state === 'coordinating' && !e.actionStates.includes('open'))) out.push('resolve');
  if (e.state === 'reported') out.push('close');
  return out;
}

/** The last day from `from` with a quantity to make, in a plan of daily buckets starting `periodStart`. */
export function lastPlannedDay(dayStarts: readonly string[], quantities: readonly number[], from: string): string | null {
  let last: string | null = null;
  dayStarts.forEach((d, k) => {
    if (d >= from && (quantities[k] ?? 0) > 0) last = d;
  });
  return last;
}
