import type { DemoSeeder } from '../http';
import { presetNameFor } from './policy.presets';
import { applyPreset } from './policy.service';

/** Version 1 of each demo organisation: its template's preset (T4 plant, S1 school). */
export const seedPolicyDemo: DemoSeeder = async (db, demo) => {
  const preset = presetNameFor(demo.template, demo.kind);
  await applyPreset(db, demo.actor, { baseVersion: 0, preset, reason: `按模板 ${preset} 初始化 / initialised from preset ${preset}` });
};
