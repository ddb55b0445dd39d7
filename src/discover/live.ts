/**
 * What counts as live configuration: the one place that decides which
 * files named like mail configuration a server really loads.
 *
 * Live: the exact names (main.cf, master.cf, sendmail.mc/.cf, submit.*),
 * templates of them, name variants whose content is configuration
 * (`main.cf.prod`, `postfix_main.cf.erb`, `postfix_main_cf.tmpl`, confirmed
 * by the content sniff), and any file provisioning code deploys to a mail
 * path whatever its name (the sources stage reads those through the deploy
 * map, src/sources/replay/deployments.ts).
 *
 * Not live, set aside with a note (and judged after all when something
 * deploys them): documentation, prototypes and package leftovers, diffs and
 * patches, and Postfix's own distribution files (its installation scripts,
 * and the sample files and test fixtures of a Postfix source tree).
 */
import { renderedFileName } from '../sources/contracts/template-language.js';
import type { Candidate } from './candidate.js';
import type { Role } from './patterns.js';

/** A file set aside as not live, and why (no repository text in it beyond the path). */
export interface SetAside {
  path: string;
  reason: string;
  /** Files set aside for one shared reason (a Postfix source tree) get one note. */
  group?: string;
}

const DOCUMENTATION: ReadonlySet<string> = new Set(['md', 'markdown', 'mdx', 'txt', 'rst', 'html', 'htm', 'adoc', 'asciidoc']);

/**
 * Postfix reads main.cf and master.cf from config_directory and nothing else
 * (postconf(5)); these are what packages and editors leave beside them.
 */
const PROTOTYPES: ReadonlyMap<string, string> = new Map([
  ['proto', 'a prototype'],
  ['default', "Postfix's list of default values"],
  ['dist', 'a distribution sample'],
  ['sample', 'a sample'],
  ['example', 'an example'],
  ['orig', 'a backup'],
  ['bak', 'a backup'],
  ['backup', 'a backup'],
  ['old', 'a backup'],
  ['save', 'a backup'],
  ['sav', 'a backup'],
  ['tmp', 'a temporary copy'],
  ['swp', 'an editor swap file'],
  ['swo', 'an editor swap file'],
  ['rej', 'a rejected patch hunk'],
  ['rpmnew', 'a package leftover'],
  ['rpmsave', 'a package leftover'],
  ['rpmorig', 'a package leftover'],
  ['dpkg-dist', 'a package leftover'],
  ['dpkg-old', 'a package leftover'],
  ['dpkg-new', 'a package leftover'],
  ['dpkg-bak', 'a package leftover'],
  ['dpkg-tmp', 'a package leftover'],
  ['ucf-old', 'a package leftover'],
  ['ucf-dist', 'a package leftover'],
  ['ucf-new', 'a package leftover'],
]);

const PATCHES: ReadonlySet<string> = new Set(['diff', 'patch']);

/** The mail file names whose copies and descriptions are set aside. */
const MAIL_NAME = /^(?:main|master|sendmail|submit)\.(?:cf|mc)(?=[.~]|$)/;

/**
 * Why a file named after a mail file (`main.cf.proto`, `docs/master.cf.md`,
 * `sendmail.mc.orig`, `main.cf~`, `main.cf.diff`) is not what a server
 * loads; null when its name does not say so.
 */
export function notLiveByName(path: string): string | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  if (!MAIL_NAME.test(lower) && variantRole(lower) === null) return null;
  if (lower.endsWith('~')) return 'an editor backup, not live configuration';
  const words = lower.split('.').slice(1);
  const last = words[words.length - 1] ?? '';
  if (DOCUMENTATION.has(last)) return `documentation (.${last}), not live configuration`;
  if (PATCHES.has(last)) return `a ${last}, not live configuration`;
  // A template in a templates/ folder (a Puppet module's, a Chef cookbook's, a
  // role's) is the one its manifest, recipe or task names: `master.cf.default.erb`
  // is the module's master.cf for systems without their own. Packages leave
  // prototypes and leftovers as plain files; none renders one from a template.
  if (inTemplatesFolder(path) && renderedFileName(path) !== null) return null;
  for (const word of words) {
    const what = PROTOTYPES.get(word);
    if (what !== undefined) return `${what} (.${word}), not what Postfix or sendmail loads`;
  }
  return null;
}

function inTemplatesFolder(path: string): boolean {
  return path.startsWith('templates/') || path.includes('/templates/');
}

/**
 * Name variants: a prefix or an underscore around the mail file's name
 * (`postfix_main.cf.erb`, `postfix_main_cf.tmpl`, `mta-master.cf`). The
 * content sniff must confirm them; the exact names and `main.cf.X` are the
 * default patterns' (./patterns.ts).
 */
const VARIANT = /(?:^|[._-])(main|master)[._-]cf(?:[._-]|$)/;

export function variantRole(base: string): Role | null {
  const lower = base.toLowerCase();
  if (lower.startsWith('main.cf') || lower.startsWith('master.cf')) return null;
  const m = VARIANT.exec(lower);
  if (m === null) return null;
  return m[1] === 'main' ? 'main.cf' : 'master.cf';
}

/**
 * Postfix's own distribution scripts and data, by name. They run `postconf
 * -c $config_directory -e ...` to install Postfix, not to configure a site;
 * installed, they sit in the configuration directory (`etc/postfix/post-install`).
 */
const DISTRIBUTION_FILES: ReadonlySet<string> = new Set([
  'post-install',
  'postfix-install',
  'postfix-script',
  'postfix-files',
  'postfix-wrapper',
  'postmulti-script',
  'postfix-tls-script',
  'postfix-non-bdb-script',
]);

/** The first lines of Postfix's own scripts name their manual page source (mantools/srctoman). */
const DISTRIBUTION_HEADER = 'POSTFIXSOURCE/mantools/srctoman';

export function notLiveDistributionFile(path: string): string | null {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  if (!DISTRIBUTION_FILES.has(base)) return null;
  const folder = slash < 0 ? '' : path.slice(path.lastIndexOf('/', slash - 1) + 1, slash);
  // A site script may be called post-install too: only Postfix's folders say it is Postfix's.
  if (base !== 'post-install' || folder === 'postfix' || folder === 'conf') return "Postfix's own installation file, not site provisioning";
  return null;
}

/**
 * Whether a script's head carries Postfix's manual-page header. Inside a
 * Postfix source tree that makes it the tree's own (its top-level
 * `makedefs`); elsewhere it is judged like any script: the header is text
 * anyone can copy into a site script.
 */
export function hasDistributionHeader(head: string): boolean {
  return head.slice(0, 400).includes(DISTRIBUTION_HEADER);
}

/**
 * Folders that are a Postfix source or distribution tree: `postfix-install`
 * beside a `conf/` holding the sample main.cf or master.cf (the layout of
 * Postfix's source tarball). Their sample files and test fixtures
 * (`src/postconf/test*-main.cf`) are not a deployed configuration.
 */
export function distributionTrees(paths: Iterable<string>): string[] {
  const all = [...paths];
  const installers = all.filter((path) => path === 'postfix-install' || path.endsWith('/postfix-install'));
  // Most repositories hold no Postfix source tree: no set of every path for them.
  if (installers.length === 0) return [];
  const present = new Set(all);
  const roots: string[] = [];
  for (const path of new Set(installers)) {
    const root = path.slice(0, Math.max(0, path.length - 'postfix-install'.length - 1));
    const conf = root === '' ? 'conf' : `${root}/conf`;
    if (present.has(`${conf}/main.cf`) || present.has(`${conf}/master.cf`)) roots.push(root);
  }
  return roots.sort();
}

/**
 * The folders of Postfix's source tree (its tarball and its git mirrors):
 * sample configuration, sources with their test fixtures, tools, examples,
 * documentation. A tree sets aside only what it holds in them (treeHolds).
 * Two small files (a postfix-install and a conf/main.cf) are enough to make
 * a folder look like a tree, so the site's own files beside them (a
 * Dockerfile at the top, a deploy/ folder) stay judged.
 */
const DISTRIBUTION_FOLDERS: ReadonlySet<string> = new Set([
  'README_FILES',
  'auxiliary',
  'bin',
  'conf',
  'examples',
  'html',
  'implementation-notes',
  'include',
  'lib',
  'libexec',
  'man',
  'mantools',
  'meta',
  'plugins',
  'proto',
  'src',
]);

/** Postfix's own scripts are named without an extension (`mantools/check-postlink`, `examples/chroot-setup/LINUX2`) or `.sh`. */
const TREE_SCRIPT = /(?:^|\/)(?:[^./]+|[^/]+\.sh)$/;

/**
 * Whether a Postfix source tree holds the file at `rest` (its path inside
 * the tree): its postfix-install; its sample main.cf and master.cf, in conf/
 * itself; its test fixtures, plain Postfix files under src/; its shell
 * scripts in its folders, and anywhere in it those with Postfix's
 * manual-page header. A template, another server's file, a Postfix file
 * anywhere else (`conf/postfix/main.cf`) or any other kind of provisioning
 * code (a Dockerfile, a playbook, a role's meta/main.yml) is never part of
 * one. A file that is no candidate (`candidate` undefined) only counts in the note.
 */
function treeHolds(rest: string, candidate: Candidate | undefined): boolean {
  if (rest === 'postfix-install' || candidate?.distributionHeader === true) return true;
  const slash = rest.indexOf('/');
  if (slash < 0 || !DISTRIBUTION_FOLDERS.has(rest.slice(0, slash))) return false;
  if (candidate === undefined) return true;
  if (candidate.kind === 'postfix') return candidate.template === undefined && (rest === 'conf/main.cf' || rest === 'conf/master.cf' || rest.startsWith('src/'));
  return candidate.kind === 'embedded' && candidate.host === 'shell' && TREE_SCRIPT.test(rest);
}

/** The distribution tree that holds a file, as a set-aside reason; null when none does. */
export function inDistributionTree(path: string, roots: readonly string[], candidate?: Candidate): SetAside | null {
  for (const root of roots) {
    const rest = root === '' ? path : path.startsWith(`${root}/`) ? path.slice(root.length + 1) : null;
    if (rest === null || !treeHolds(rest, candidate)) continue;
    return { path, reason: 'part of a Postfix source tree (postfix-install, conf/): a sample file, installation script or test fixture, not a deployed configuration', group: root };
  }
  return null;
}

/**
 * The paths whose presence decides whether a Postfix source tree holds a
 * live candidate: for each folder above it that would hold it as a tree
 * root, that folder's postfix-install and conf/ samples. They are inputs of
 * the file's configuration: a change that removes a postfix-install makes
 * the files of its tree live, and must be in a pull request's scope.
 */
export function distributionTreeInputs(candidate: Candidate): string[] {
  const parts = candidate.path.split('/');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const root = parts.slice(0, i).join('/');
    if (!treeHolds(parts.slice(i).join('/'), candidate)) continue;
    const at = (file: string): string => (root === '' ? file : `${root}/${file}`);
    out.push(at('postfix-install'), at('conf/main.cf'), at('conf/master.cf'));
  }
  return out;
}

/**
 * A saved diff or patch, whatever its name (a diff kept as `main.cf`): a
 * unified or context diff's headers and hunks, or `diff -y`/`sdiff`
 * side-by-side output. null when the text is not one.
 */
export function notLiveByContent(text: string): string | null {
  const lines = text.slice(0, 64 * 1024).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/.test(line)) return 'its content is a unified diff, not live configuration';
    if (line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')) return 'its content is a unified diff, not live configuration';
    if (line.startsWith('*** ') && (lines[i + 1] ?? '').startsWith('--- ')) return 'its content is a context diff, not live configuration';
    if (line.startsWith('diff --git ') || line.startsWith('diff -')) return 'its content is a diff, not live configuration';
  }
  return sideBySide(lines) ? 'its content is a side-by-side diff (diff -y, sdiff), not live configuration' : null;
}

/** Tabs expanded to 8-column stops, as a terminal shows `diff -y` output. */
function expandTabs(line: string): string {
  let out = '';
  for (const c of line.slice(0, 400)) {
    if (c === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += c;
  }
  return out;
}

const GUTTER_MARKS = new Set(['|', '<', '>']);

/**
 * `diff -y` prints each line pair in two columns split by a gutter: a
 * space for an unchanged line (the same text on both sides), `|`, `<` or `>`
 * for a changed, removed or added one. Side-by-side output: one gutter
 * column at which most lines have a mark or identical halves.
 */
function sideBySide(raw: readonly string[]): boolean {
  const lines = raw.map(expandTabs).filter((l) => l.trim() !== '');
  const counts = new Map<number, number>();
  for (const line of lines) {
    for (let c = 8; c < line.length; c++) {
      if (!GUTTER_MARKS.has(line[c] as string) || line[c - 1] !== ' ' || !(c + 1 >= line.length || line[c + 1] === ' ')) continue;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  let gutter = -1;
  let best = 0;
  for (const [c, n] of counts) if (n > best) [gutter, best] = [c, n];
  if (gutter < 0) return false;
  let fits = 0;
  for (const line of lines) {
    const mark = line[gutter];
    if (mark !== undefined && GUTTER_MARKS.has(mark) && line[gutter - 1] === ' ') fits++;
    else if (mark === ' ' || mark === undefined) {
      const left = line.slice(0, gutter).trim();
      if (left !== '' && left === line.slice(gutter + 1).trim()) fits++;
    }
  }
  return fits >= 3 && fits >= lines.length * 0.6;
}
