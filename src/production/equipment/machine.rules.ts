import type { MachineState } from './equipment.schema';

// Pure rules of the machine register (PP-23) and its states (PP-26).

/**
 * The machine's share of its workshop's capacity: its own `capacityShare` when set, else an
 * equal share of the workshop's machines in service (1 / n). A machine that stops a whole
 * line of a two-line workshop carries 0.5 whatever the number of machines on the line.
 */
export function machineShare(capacityShare: number | null, machinesInService: number): number {
  if (capacityShare !== null && capacityShare > 0) return Math.min(1, capacityShare);
  return 1 / Math.max(1, machinesInService);
}

/** A stopped machine and one under repair give no capacity; a retired one is off the books. */
export const isStandingStill = (state: MachineState): boolean => state === 'stopped' || state === 'under_repair';

export interface StateChangeFacts {
  from: MachineState;
  to: MachineState;
  /** A repair order still open on the machine. */
  hasOpenRepair: boolean;
}

/**
 * Why a manual state change is refused, or null. A machine stopped for a repair runs again
 * only when the repair closes (T4 第五十条: 维持停机状态); retired is for good.
 */
export function refuseStateChange(f: StateChangeFacts): { zh: string; en: string } | null {
  if (f.from === f.to) return { zh: '设备已处于该状态', en: 'The machine is already in that state' };
  if (f.from === 'retired') return { zh: '已报废的设备不能恢复', en: 'A retired machine cannot come back' };
  if (f.hasOpenRepair && f.to !== 'retired')
    return {
      zh: '设备有未完成的维修单，须由维修人员修复后恢复运行',
      en: 'An open repair order: maintenance returns the machine to running when it is repaired',
    };
  if (f.hasOpenRepair) return { zh: '请先完成维修单再报废设备', en: 'Close the open repair order before retiring the machine' };
  if (f.to === 'under_repair') return { zh: '“维修中”由维修单受理时设置', en: '“Under repair” is set when maintenance accepts a repair order' };
  return null;
}

/** Clock hours between the stop and the return to running, to one decimal. */
export function downtimeHours(stoppedAt: Date, returnedAt: Date): number {
  return Math.max(0, Math.round((returnedAt.getTime() - stoppedAt.getTime()) / 360_000) / 10);
}

/** The phone page the card's QR code opens (一机一卡): signed out, it asks for the account first. */
export const machinePhonePath = (machineId: string): string => `/public/equipment/${machineId}`;
