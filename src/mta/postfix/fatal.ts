import { isUnknown } from '../../model/source.js';
import type { Diagnostic } from '../../model/span.js';
import { mainCfPartlyKnown, PostfixParameters, type EffectiveValue } from './effective.js';
import { compatLevel, type ExpandDiagnostic } from './expand.js';
import { splitInetInterfaces, splitPlainList } from './list.js';
import { stockSmtpService } from './listeners.js';
import { valuePosition } from './logical-lines.js';
import type { MainCfParameter, MasterOverride, MasterService, PostfixConfiguration } from './model.js';
import { BUILTIN_PARAMETERS, RAW_PARAMETERS, serviceParameters } from './parameter-names.js';

/**
 * What makes postconf or smtpd stop on a configuration that parses
 * (measured with Postfix 3.7; the parse errors are main-cf.ts' and
 * master-cf.ts'):
 *
 * - postconf expands (recursively) the value of every built-in parameter
 *   main.cf sets, and of every built-in `-o` override in that service's
 *   scope (postconf_user.c, postconf_dbms.c); a macro error there is
 *   "macro processing error". A user-defined parameter is only scanned: an
 *   error in one nothing built-in uses is a warning.
 * - smtpd expands the built-in parameters it reads with its service's `-o`
 *   overrides applied, so a built-in value that uses a user-defined name a
 *   service overrides is expanded in that service too ("dictionary mail_dict:
 *   macro processing error"); and it reads every restriction class, which
 *   must have a non-empty value ("restriction class `x' needs a definition",
 *   smtpd_check_init(), before the first SMTP greeting: smtpd never serves a
 *   client, so this is the engine refusing the file, not a 451 at RCPT time).
 *   Over a main.cf relaygate does not see in full the class may be defined
 *   there: unknown, left to the relay rules, never a fatal guess.
 * - compatibility_level must be a level (`major[.minor[.patch]]`).
 * - inet_interfaces other than exactly `all` or `loopback-only` is a list
 *   of hosts split on " \t," (own_inet_addr.c); text no resolver can take
 *   (a CR left by a CRLF continuation, braces) is "host not found".
 */
export function postfixFatalDiagnostics(config: PostfixConfiguration): Diagnostic[] {
  if (config.diagnostics.some((d) => d.fatal)) return [];
  const out = new Collector();
  const mainCf = config.mainCf;
  const masterFile = config.masterCf?.file ?? (config.directory === '.' ? 'master.cf' : `${config.directory}/master.cf`);
  const services = config.masterCf?.services ?? STOCK_SERVICES.map((s) => ({ ...stockSmtpService(masterFile), ...s, smtpd: s.command === 'smtpd' }));
  const known = (name: string): boolean => !RAW_PARAMETERS.has(name) && (BUILTIN_PARAMETERS.has(name) || perService.has(name));
  const perService = serviceParameters(services);
  const main = new PostfixParameters(mainCf);
  const partlyKnown = mainCfPartlyKnown(config);

  // Built-in main.cf parameters, in main.cf's scope; who uses which name, for the services below.
  const usedBy = new Map<string, string[]>();
  const wide: string[] = [];
  const checked = new Set<string>();
  for (const definition of mainCf?.parameters ?? []) {
    const name = definition.name;
    if (checked.has(name) || !known(name) || isUnknown(name)) continue;
    checked.add(name);
    const value = main.get(name);
    out.expansion(value, main, 'postconf and smtpd');
    const e = main.expander.expansion(name);
    if (e.wide) wide.push(name);
    for (const ref of e.refs) {
      const list = usedBy.get(ref);
      if (list === undefined) usedBy.set(ref, [name]);
      else list.push(name);
    }
  }
  out.interfaces(main.get('inet_interfaces'), main);
  out.compatibilityLevel(main.get('compatibility_level'), main);

  for (const service of services) {
    const scope = main.forService(service);
    const overridden = new Map<string, MasterOverride>();
    for (const o of service.overrides) overridden.set(o.name, o);
    const who = service.smtpd ? `postconf and smtpd (${service.name})` : 'postconf';
    for (const [name] of overridden) if (known(name) && !isUnknown(name)) out.expansion(scope.get(name), scope, who);
    if (!service.smtpd) continue;
    const stops = `smtpd (${service.name})`;
    // smtpd reads the built-in parameters with this service's overrides in force.
    const again = new Set<string>(wide);
    for (const [name] of overridden) if (!known(name)) for (const user of usedBy.get(name) ?? []) again.add(user);
    for (const name of again) if (!overridden.has(name)) out.expansion(scope.get(name), scope, stops);
    out.classes(scope, stops, partlyKnown);
  }
  return out.diagnostics();
}

/** The stock master.cf's services that add per-service parameters (Debian's and Postfix's own). */
const STOCK_SERVICES: ReadonlyArray<Pick<MasterService, 'name' | 'type' | 'command'>> = [
  { name: 'smtp', type: 'inet', command: 'smtpd' },
  { name: 'smtp', type: 'unix', command: 'smtp' },
  { name: 'relay', type: 'unix', command: 'smtp' },
  { name: 'error', type: 'unix', command: 'error' },
  { name: 'retry', type: 'unix', command: 'error' },
  { name: 'local', type: 'unix', command: 'local' },
  { name: 'virtual', type: 'unix', command: 'virtual' },
  { name: 'lmtp', type: 'unix', command: 'lmtp' },
];

/** Postfix's printable(): control characters print as `?`. */
function printable(text: string): string {
  let out = '';
  for (const c of text) out += c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? '?' : c;
  return out;
}

const HOST_CHARACTERS = /^[A-Za-z0-9._:%[\]-]+$/;

class Collector {
  private readonly list: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  diagnostics(): Diagnostic[] {
    return this.list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  }

  private add(file: string, line: number, column: number, message: string): void {
    const key = `${file}:${line}:${column}:${message}`;
    if (this.seen.has(key) || this.list.length >= 50) return;
    this.seen.add(key);
    this.list.push({ file, line, column, message, fatal: true });
  }

  /** A fatal macro error of `value`, at the text that holds it; `who` reads it ("postconf and smtpd"). */
  expansion(value: EffectiveValue, scope: PostfixParameters, who: string): void {
    const error = value.diagnostics.find((d) => d.fatal);
    if (error === undefined) return;
    const place = locate(error, value, scope);
    const consequence =
      error.kind === 'crash' ? `${who} ${verb(who, 'crash')} (SIGSEGV)` : error.kind === 'fatal' ? `${who} ${verb(who, 'stop')}` : `${who} ${verb(who, 'stop')}: "macro processing error"`;
    const param = error.at.param ?? value.name;
    const reached = param === value.name ? '' : `, used by ${value.name}`;
    this.add(place.file, place.line, place.column, `${error.message} (in ${param}${reached}); ${consequence}`);
  }

  interfaces(value: EffectiveValue, scope: PostfixParameters): void {
    if (value.unknown || value.value === 'all' || value.value === 'loopback-only') return;
    const host = splitInetInterfaces(value.value).find((item) => !HOST_CHARACTERS.test(item.text));
    if (host === undefined) return;
    const definition = definitionOf(scope, 'inet_interfaces');
    if (definition === null) return;
    const at = value.raw === value.value ? valuePosition(definition.valuePieces ?? [], host.offset) : null;
    const p = at ?? { line: definition.span.line, column: definition.span.column };
    this.add(definition.span.file, p.line, p.column, `config variable inet_interfaces: host not found: ${printable(host.text)}; postconf and smtpd stop`);
  }

  /** mail_params.c: every program checks compatibility_level (compat_level_from_string()). */
  compatibilityLevel(value: EffectiveValue, scope: PostfixParameters): void {
    if (value.unknown || value.diagnostics.length > 0 || compatLevel(value.value) !== null) return;
    const definition = definitionOf(scope, 'compatibility_level');
    if (definition === null) return;
    const s = definition.valuePieces?.[0]?.span ?? definition.span;
    this.add(s.file, s.line, s.column, `malformed compatibility level syntax: "${value.value}"; postconf and smtpd stop`);
  }

  /**
   * smtpd_check.c smtpd_check_init(): every restriction class needs a
   * non-empty value, which smtpd expands. `partlyKnown`: an unset class may
   * be defined in the part of main.cf relaygate does not see.
   */
  classes(scope: PostfixParameters, who: string, partlyKnown: boolean): void {
    const list = scope.get('smtpd_restriction_classes');
    if (list.unknown) return;
    this.expansion(list, scope, who);
    for (const item of splitPlainList(list.value)) {
      const value = scope.get(item.text);
      if (value.unknown) continue;
      if (value.value === '' && value.diagnostics.length === 0) {
        if (partlyKnown && value.origin.kind === 'default') continue;
        const definition = definitionOf(scope, 'smtpd_restriction_classes');
        const at = definition === null ? null : valuePosition(definition.valuePieces ?? [], item.offset);
        if (definition === null) continue;
        const p = list.raw === list.value && at !== null ? at : { line: definition.span.line, column: definition.span.column };
        this.add(definition.span.file, p.line, p.column, `restriction class \`${item.text}' needs a definition; ${who} ${verb(who, 'stop')}`);
        continue;
      }
      this.expansion(value, scope, who);
    }
  }
}

function verb(who: string, base: string): string {
  return who.includes(' and ') ? base : `${base}s`;
}

function definitionOf(scope: PostfixParameters, name: string): MainCfParameter | MasterOverride | null {
  const origin = scope.origin(name);
  return origin.kind === 'default' ? null : origin.definition;
}

/** The file position of an expansion error: in the definition that holds the offending text. */
function locate(error: ExpandDiagnostic, value: EffectiveValue, scope: PostfixParameters): { file: string; line: number; column: number } {
  for (const name of [error.at.param, value.name]) {
    if (name === null) continue;
    const definition = definitionOf(scope, name);
    if (definition === null) continue;
    const offset = name === error.at.param ? error.at.offset : error.offset;
    const p = valuePosition(definition.valuePieces ?? [], offset);
    if (p !== null) return { file: definition.span.file, ...p };
    return { file: definition.span.file, line: definition.span.line, column: definition.span.column };
  }
  const span = value.origin.kind === 'default' ? null : value.origin.definition.span;
  return span === null ? { file: 'main.cf', line: 1, column: 1 } : { file: span.file, line: span.line, column: span.column };
}
