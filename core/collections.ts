/**
 * Items by a key of theirs, in their order (`Map.groupBy` arrives with Node 21 and ES2024).
 *
 * @example
 * groupBy(krs, (kr) => kr.objectiveId).get('o1') // the KRs of o1, in their order
 */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}
