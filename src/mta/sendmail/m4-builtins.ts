import { isUnknown } from '../../model/source.js';
import type { M4, M4Call } from './m4.js';

/**
 * The GNU m4 builtins a sendmail .mc uses, with GNU m4 1.4's rules. Builtins
 * marked `needsArgs` are recognized only when followed by `(` (define, ifdef,
 * ifelse, include, ...); a bare `define` is ordinary text, as in GNU m4.
 */
export function installM4Builtins(m4: M4): void {
  m4.builtin('define', (m, c) => defineLike(m, c, 'define'), true);
  m4.builtin('pushdef', (m, c) => defineLike(m, c, 'pushdef'), true);
  m4.builtin('undefine', (m, c) => {
    for (const name of c.args) {
      if (hasUnknown(m, c, name, 'undefine of an unresolved macro name')) continue;
      m.undefine(name);
      m.hooks.onDefinitionChange?.(m, name, c);
    }
    return '';
  }, true);
  m4.builtin('popdef', (m, c) => {
    for (const name of c.args) {
      m.popdef(name);
      m.hooks.onDefinitionChange?.(m, name, c);
    }
    return '';
  }, true);
  m4.builtin('defn', (m, c) => {
    // A builtin's defn is a builtin token in GNU m4; only user text matters here.
    return c.args.map((name) => {
      const def = m.lookup(name);
      return def && def.kind === 'user' ? m.quote(def.body) : '';
    }).join('');
  }, true);
  m4.builtin('ifdef', (m, c) => {
    const name = c.args[0] ?? '';
    hasUnknown(m, c, name, 'ifdef of an unresolved macro name');
    return m.isDefined(name) ? (c.args[1] ?? '') : (c.args[2] ?? '');
  }, true);
  m4.builtin('ifelse', ifelse, true);
  m4.builtin('dnl', (m) => {
    m.discardLine();
    return '';
  }, false);
  m4.builtin('divert', (m, c) => {
    const text = (c.args[0] ?? '').trim();
    if (text === '') m.diversion = 0;
    else if (/^[-+]?[0-9]+$/.test(text)) m.diversion = Number(text);
    else m.note(c.span, `non-numeric argument to builtin \`divert': ${text}`);
    return '';
  }, false);
  m4.builtin('divnum', (m) => String(m.diversion), false);
  m4.builtin('undivert', () => '', false);
  m4.builtin('changequote', (m, c) => {
    // GNU m4 1.4: no arguments restores ` and '; an empty start disables quoting; a missing end is '.
    if (c.args.length === 0) {
      m.lquote = '`';
      m.rquote = "'";
    } else {
      m.lquote = c.args[0] ?? '';
      m.rquote = m.lquote === '' ? '' : c.args[1] || "'";
    }
    return '';
  }, false);
  m4.builtin('changecom', (m, c) => {
    // No argument or an empty start turns comments off: cfhead.m4's `changecom()`.
    const start = c.args[0] ?? '';
    m.bcomm = start;
    m.ecomm = start === '' ? '\n' : c.args[1] || '\n';
    return '';
  }, false);
  m4.builtin('include', (m, c) => includeFile(m, c, false), true);
  m4.builtin('sinclude', (m, c) => includeFile(m, c, true), true);
  m4.builtin('shift', (m, c) => c.args.slice(1).map((a) => m.quote(a)).join(','), true);
  m4.builtin('len', (_m, c) => String((c.args[0] ?? '').length), true);
  m4.builtin('index', (_m, c) => String((c.args[0] ?? '').indexOf(c.args[1] ?? '')), true);
  m4.builtin('substr', (m, c) => {
    const s = c.args[0] ?? '';
    const from = Number(c.args[1] ?? '0');
    const len = c.args[2] === undefined ? s.length : Number(c.args[2]);
    if (!Number.isInteger(from) || !Number.isInteger(len)) return '';
    return s.substr(from, Math.max(0, len));
  }, true);
  m4.builtin('incr', (_m, c) => String(Number.parseInt(c.args[0] ?? '0', 10) + 1), true);
  m4.builtin('decr', (_m, c) => String(Number.parseInt(c.args[0] ?? '0', 10) - 1), true);
  m4.builtin('errprint', () => '', true);
  m4.builtin('dumpdef', () => '', false);
  m4.builtin('traceon', () => '', false);
  m4.builtin('traceoff', () => '', false);
  for (const name of ['syscmd', 'esyscmd', 'm4wrap', 'eval', 'translit', 'regexp', 'patsubst', 'format', 'maketemp', 'mkstemp']) {
    m4.builtin(name, (m, c) => {
      // Never run commands; anything these produce is unknown to us.
      m.note(c.span, `m4 builtin \`${name}' is not evaluated by relaygate; its result is treated as empty`);
      m.unknown(c.span, `${name}()`);
      return '';
    }, true);
  }
}

function defineLike(m: M4, c: M4Call, how: 'define' | 'pushdef'): string {
  const name = c.args[0] ?? '';
  if (name === '' || hasUnknown(m, c, name, `${how} of an unresolved macro name`)) return '';
  const def = { kind: 'user' as const, body: c.args[1] ?? '', span: c.span };
  if (how === 'define') m.define(name, def);
  else m.pushdef(name, def);
  m.hooks.onDefinitionChange?.(m, name, c);
  return '';
}

/** GNU m4's ifelse: compare pairs; 4 or 5 arguments left means the 4th is the default. */
function ifelse(m: M4, c: M4Call): string {
  let a = c.args;
  if (a.length <= 2) return '';
  for (;;) {
    const left = a[0] ?? '';
    const right = a[1] ?? '';
    if (isUnknown(left) || isUnknown(right)) m.unknown(c.span, 'ifelse comparing an unresolved value');
    if (left === right) return a[2] ?? '';
    if (a.length === 3) return '';
    if (a.length === 4 || a.length === 5) return a[3] ?? '';
    a = a.slice(3);
  }
}

function hasUnknown(m: M4, c: M4Call, text: string, what: string): boolean {
  if (!isUnknown(text)) return false;
  m.unknown(c.span, what);
  return true;
}

function includeFile(m: M4, c: M4Call, silent: boolean): string {
  const file = c.args[0] ?? '';
  if (m.hooks.include) return m.hooks.include(m, c, file, silent);
  if (!silent) m.note(c.span, `include(\`${file}') is not followed; what it defines is unknown to relaygate`);
  return '';
}
