import { type BusinessCalendar, isoWeekday } from '#core/calendar';

// Pure rules of the master data: BOM cycles and the workshops' capacity calendars.

export interface BomEdge {
  parentItemId: string;
  childItemId: string;
}

/** The cycle the edge would close (parent … parent), or null when the BOM stays a tree/DAG. */
export function findBomCycle(edges: readonly BomEdge[], added: BomEdge): string[] | null {
  const children = new Map<string, string[]>();
  for (const e of [...edges, added]) {
    const list = children.get(e.parentItemId) ?? [];
    list.push(e.childItemId);
    children.set(e.parentItemId, list);
  }
  // A path from the new child back to the new parent closes a loop through the new edge.
  const path: string[] = [];
  const seen = new Set<string>();
  const walk = (node: string): boolean => {
    path.push(node);
    if (node === added.parentItemId) return true;
    if (!seen.has(node)) {
      seen.add(node);
      for (const next of children.get(node) ?? []) if (walk(next)) return true;
    }
    path.pop();
    return false;
  };
  return walk(added.childItemId) ? [added.parentItemId, ...path] : null;
}

export interface WorkshopPattern {
  shiftsPerDay: number;
  hoursPerShift: number;
  lines: number;
  efficiency: number;
  workingWeekdays: readonly number[];
}

/** Regular hours of a working day: shifts × hours × parallel lines × efficiency. */
export const regularDayHours = (w: WorkshopPattern): number => w.shiftsPerDay * w.hoursPerShift * w.lines * w.efficiency;

/**
 * Capacity hours of one day: the workshop's own exception first (overtime, a stop), then the
 * organisation's holidays (a make-up working day counts as working), then its weekly pattern.
 */
export function workshopDayHours(w: WorkshopPattern, day: string, calendar: BusinessCalendar, overrides: ReadonlyMap<string, number>): number {
  const own = overrides.get(day);
  if (own !== undefined) return own;
  const holiday = calendar.holidays.get(day);
  if (holiday) return holiday.isWorkday ? regularDayHours(w) : 0;
  return w.workingWeekdays.includes(isoWeekday(day)) ? regularDayHours(w) : 0;
}

/** BOM quantity the MRP explodes: per good unit of the parent, so a yield below 1 needs more. */
export const effectiveQtyPer = (qtyPer: number, yieldRate: number): number => qtyPer / (yieldRate > 0 ? yieldRate : 1);
