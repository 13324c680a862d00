/** An entry of the navigation, as the app lists it and as Ant Design's Menu takes it. */
type Item<L> = { key: string; icon?: unknown; label: L };
type Entry<L> = { key: string; label: L; children?: Entry<L>[] };

/** Entries folded into one, shown where the first of them stood. */
export type NavGroup<L> = { key: string; label: L; members: readonly string[] };

/**
 * The navigation as the header's one line shows it: words without icons, and related entries folded into
 * one (its title still leads somewhere), so that every entry stays in view at 1440 px in English and
 * 1366 px in Chinese instead of under Ant Design's "···". A group the caller may open no entry of is left
 * out; one with a single entry shows that entry. The drawer on narrow screens keeps the flat list.
 */
export function groupNavItems<L>(items: readonly Item<L>[], groups: readonly NavGroup<L>[]): Entry<L>[] {
  const plain = (item: Item<L>): Entry<L> => ({ key: item.key, label: item.label });
  const groupOf = new Map(groups.flatMap((g) => g.members.map((key) => [key, g] as const)));
  const placed = new Set<string>();
  const result: Entry<L>[] = [];
  for (const item of items) {
    const group = groupOf.get(item.key);
    if (!group) {
      result.push(plain(item));
      continue;
    }
    if (placed.has(group.key)) continue;
    placed.add(group.key);
    const children = items.filter((i) => groupOf.get(i.key) === group).map(plain);
    const [only] = children;
    result.push(children.length === 1 && only ? only : { key: group.key, label: group.label, children });
  }
  return result;
}
