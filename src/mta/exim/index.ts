import path from 'node:path/posix';
import type { SourceFile } from '../../model/source.js';
import type { Span } from '../../model/span.js';
import { splitPhysicalLines, type EximSourceText, type IncludeResolver, type Macro, type PhysicalLine } from './config-lines.js';
import { parseEximLines } from './config.js';
import { parseDebconf, debconfValue } from './debconf.js';
import { replacePlaceholders } from './debconf-placeholders.js';
import { DEBIAN_SECTIONS, debianSeed, packagedLines, splitTreeLines, unknownDebianMacros, withSeed, type DebianPart, type DebianSection } from './debian.js';
import type { EximConfiguration } from './model.js';

const DEBCONF = 'update-exim4.conf.conf';
const TEMPLATE = 'exim4.conf.template';
const LOCALMACROS = 'exim4.conf.localmacros';

/** `.../conf.d/router/200_exim4-config_primary`: a part of Debian's split configuration. */
export function debianPartOf(file: string): { dir: string; section: DebianSection; name: string } | null {
  const parts = file.split('/');
  const n = parts.length;
  if (n < 3 || parts[n - 3] !== 'conf.d') return null;
  const section = parts[n - 2] as DebianSection;
  if (!(DEBIAN_SECTIONS as readonly string[]).includes(section)) return null;
  return { dir: parts.slice(0, n - 3).join('/') || '.', section, name: parts[n - 1] as string };
}

function firstLineSpan(file: SourceFile): Span {
  const first = file.text.split('\n')[0] ?? '';
  return { file: file.path, line: 1, column: 1, endLine: 1, endColumn: Math.max(2, first.replace(/\r$/, '').length + 1) };
}

/**
 * Where an included file is in the repository: a relative name beside the
 * including file (Exim's rule); an absolute one (`/etc/exim/routers.conf`)
 * beside it too when the folders have the same name, as when the folder is
 * copied to the server whole (`ADD exim/ /etc/exim/`). Otherwise unknown.
 */
export function includedPath(name: string, fromFile: string): string | null {
  const here = path.dirname(fromFile);
  if (!name.startsWith('/')) {
    const target = path.normalize(path.join(here, name));
    return target.startsWith('../') ? null : target;
  }
  const folder = path.basename(path.dirname(name));
  if (folder === '' || folder !== path.basename(here)) return null;
  return path.join(here, path.basename(name));
}

/** Reads a repository file that discovery did not pick up (an included file); undefined when absent. */
export type RepositoryRead = (path: string) => string | undefined;

function resolverFor(files: ReadonlyMap<string, SourceFile>, read: RepositoryRead): IncludeResolver {
  return (name: string, fromFile: string): EximSourceText | null => {
    const target = includedPath(name, fromFile);
    if (target === null) return null;
    const text = files.get(target)?.text ?? read(target);
    return text === undefined ? null : { file: target, text };
  };
}

function configuration(
  files: string[],
  lines: PhysicalLine[],
  layout: EximConfiguration['layout'],
  debconf: string | null,
  resolve: IncludeResolver,
  macros: Macro[] = [],
): EximConfiguration {
  const parsed = parseEximLines(lines, { resolve, macros });
  return {
    mta: 'exim',
    files: [...files, ...parsed.included.filter((f) => !files.includes(f))],
    form: 'plain',
    diagnostics: parsed.diagnostics,
    options: parsed.options,
    lists: parsed.lists,
    acls: parsed.acls,
    routers: parsed.routers,
    routerIncludes: parsed.routerIncludes,
    mainIncludes: parsed.mainIncludes,
    aclIncludes: parsed.aclIncludes,
    unknowns: parsed.unknowns,
    start: parsed.start,
    layout,
    debconf,
  };
}

/**
 * Groups Exim files into the configurations Exim runs: each configuration
 * file alone (exim.conf, exim4.conf, configure), and per Debian folder what
 * update-exim4.conf builds there (see debian.ts). A Debian folder that also
 * has exim4.conf runs that file instead (Debian's Exim reads
 * /etc/exim4/exim4.conf first), so nothing is built there.
 */
export function assembleExim(files: readonly SourceFile[], read: RepositoryRead = () => undefined): EximConfiguration[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const resolve = resolverFor(byPath, read);
  const debianDirs = new Map<string, { debconf?: SourceFile; template?: SourceFile; localmacros?: SourceFile; parts: DebianPart[] }>();
  const dirOf = (dir: string) => {
    let d = debianDirs.get(dir);
    if (d === undefined) debianDirs.set(dir, (d = { parts: [] }));
    return d;
  };
  const standalone: SourceFile[] = [];
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const base = f.name ?? path.basename(f.path);
    const dir = path.dirname(f.path);
    const part = debianPartOf(f.path);
    if (f.role === 'update-exim4.conf.conf' || base === DEBCONF) dirOf(dir).debconf = f;
    else if (base === TEMPLATE) dirOf(dir).template = f;
    else if (base === LOCALMACROS) dirOf(dir).localmacros = f;
    else if (part !== null) dirOf(part.dir).parts.push({ section: part.section, name: part.name, file: f.path, text: f.text });
    else standalone.push(f);
  }
  const out: EximConfiguration[] = [];
  const runsExim4Conf = new Set(standalone.filter((f) => (f.name ?? path.basename(f.path)) === 'exim4.conf').map((f) => path.dirname(f.path)));
  for (const f of standalone) out.push(configuration([f.path], splitPhysicalLines({ file: f.path, text: f.text }), 'file', null, resolve));
  for (const [dir, d] of [...debianDirs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (runsExim4Conf.has(dir)) continue;
    const partFiles = d.parts.map((p) => p.file);
    const templateLines = (): PhysicalLine[] => [
      ...(d.localmacros ? splitPhysicalLines({ file: d.localmacros.path, text: d.localmacros.text }) : []),
      ...(d.template ? splitPhysicalLines({ file: d.template.path, text: d.template.text }) : []),
    ];
    const templateFiles = [d.localmacros?.path, d.template?.path].filter((x): x is string => x !== undefined);
    if (d.debconf !== undefined) {
      const conf = parseDebconf(d.debconf.path, d.debconf.text);
      const seed = debianSeed(conf);
      const split = debconfValue(conf, 'dc_use_split_config');
      const useSplit = split.value.text.trim().toLowerCase() === 'true';
      const anchor = debconfValue(conf, 'dc_eximconfig_configtype').span ?? firstLineSpan(d.debconf);
      // An unknown configuration type may be `none`: then no macro is written at all.
      const maybe = seed.undecided ? unknownDebianMacros(anchor) : [];
      let config: EximConfiguration;
      if (useSplit && d.parts.length > 0) {
        config = configuration([d.debconf.path, ...partFiles], withSeed(replacePlaceholders(splitTreeLines(d.parts), conf), seed.lines), 'debian-split', d.debconf.path, resolve, maybe);
      } else if (!useSplit && d.template !== undefined) {
        config = configuration([d.debconf.path, ...templateFiles], withSeed(replacePlaceholders(templateLines(), conf), seed.lines), 'debian-template', d.debconf.path, resolve, maybe);
      } else {
        config = configuration([d.debconf.path], withSeed(packagedLines(anchor), seed.lines), 'debian-packaged', d.debconf.path, resolve, maybe);
      }
      config.diagnostics.unshift(...conf.diagnostics);
      for (const span of seed.unknown) config.unknowns.push({ span, what: 'a setting relaygate cannot read without running the shell' });
      if (split.unknown) config.unknowns.push({ span: split.span ?? firstLineSpan(d.debconf), what: 'dc_use_split_config' });
      out.push(config);
      continue;
    }
    // No update-exim4.conf.conf in the repository: its macros are unknown.
    if (d.parts.length > 0) {
      const first = byPath.get(d.parts[0]?.file ?? '') as SourceFile;
      out.push(configuration(partFiles, replacePlaceholders(splitTreeLines(d.parts), null), 'debian-split', null, resolve, unknownDebianMacros(firstLineSpan(first))));
    }
    if (d.template !== undefined) {
      out.push(configuration(templateFiles, replacePlaceholders(templateLines(), null), 'debian-template', null, resolve, unknownDebianMacros(firstLineSpan(d.template))));
    }
    if (d.parts.length === 0 && d.template === undefined && d.localmacros !== undefined) {
      out.push(configuration([d.localmacros.path], templateLines(), 'file', null, resolve));
    }
  }
  return out;
}
