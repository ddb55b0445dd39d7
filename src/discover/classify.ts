import type { Form } from '../model/configuration.js';
import { Glob, GlobList } from './glob.js';
import { mayBeHostFile, namedHostFile } from '../sources/contracts/host-format.js';
import { languageFor } from '../sources/template-languages.js';
import { notLiveByName, notLiveDistributionFile, variantRole } from './live.js';
import { DEFAULT_PATTERNS, SNIFFED_ROLES, isPlainVariantSuffix, type PathPattern, type Role, VENDORED_DIRECTORIES, VENDORED_SHOWN } from './patterns.js';

/** Why a path is worth opening, and what its content may confirm it as. */
export interface PathClass {
  /** Roles the content may confirm; a definite class has exactly one. */
  roles: readonly Role[];
  /** Mail configuration by name: a candidate whatever its content. */
  definite: boolean;
  via: 'pattern' | 'include' | 'explicit';
  /** A template of the (single) role in this language: read without content sniffing, since its tags break it. */
  template?: Form;
  /**
   * No mail file by name, but possibly provisioning code that edits one: read
   * its head, and the host formats decide (src/sources/host-formats.ts). roles is empty.
   */
  embedded?: boolean;
  /** Named like mail configuration but not what a server loads (./live.ts): set aside, not read. */
  notLive?: string;
  /**
   * In a vendored tree (node_modules/, vendor/, .terraform/) and no mail file
   * by its exact name: not read, but counted, so that a note says how many
   * files the default excludes left out (an include glob scans them).
   */
  vendored?: boolean;
  /** A mail file by its exact name that an exclude glob leaves out: not read, counted in a note (a settings file can hide nothing in silence). */
  excluded?: boolean;
}

const compiledDefaults = DEFAULT_PATTERNS.map((p) => ({ pattern: p, matcher: new Glob(p.glob, 'default pattern') }));

/** The exact names the Exim and OpenSMTPD patterns end in. */
const OTHER_MTA_NAMES: ReadonlySet<string> = new Set([
  'exim.conf', 'exim4.conf', 'exim4.conf.template', 'exim4.conf.localmacros', 'update-exim4.conf.conf', 'configure', 'smtpd.conf',
]);

/** The folders of Debian's split Exim configuration (conf.d/SECTION/FILE). */
const CONF_D_SECTIONS: ReadonlySet<string> = new Set(['main', 'acl', 'router', 'transport', 'retry', 'rewrite', 'auth']);

/** Is `path` a file directly in conf.d/SECTION/? */
function inConfD(path: string): boolean {
  if (!path.includes('conf.d/')) return false;
  const parts = path.split('/');
  return parts.length >= 3 && parts[parts.length - 3] === 'conf.d' && CONF_D_SECTIONS.has(parts[parts.length - 2] as string);
}

/**
 * Every default pattern ends in a name that is `*.cf`, `*.mc`, `main.cf.*`,
 * `master.cf.*`, `access`, `access.txt`, one of the Exim and OpenSMTPD names,
 * or a file of a conf.d/SECTION folder: this test rejects almost every file
 * of a monorepo before any glob runs.
 */
function mayMatchDefault(base: string, path: string): boolean {
  return (
    base.endsWith('.cf') ||
    base.endsWith('.mc') ||
    base.startsWith('main.cf.') ||
    base.startsWith('master.cf.') ||
    base === 'access' ||
    base === 'access.txt' ||
    OTHER_MTA_NAMES.has(base) ||
    inConfD(path)
  );
}

/**
 * A name variant's template language, from the exact name with the same
 * extension in the same folder (`templates/postfix_main_cf.tmpl` renders as
 * `templates/main.cf.tmpl` would); null for a plain variant.
 */
function variantTemplate(path: string, role: Role): Form | null {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot) : '';
  const canonical = `${path.slice(0, slash + 1)}${role}${extension === '.cf' ? '' : extension}`;
  const template = languageFor(canonical);
  return template?.target === role ? template.language.form : null;
}

const VENDORED_REASON = `it is in a vendored folder ${VENDORED_SHOWN}, which is not scanned unless an include glob names it`;

function isVendored(path: string): boolean {
  let start = 0;
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', start)) {
    if (VENDORED_DIRECTORIES.has(path.slice(start, i))) return true;
    start = i + 1;
  }
  return false;
}

function defaultPattern(path: string, base: string): PathPattern | null {
  for (const { pattern, matcher } of compiledDefaults) {
    if (!matcher.matches(path)) continue;
    if (!pattern.definite && (base.startsWith('main.cf.') || base.startsWith('master.cf.'))) {
      const rest = base.slice(base.indexOf('.cf.') + 4);
      if (!isPlainVariantSuffix(rest)) continue;
    }
    return pattern;
  }
  return null;
}

/**
 * Decides from a path alone whether a file may be mail configuration.
 * Order: default patterns, then user includes (content decides the kind);
 * user excludes remove; vendored trees are removed unless an include matches.
 * Explicitly named files (the `paths` option) are always opened.
 */
export class PathClassifier {
  private readonly include: GlobList;
  private readonly exclude: GlobList;

  /**
   * @param embedded also open files that may be provisioning code editing
   * mail configuration (when some host format is registered).
   */
  constructor(
    include: readonly string[],
    exclude: readonly string[],
    private readonly embedded = false,
  ) {
    this.include = new GlobList(include, 'include');
    this.exclude = new GlobList(exclude, 'exclude');
  }

  classify(path: string, explicit = false): PathClass | null {
    const base = path.slice(path.lastIndexOf('/') + 1);
    // Documentation, prototypes, leftovers, diffs and Postfix's own files are
    // set aside (./live.ts), unless the user names the file.
    const notLive = explicit ? null : (notLiveByName(path) ?? notLiveDistributionFile(path));
    if (notLive !== null) {
      if (this.exclude.matches(path) || (isVendored(path) && !this.include.matches(path))) return null;
      return { roles: [], definite: false, via: 'pattern', notLive };
    }
    // `main.cf.j2`, `roles/x/templates/sendmail.mc.jinja2`: the name says what it renders.
    // Every template renders main.cf, master.cf, sendmail.cf, a .mc, an Exim
    // file or smtpd.conf: its name holds `.cf`, `.mc`, `exim` or `smtpd`,
    // which rejects most files before any language is asked.
    const template = base.includes('.cf') || base.includes('.mc') || base.includes('exim') || base.includes('smtpd') ? languageFor(path) : null;
    const target = template?.target ?? null;
    const pattern = target === null && mayMatchDefault(base, path) ? defaultPattern(path, base) : null;
    let included: boolean | undefined;
    let variant: Role | null;
    let cls: PathClass;
    if (target !== null) {
      cls = { roles: [target], definite: true, via: explicit ? 'explicit' : 'pattern', template: template?.language.form ?? 'jinja2' };
    } else if (this.embedded && namedHostFile(path)) {
      // docker-mailserver's postfix-main.cf, in any folder (a `postfix/` one too): overrides merged into its image's main.cf, not a whole one.
      cls = { roles: [], definite: false, via: 'pattern', embedded: true };
    } else if (pattern !== null) {
      cls = { roles: pattern.roles, definite: pattern.definite, via: explicit ? 'explicit' : 'pattern' };
    } else if ((variant = variantRole(base)) !== null) {
      // `postfix_main.cf.erb`, `postfix_main_cf.tmpl`: configuration only when the content sniff confirms it.
      const form = variantTemplate(path, variant);
      cls = { roles: [variant], definite: false, via: explicit ? 'explicit' : 'pattern', ...(form === null ? {} : { template: form }) };
    } else if (explicit) {
      cls = { roles: SNIFFED_ROLES, definite: false, via: 'explicit' };
    } else if ((included = this.include.matches(path))) {
      cls = { roles: SNIFFED_ROLES, definite: false, via: 'include' };
    } else if (this.embedded && mayBeHostFile(path)) {
      cls = { roles: [], definite: false, via: 'pattern', embedded: true };
    } else {
      return null;
    }
    if (explicit) return cls;
    // A mail file by its exact name is never left out in silence (a note counts or names it).
    const byName = target !== null || pattern?.definite === true;
    if (this.exclude.matches(path)) return byName ? { roles: [], definite: false, via: 'pattern', excluded: true } : null;
    // A vendored tree is third-party code and is not read unless an include
    // glob asks for it, but never in silence: a file there named exactly like
    // mail configuration (vendor/postfix/main.cf, a role's main.cf.j2) is set
    // aside with a note of its own (and judged when provisioning code deploys
    // it), the other files are counted in one note.
    if (isVendored(path) && !(included ?? this.include.matches(path))) {
      if (byName) return { roles: [], definite: false, via: 'pattern', notLive: VENDORED_REASON };
      return { ...cls, vendored: true };
    }
    return cls;
  }
}
