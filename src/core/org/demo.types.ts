import type { Actor } from '../access';
import type { Db } from '../db';

/** What a module's demo seeder gets: one demo organisation, its people and departments by name. */
export interface DemoOrg {
  orgId: string;
  kind: 'enterprise' | 'school';
  /** Regulation template: T1–T4 for plants, S1–S4 for schools. */
  template: string;
  /** A system actor holding every permission in this organisation. */
  actor: Actor;
  /** username → user id, e.g. 'plant.head'. */
  userIds: Map<string, string>;
  /** department name → id, e.g. '生产部'. */
  departmentIds: Map<string, string>;
  today: Date;
}

export type DemoSeeder = (db: Db, org: DemoOrg) => Promise<void>;
