import { notLiveByName } from './live.js';

/**
 * What a file of mail configuration is, in the server's own words. The
 * assemblers pair `main.cf` with `master.cf` and a `.mc` with the `.cf` m4
 * built from it. `exim.conf` is any file of Exim's runtime configuration
 * (exim.conf, Debian's exim4.conf.template, a part of its conf.d tree);
 * `update-exim4.conf.conf` is Debian's settings file that update-exim4.conf
 * turns into macros; `smtpd.conf` is OpenSMTPD's.
 */
export type ConfigRole = 'main.cf' | 'master.cf' | 'sendmail.mc' | 'sendmail.cf' | 'exim.conf' | 'update-exim4.conf.conf' | 'smtpd.conf';
/** `sendmail.access`: an access map source, read only for its RELAY entries. */
export type Role = ConfigRole | 'sendmail.access';

/** The Postfix and sendmail roles (what templates and embedded edits can produce). */
export const ALL_ROLES = ['sendmail.mc', 'sendmail.cf', 'master.cf', 'main.cf'] as const satisfies readonly ConfigRole[];

/** Every role content can confirm: what a file named by path or include glob may turn out to be. */
export const SNIFFED_ROLES: readonly ConfigRole[] = [...ALL_ROLES, 'exim.conf', 'smtpd.conf'];

/**
 * A default path pattern. `definite` patterns name files that are mail
 * configuration by name alone (Postfix and sendmail read exactly these names):
 * they are candidates whatever their content, and fail closed when they cannot
 * be read. The others are confirmed by content first.
 */
export interface PathPattern {
  glob: string;
  roles: readonly Role[];
  definite: boolean;
}

export const DEFAULT_PATTERNS: readonly PathPattern[] = [
  { glob: '**/main.cf', roles: ['main.cf'], definite: true },
  { glob: '**/master.cf', roles: ['master.cf'], definite: true },
  { glob: '**/sendmail.cf', roles: ['sendmail.cf'], definite: true },
  { glob: '**/submit.cf', roles: ['sendmail.cf'], definite: true },
  { glob: '**/sendmail.mc', roles: ['sendmail.mc'], definite: true },
  { glob: '**/submit.mc', roles: ['sendmail.mc'], definite: true },
  // main.cf.prod, master.cf.staging: name variants, confirmed by content
  // (templates are the languages'; prototypes, leftovers and documentation
  // are set aside by ./live.ts).
  { glob: '**/main.cf.*', roles: ['main.cf'], definite: false },
  { glob: '**/master.cf.*', roles: ['master.cf'], definite: false },
  // Postfix also keeps lookup-table definitions (mysql_table(5), ldap_table(5))
  // as *.cf in its folder: content decides.
  { glob: '**/postfix/**/*.cf', roles: ['main.cf', 'master.cf'], definite: false },
  { glob: '**/*.mc', roles: ['sendmail.mc'], definite: false },
  // /etc/mail also holds e.g. spamassassin/local.cf: content decides.
  { glob: '**/mail/**/*.cf', roles: ['sendmail.cf'], definite: false },
  // sendmail's access map source (makemap hash access < access): content
  // decides, since Postfix keeps access tables under the same name.
  { glob: '**/access', roles: ['sendmail.access'], definite: false },
  { glob: '**/access.txt', roles: ['sendmail.access'], definite: false },
  // Exim reads exim.conf (or the build's CONFIGURE_FILE, often `configure`);
  // Debian's exim4 reads exim4.conf if present, else what update-exim4.conf
  // builds from exim4.conf.template or the conf.d tree and update-exim4.conf.conf.
  { glob: '**/exim.conf', roles: ['exim.conf'], definite: true },
  { glob: '**/exim4.conf', roles: ['exim.conf'], definite: true },
  { glob: '**/exim4.conf.template', roles: ['exim.conf'], definite: true },
  { glob: '**/exim4.conf.localmacros', roles: ['exim.conf'], definite: true },
  { glob: '**/update-exim4.conf.conf', roles: ['update-exim4.conf.conf'], definite: true },
  { glob: '**/exim4/conf.d/{main,acl,router,transport,retry,rewrite,auth}/*', roles: ['exim.conf'], definite: true },
  // The same tree kept elsewhere (a role's files/), and `configure`, which is
  // far more often an autoconf script: content decides.
  { glob: '**/conf.d/{main,acl,router,transport,retry,rewrite,auth}/*', roles: ['exim.conf'], definite: false },
  { glob: '**/configure', roles: ['exim.conf'], definite: false },
  // OpenSMTPD's smtpd.conf; Cyrus SASL's smtpd.conf (Postfix's sasl/) is not one: content decides.
  { glob: '**/smtpd.conf', roles: ['smtpd.conf'], definite: false },
];

/** Vendored trees, skipped unless a user include glob matches the file. */
export const DEFAULT_EXCLUDES: readonly string[] = ['**/node_modules/**', '**/vendor/**', '**/.terraform/**'];

/** The directory names behind DEFAULT_EXCLUDES, for a cheap segment test and for pruning the walk. */
export const VENDORED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', 'vendor', '.terraform']);

/** How notes name the vendored folders: `(node_modules/, vendor/, .terraform/)`. */
export const VENDORED_SHOWN = `(${[...VENDORED_DIRECTORIES].map((d) => `${d}/`).join(', ')})`;

/**
 * Suffix words of `main.cf.X` / `master.cf.X` that make the file a template
 * (rendered by another tool; the sources stage reads those) or an archive.
 * Whether a plain name is live at all (a backup, a prototype, a page of
 * documentation is not) is decided in ./live.ts.
 */
const NOT_A_PLAIN_VARIANT: ReadonlySet<string> = new Set([
  // templates
  'j2', 'jinja', 'jinja2', 'erb', 'epp', 'tmpl', 'tpl', 'template', 'gotmpl', 'tftpl', 'mustache', 'hbs', 'liquid', 'in', 'm4',
  // archives
  'gz', 'bz2', 'xz', 'zst', 'zip', 'tar', 'tgz',
]);

/** `rest` is what follows `main.cf.` / `master.cf.` in the file name. */
export function isPlainVariantSuffix(rest: string): boolean {
  if (rest === '' || notLiveByName(`main.cf.${rest}`) !== null) return false;
  for (const word of rest.toLowerCase().split('.')) {
    if (NOT_A_PLAIN_VARIANT.has(word)) return false;
  }
  return true;
}
