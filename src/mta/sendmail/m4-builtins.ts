import { isUnknown } from '../../model/source.js';
import type { M4, M4Call } from './m4.js';
import { m4Eval } from './m4-eval.js';

/**
 * The GNU m4 builtins a sendmail .mc uses, with GNU m4 1.4's rules. Builtins
 * marked `needsArgs` are recognized only when followed by `(` (define, ifdef,
 * ifelse, include, ...); a bare `define` is ordinary text, as in GNU m4.
 */
export function installM4Builtins(m4: M4): void {
  const builtin = (name: string, fn: (m: M4, c: M4Call) => string, needsArgs: boolean): void => m4.builtin(name, fn, needsArgs, null, true);
  builtin('define', (m, c) => defineLike(m, c, 'define'), true);
  builtin('pushdef', (m, c) => defineLike(m, c, 'pushdef'), true);
  builtin('undefine', (m, c) => {
    for (const name of c.args) {
      if (hasUnknown(m, c, name, 'undefine of an unresolved macro name')) continue;
      m.undefine(name);
      m.hooks.onDefinitionChange?.(m, name, c);
    }
    return '';
  }, true);
  builtin('popdef', (m, c) => {
    for (const name of c.args) {
      m.popdef(name);
      m.hooks.onDefinitionChange?.(m, name, c);
    }
    return '';
  }, true);
  // A user macro's body, quoted; a builtin's definition as a token that define() turns back into the builtin.
  builtin('defn', (m, c) => c.args.map((name) => m.definitionText(name)).join(''), true);
  // indir(`name', args...): call any macro by name, even one that is not a word.
  builtin('indir', (m, c) => {
    const name = c.args[0] ?? '';
    if (hasUnknown(m, c, name, 'indir of an unresolved macro name')) return '';
    const def = m.lookup(name);
    if (def === undefined) {
      m.note(c.span, `undefined macro \`${name}'`);
      return '';
    }
    return m.callWith(def, { ...c, name, args: c.args.slice(1) });
  }, true);
  // builtin(`name', args...): GNU m4's own builtin, whatever `name` is defined as now.
  builtin('builtin', (m, c) => {
    const name = c.args[0] ?? '';
    if (hasUnknown(m, c, name, 'builtin of an unresolved name')) return '';
    const found = m.builtins.get(name);
    if (found === undefined) {
      m.note(c.span, `undefined builtin \`${name}'`);
      return '';
    }
    return m.callWith({ kind: 'builtin', name, fn: found.fn, needsArgs: found.needsArgs, span: null }, { ...c, name, args: c.args.slice(1) });
  }, true);
  builtin('eval', (m, c) => {
    const args = c.args;
    if (args.some((a) => isUnknown(a))) {
      m.unknown(c.span, 'eval of an unresolved value');
      return '';
    }
    const warnings: string[] = [];
    const result = m4Eval(args[0] ?? '', args[1], args[2], warnings);
    for (const w of warnings) m.note(c.span, w);
    if ('error' in result) {
      m.note(c.span, result.error);
      return '';
    }
    return result.value;
  }, true);
  builtin('m4wrap', (m, c) => {
    m.wrapped.push({ text: c.args.join(' '), origin: c.span });
    return '';
  }, true);
  builtin('m4exit', (m, c) => {
    const code = Number.parseInt((c.args[0] ?? '0').trim() || '0', 10);
    m.exited = Number.isNaN(code) ? 0 : code & 255;
    // m4 stops at once; a non-zero status fails the build.
    if (m.exited !== 0) m.note(c.span, `m4exit(${m.exited}): m4 stops with exit status ${m.exited}`, true);
    else m.unknown(c.span, 'm4exit(0) stops m4 before the configuration is written');
    return '';
  }, false);
  builtin('translit', (_m, c) => translit(c.args[0] ?? '', c.args[1] ?? '', c.args[2] ?? ''), true);
  builtin('ifdef', (m, c) => {
    const name = c.args[0] ?? '';
    hasUnknown(m, c, name, 'ifdef of an unresolved macro name');
    return m.isDefined(name) ? (c.args[1] ?? '') : (c.args[2] ?? '');
  }, true);
  builtin('ifelse', ifelse, true);
  builtin('dnl', (m) => {
    m.discardLine();
    return '';
  }, false);
  builtin('divert', (m, c) => {
    const text = (c.args[0] ?? '').trim();
    if (text === '') m.diversion = 0;
    else if (/^[-+]?[0-9]+$/.test(text)) m.diversion = Number(text);
    else m.note(c.span, `non-numeric argument to builtin \`divert': ${text}`);
    return '';
  }, false);
  builtin('divnum', (m) => String(m.diversion), false);
  builtin('undivert', () => '', false);
  builtin('changequote', (m, c) => {
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
  builtin('changecom', (m, c) => {
    // No argument or an empty start turns comments off: cfhead.m4's `changecom()`.
    const start = c.args[0] ?? '';
    m.bcomm = start;
    m.ecomm = start === '' ? '\n' : c.args[1] || '\n';
    return '';
  }, false);
  builtin('include', (m, c) => includeFile(m, c, false), true);
  builtin('sinclude', (m, c) => includeFile(m, c, true), true);
  builtin('shift', (m, c) => c.args.slice(1).map((a) => m.quote(a)).join(','), true);
  builtin('len', (_m, c) => String((c.args[0] ?? '').length), true);
  builtin('index', (_m, c) => String((c.args[0] ?? '').indexOf(c.args[1] ?? '')), true);
  builtin('substr', (m, c) => {
    const s = c.args[0] ?? '';
    const from = Number(c.args[1] ?? '0');
    const len = c.args[2] === undefined ? s.length : Number(c.args[2]);
    if (!Number.isInteger(from) || !Number.isInteger(len)) return '';
    return s.substr(from, Math.max(0, len));
  }, true);
  builtin('incr', (_m, c) => String(Number.parseInt(c.args[0] ?? '0', 10) + 1), true);
  builtin('decr', (_m, c) => String(Number.parseInt(c.args[0] ?? '0', 10) - 1), true);
  builtin('errprint', () => '', true);
  builtin('dumpdef', () => '', false);
  builtin('traceon', () => '', false);
  builtin('traceoff', () => '', false);
  for (const name of ['syscmd', 'esyscmd', 'regexp', 'patsubst', 'format', 'maketemp', 'mkstemp', 'sysval', '__file__', '__line__']) {
    builtin(name, (m, c) => {
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
  const def = m.definitionOf(c.args[1] ?? '', c.span);
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

/** GNU translit: characters of `from` (with a-z ranges) map to those of `to`; extra ones are deleted. */
function translit(text: string, fromSpec: string, toSpec: string): string {
  const expand = (spec: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < spec.length; i++) {
      const a = spec.charAt(i);
      if (spec.charAt(i + 1) === '-' && i + 2 < spec.length) {
        const from = a.charCodeAt(0);
        const to = spec.charCodeAt(i + 2);
        const step = from <= to ? 1 : -1;
        for (let k = from; step > 0 ? k <= to : k >= to; k += step) out.push(String.fromCharCode(k));
        i += 2;
      } else out.push(a);
    }
    return out;
  };
  const from = expand(fromSpec);
  const to = expand(toSpec);
  const map = new Map<string, string>();
  from.forEach((ch, i) => {
    if (!map.has(ch)) map.set(ch, to[i] ?? '');
  });
  let out = '';
  for (const ch of text) out += map.has(ch) ? (map.get(ch) ?? '') : ch;
  return out;
}
