import { seedApprovalDemo } from '#core/approval';
import { seedAssessmentDemo } from '#core/assessment';
import { seedMeetingDemo } from '#core/meeting';
import type { DemoSeeder } from '#core/org';
import { seedPolicyDemo } from '#core/policy';
import { seedLeagueDemo } from '#league';
import { seedProductionDemo } from '#production';
import { seedTrainingDemo } from '#training';

// Each module's demo data, run in order for every demo organisation. One line per module.
export const demoSeeders: DemoSeeder[] = [
  seedPolicyDemo,
  seedApprovalDemo,
  seedAssessmentDemo,
  seedMeetingDemo,
  seedProductionDemo,
  seedTrainingDemo,
  seedLeagueDemo,
];
