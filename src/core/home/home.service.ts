import type { Actor } from '../access';
import { findInbox, type Workflows } from '../approval';
import { findDeadlines, orgToday } from '../calendar';
import type { Db } from '../db';
import { countUnread } from '../notify';
import type { HomeCard, HomeView } from './home.contract';
import { isLate, nextDeadlineOf, orderTasks, withLateDeadlines } from './home.rules';

/** What a module's home source is given: the person, their organisation's day and the clock. */
export interface HomeSourceContext {
  db: Db;
  actor: Actor;
  workflows: Workflows;
  now: Date;
  /** Today in the organisation's time zone. */
  today: string;
}

/** A module's contribution to each person's home page; null when the person has nothing there. */
export interface HomeSourceDeclaration {
  name: string;
  find: (ctx: HomeSourceContext) => Promise<HomeCard | null>;
}

const DEADLINE_TAG = { zh: '截止事项', en: 'Deadline' };

/**
 * Issue 15 item 3: one read for the first screen. The inbox (every module's inbox sources),
 * my open deadlines and each module's card are merged into one list of things to do, late
 * first; the next deadline ahead is named; cards with figures are shown per module.
 */
export async function getHome(db: Db, workflows: Workflows, sources: readonly HomeSourceDeclaration[], actor: Actor, now: Date): Promise<HomeView> {
  const today = await orgToday(db, actor.orgId, now);
  const inbox = await findInbox(db, workflows, actor);
  const deadlines = await findDeadlines(db, actor, { scope: 'mine', limit: 200 }, now);
  const open = deadlines.filter((d) => d.state === 'open' || d.state === 'missed');
  const unread = await countUnread(db, actor);
  const cards: HomeCard[] = [];
  for (const source of sources) {
    const found = await source.find({ db, actor, workflows, now, today });
    if (found) cards.push(found);
  }
  const tasks = orderTasks(
    withLateDeadlines(
      [
        ...inbox.map((i) => ({
          module: i.kind.split('.')[0],
          tag: i.tag,
          title: i.title,
          link: i.link,
          due: i.due ?? null,
          isLate: isLate(i.due ?? null, now, today),
          since: i.since,
        })),
        ...cards.flatMap((c) => c.tasks.map((t) => ({ ...t, module: c.module }))),
      ],
      open
        .filter((d) => d.status === 'overdue')
        .map((d) => ({
          module: d.subjectType.split('.')[0],
          tag: DEADLINE_TAG,
          title: { zh: d.titleZh, en: d.titleEn },
          link: d.link ?? '/deadlines',
          due: d.dueAt.toISOString(),
          isLate: true,
          since: null,
        })),
    ),
  );
  const next = nextDeadlineOf(open, now);
  return {
    counts: { waiting: tasks.length, late: tasks.filter((t) => t.isLate).length, unread },
    nextDeadline: next
      ? { title: { zh: next.titleZh, en: next.titleEn }, due: next.dueAt.toISOString(), link: next.link ?? '/deadlines', clause: next.clause }
      : null,
    tasks,
    cards: cards.filter((c) => c.figures.length > 0),
  };
}
