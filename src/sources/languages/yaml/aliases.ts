import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/**
 * The yaml package's own bound on alias expansion (its toJS `maxAliasCount`):
 * a document whose aliases expand past it is a "billion laughs" file.
 */
export const MAX_ALIAS_COUNT = 100;

type Child = unknown;

/** A node's children, in document order. */
function childrenOf(node: unknown): unknown[] {
  if (isCollection(node)) return [...node.items];
  if (isPair(node)) return [node.key, node.value];
  return [];
}

function childAt(parent: unknown, index: number): unknown {
  if (isCollection(parent)) return (parent.items as unknown[])[index];
  if (isPair(parent)) return index === 0 ? parent.key : parent.value;
  return undefined;
}

/** Writes `value` in place of the child at `index` of `parent` (a collection's item, or a pair's key or value). */
function replaceChild(parent: unknown, index: number, value: Node): void {
  if (isCollection(parent)) (parent.items as unknown[])[index] = value;
  else if (isPair(parent)) {
    if (index === 0) parent.key = value;
    else parent.value = value;
  }
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return (value === '<<' && (key.type === 'PLAIN' || key.type === undefined)) || (typeof value === 'symbol' && value.description === '<<');
}

function keyOf(key: unknown): string | null {
  return isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number' || typeof key.value === 'boolean') ? `${typeof key.value}:${String(key.value)}` : null;
}

/**
 * Resolves a parsed document's aliases and merge keys in its node tree, as
 * the YAML loaders of the tools do (PyYAML for Ansible and cloud-init,
 * go-yaml for Kubernetes): `*m` becomes the node anchored `&m` before it (the
 * very node, so every value keeps the anchor's span), and `<<: *m` (or a
 * list of maps) inserts the merged map's pairs whose keys the map does not
 * set itself, earlier sources first (https://yaml.org/type/merge.html).
 *
 * Bounded as the yaml package bounds it: the document is first converted
 * with its `maxAliasCount`; a document past it (an alias bomb), or with an
 * alias the package cannot resolve, is left as it is and the reason is
 * returned (the caller reports it). Iterative, every node visited once.
 */
export function resolveAliases(document: Document.Parsed): string | null {
  let aliases = false;
  for (const stack: unknown[] = [document.contents]; stack.length > 0; ) {
    const node = stack.pop();
    if (isAlias(node) || (isPair(node) && isMergeKey(node.key))) {
      aliases = true;
      break;
    }
    for (const child of childrenOf(node)) stack.push(child);
  }
  if (!aliases) return null;
  try {
    document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'aliases cannot be resolved';
  }

  // 1. Aliases, in document order: an alias names the last node anchored so before it.
  const anchors = new Map<string, Node>();
  const root = document.contents as Child;
  if (isAlias(root)) return null;
  if (root !== null && typeof root === 'object' && 'anchor' in root && typeof root.anchor === 'string') anchors.set(root.anchor, root as Node);
  const pending: [unknown, number][] = [];
  const pushChildren = (node: unknown): void => {
    const count = isCollection(node) ? node.items.length : isPair(node) ? 2 : 0;
    for (let i = count - 1; i >= 0; i--) pending.push([node, i]);
  };
  pushChildren(root);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [parent, index] = next;
    const child = childAt(parent, index);
    if (isAlias(child)) {
      const source = anchors.get(child.source);
      if (source !== undefined) replaceChild(parent, index, source);
      continue;
    }
    const anchor = (child as { anchor?: unknown } | null)?.anchor;
    if (typeof anchor === 'string' && isNodeLike(child)) anchors.set(anchor, child);
    pushChildren(child);
  }

  // 2. Merge keys, maps in document order (a merged map is anchored before, so it is already expanded).
  const seen = new Set<unknown>();
  for (const stack: unknown[] = [root]; stack.length > 0; ) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (isMap(node)) expandMerges(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return null;
}

function isNodeLike(value: unknown): value is Node {
  return isCollection(value) || isScalar(value);
}

function expandMerges(map: YAMLMap): void {
  const items = map.items;
  if (!items.some((pair) => isMergeKey(pair.key))) return;
  const taken = new Set<string>();
  for (const pair of items) {
    const key = isMergeKey(pair.key) ? null : keyOf(pair.key);
    if (key !== null) taken.add(key);
  }
  const out: Pair[] = [];
  for (const pair of items) {
    if (!isMergeKey(pair.key)) {
      out.push(pair);
      continue;
    }
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      if (!isMap(source)) continue;
      for (const merged of source.items) {
        const key = keyOf(merged.key);
        if (key === null || taken.has(key)) continue;
        taken.add(key);
        out.push(merged);
      }
    }
  }
  map.items = out;
}
