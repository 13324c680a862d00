/**
 * Pairs each item with a React key made from its text, numbered when the same text repeats, so lists of
 * plain strings (which may repeat) get stable keys without using their position alone.
 */
export function keyed<T>(items: readonly T[], textOf: (item: T) => string): Array<{ key: string; item: T }> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const text = textOf(item);
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return { key: count === 1 ? text : `${text}#${count}`, item };
  });
}
