import path from 'node:path';
import type { SourceFile } from '../../model/source.js';
import { parseMainCf } from './main-cf.js';
import { postfixFatalDiagnostics } from './fatal.js';
import { parseMasterCf } from './master-cf.js';
import type { PostfixConfiguration } from './model.js';

export { parseMainCf, lastDefinition, effectiveValues } from './main-cf.js';
export { parseMasterCf, splitServiceName } from './master-cf.js';
export { postfixFatalDiagnostics } from './fatal.js';
export { expandValue, scanValue } from './expand.js';
export { splitList, groupInner, itemValue } from './list.js';

type Kind = 'main' | 'master';

/** `main.cf`, `main.cf.foo` -> main (suffix 'foo'); a stray `*.cf` is sniffed. */
function classify(file: SourceFile): { kind: Kind; suffix: string } {
  const base = path.posix.basename(file.path);
  if (file.role === 'main.cf' || file.role === 'master.cf') {
    const kind: Kind = file.role === 'main.cf' ? 'main' : 'master';
    const stem = file.role;
    if (base === stem) return { kind, suffix: '' };
    return { kind, suffix: base.startsWith(`${stem}.`) ? base.slice(stem.length + 1) : base };
  }
  for (const kind of ['main', 'master'] as const) {
    const stem = `${kind}.cf`;
    if (base === stem) return { kind, suffix: '' };
    if (base.startsWith(`${stem}.`)) return { kind, suffix: base.slice(stem.length + 1) };
  }
  return { kind: sniff(file.text), suffix: base };
}

/**
 * A service line has 8+ fields and no `=` in its first two; a main.cf line is
 * `name = value`. The first decisive logical line wins; main.cf by default.
 */
function sniff(text: string): Kind {
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line) || /^\s/.test(line)) continue;
    const fields = line.trim().split(/\s+/);
    if (/^[^\s=]+\s*=/.test(line)) return 'main';
    if (fields.length >= 8 && /^(inet|unix|unix-dgram|fifo|pass)$/.test(fields[1] ?? '')) return 'master';
  }
  return 'main';
}

/**
 * Groups Postfix files into instances: main.cf + master.cf of one directory.
 * `main.cf.X` pairs with `master.cf.X` when present, else with the plain
 * master.cf of its directory. A master.cf nobody pairs with forms an
 * instance of its own (mainCf null).
 */
export function assemblePostfix(files: SourceFile[]): PostfixConfiguration[] {
  const byDirectory = new Map<string, { main: Map<string, SourceFile>; master: Map<string, SourceFile> }>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const directory = path.posix.dirname(file.path);
    let group = byDirectory.get(directory);
    if (group === undefined) {
      group = { main: new Map(), master: new Map() };
      byDirectory.set(directory, group);
    }
    const { kind, suffix } = classify(file);
    const bucket = kind === 'main' ? group.main : group.master;
    if (!bucket.has(suffix)) bucket.set(suffix, file);
  }
  const configurations: PostfixConfiguration[] = [];
  for (const [directory, group] of [...byDirectory].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const usedMasters = new Set<string>();
    const pairs: [SourceFile | null, SourceFile | null][] = [];
    for (const [suffix, main] of group.main) {
      const masterSuffix = group.master.has(suffix) ? suffix : group.master.has('') ? '' : null;
      if (masterSuffix !== null) usedMasters.add(masterSuffix);
      pairs.push([main, masterSuffix === null ? null : (group.master.get(masterSuffix) ?? null)]);
    }
    for (const [suffix, master] of group.master) {
      if (!usedMasters.has(suffix)) pairs.push([null, master]);
    }
    for (const [main, master] of pairs) {
      const mainCf = main === null ? null : parseMainCf(main);
      const masterCf = master === null ? null : parseMasterCf(master);
      const paths = [main?.path, master?.path].filter((p): p is string => p !== undefined).sort();
      const configuration: PostfixConfiguration = {
        mta: 'postfix',
        files: paths,
        form: 'plain',
        diagnostics: [...(mainCf?.diagnostics ?? []), ...(masterCf?.diagnostics ?? [])],
        directory,
        mainCf,
        masterCf,
      };
      // A value postconf or smtpd cannot expand stops them: the configuration is unreadable.
      configuration.diagnostics.push(...postfixFatalDiagnostics(configuration));
      configurations.push(configuration);
    }
  }
  return configurations;
}
