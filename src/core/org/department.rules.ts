// Issue 15 item 10: a department moves under a new parent, never into its own subtree.

/** True when `parentId` is `id` itself or lies below it. */
export function wouldCycle(all: { id: string; parentId: string | null }[], id: string, parentId: string): boolean {
  const byId = new Map(all.map((d) => [d.id, d]));
  let at: string | null = parentId;
  for (let steps = 0; at && steps <= all.length; steps++) {
    if (at === id) return true;
    at = byId.get(at)?.parentId ?? null;
  }
  return false;
}
