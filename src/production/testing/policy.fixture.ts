import { and, eq, sql } from 'drizzle-orm';
import { approvalChains, type ChainStep, saveApprovalChain, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { applyPreset, policyVersions } from '#core/policy';
import type { TestPlant } from './plant.fixture';

// Switching a test plant's policy preset and its monthly plan chain, as the preset tests
// (T1 … T4) do before each case.

/** Applies the policy preset (T1 … T4) over whatever version is in force. */
export async function applyPlantPreset(db: Db, p: TestPlant, preset: string) {
  const [{ v }] = await db
    .select({ v: sql<number>`coalesce(max(${policyVersions.version}), 0)::int` })
    .from(policyVersions)
    .where(eq(policyVersions.orgId, p.orgId));
  await applyPreset(db, p.system, { baseVersion: v, preset, reason: preset });
}

/** Replaces the organisation's monthly plan chain by these steps (no self-approval). */
export async function setMonthlyPlanChain(db: Db, workflows: Workflows, p: TestPlant, steps: ChainStep[], now: Date) {
  const [chain] = await db
    .select()
    .from(approvalChains)
    .where(and(eq(approvalChains.orgId, p.orgId), eq(approvalChains.docType, 'production.monthly_plan')));
  await saveApprovalChain(db, workflows, p.system, 'production.monthly_plan', { version: chain.version, steps, allowSelfApproval: false }, now);
}
