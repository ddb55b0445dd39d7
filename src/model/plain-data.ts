/**
 * Repository data as plain data. Every map is a null-prototype object, so a
 * key such as `__proto__`, `constructor` or `prototype` is data like any
 * other: reading it never reaches Object.prototype, and writing through it
 * (`tree[key][sub] = value`) never changes what every other object inherits.
 */
export function dataRecord(entries: Iterable<[string, unknown]> = []): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  // Plain assignment is safe: a null-prototype object has no `__proto__` setter.
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/**
 * A copy of parsed data (yaml's toJS, JSON.parse) whose maps are
 * null-prototype objects; lists stay lists, scalars stay. Iterative (any
 * depth) and a part shared through an alias is copied once.
 */
export function plainData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const copies = new Map<object, unknown>();
  const copyOf = (source: object): unknown => {
    const known = copies.get(source);
    if (known !== undefined) return known;
    const copy = Array.isArray(source) ? new Array<unknown>(source.length) : (Object.create(null) as Record<string, unknown>);
    copies.set(source, copy);
    pending.push([source, copy]);
    return copy;
  };
  const pending: [object, unknown][] = [];
  const root = copyOf(value);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [source, copy] = next;
    const child = (v: unknown): unknown => (v === null || typeof v !== 'object' || v instanceof Date ? v : copyOf(v));
    if (Array.isArray(source)) source.forEach((v, i) => ((copy as unknown[])[i] = child(v)));
    else for (const [k, v] of Object.entries(source)) (copy as Record<string, unknown>)[k] = child(v);
  }
  return root;
}
