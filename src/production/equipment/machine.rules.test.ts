import { describe, expect, it } from 'vitest';
import { downtimeHours, machinePhonePath, machineShare, refuseStateChange } from './machine.rules';

describe('machine register rules (PP-23, PP-26)', () => {
  it('PP-26 a machine carries an equal share of its workshop unless its own share is set', () => {
    expect(machineShare(null, 4)).toBe(0.25);
    expect(machineShare(null, 0)).toBe(1);
    expect(machineShare(0.5, 4)).toBe(0.5);
  });

  it('PP-26 a machine stopped for a repair is not started by hand: the repair closes it (维持停机状态)', () => {
    expect(refuseStateChange({ from: 'stopped', to: 'running', hasOpenRepair: true })?.en).toMatch(/repair order/);
    expect(refuseStateChange({ from: 'stopped', to: 'running', hasOpenRepair: false })).toBeNull();
    expect(refuseStateChange({ from: 'running', to: 'retired', hasOpenRepair: false })).toBeNull();
    expect(refuseStateChange({ from: 'retired', to: 'running', hasOpenRepair: false })).not.toBeNull();
    expect(refuseStateChange({ from: 'running', to: 'under_repair', hasOpenRepair: false })).not.toBeNull();
  });

  it('PP-26 downtime is the clock hours from the stop to the return, to one decimal', () => {
    expect(downtimeHours(new Date('2026-04-10T02:00:00Z'), new Date('2026-04-10T06:30:00Z'))).toBe(4.5);
    expect(downtimeHours(new Date('2026-04-10T02:00:00Z'), new Date('2026-04-12T02:06:00Z'))).toBe(48.1);
  });

  it('PP-23 the card’s code opens the machine’s phone page', () => {
    expect(machinePhonePath('abc')).toBe('/public/equipment/abc');
  });
});
