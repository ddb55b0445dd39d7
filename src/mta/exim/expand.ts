/**
 * A small part of Exim's string expansion (exim spec, "String expansions"),
 * enough to decide ACL conditions that depend only on the SMTP session:
 * `$name` and `${name}`, `${if CONDITION {yes}{no}}`, `${eval:...}`, and
 * the conditions `and`, `or`, `!`, `eq`, `eqi`, `ne`, `=`/`==`, `<`, `<=`,
 * `>`, `>=`, `def:NAME` and `exists`. Anything else (lookups, `match`,
 * other operators, a variable the session does not fix) is unknown: the
 * caller treats the whole string as unknown. Linear in the text, with a
 * bound on nesting.
 */

export type Expanded = { known: true; text: string } | { known: false };

export interface ExpandContext {
  /** Values of expansion variables; undefined: unknown. */
  variable(name: string): string | undefined;
  /** Does the file exist on the server? undefined: unknown. */
  exists(path: string): boolean | undefined;
}

const MAX_DEPTH = 32;
const UNKNOWN: Expanded = { known: false };

class Unknown extends Error {}

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

class Expander {
  private depth = 0;

  constructor(
    private readonly s: string,
    private readonly ctx: ExpandContext,
  ) {}

  /** Expands from `i` until one of `stops` (at depth 0 of braces) or the end. Returns text and end offset. */
  run(i: number, stops: string): { text: string; end: number } {
    if (++this.depth > MAX_DEPTH) throw new Unknown();
    let out = '';
    const s = this.s;
    while (i < s.length) {
      const c = s[i] as string;
      if (stops.includes(c)) break;
      if (c === '\\' && i + 1 < s.length) {
        out += s[i + 1];
        i += 2;
        continue;
      }
      if (c === '$') {
        const r = this.dollar(i + 1);
        out += r.text;
        i = r.end;
        continue;
      }
      out += c;
      i++;
    }
    this.depth--;
    return { text: out, end: i };
  }

  /** A `{...}` argument: expanded text and the offset after the `}`. */
  private braced(i: number): { text: string; end: number } {
    i = this.space(i);
    if (this.s[i] !== '{') throw new Unknown();
    const r = this.run(i + 1, '}');
    if (this.s[r.end] !== '}') throw new Unknown();
    return { text: r.text, end: r.end + 1 };
  }

  private space(i: number): number {
    while (i < this.s.length && /\s/.test(this.s[i] as string)) i++;
    return i;
  }

  private dollar(i: number): { text: string; end: number } {
    const s = this.s;
    if (s[i] !== '{') {
      let j = i;
      while (isNameChar(s[j])) j++;
      if (j === i) throw new Unknown();
      return { text: this.variable(s.slice(i, j)), end: j };
    }
    let j = i + 1;
    while (isNameChar(s[j]) || s[j] === ':') {
      if (s[j] === ':') break;
      j++;
    }
    const word = s.slice(i + 1, j);
    if (s[j] === '}') return { text: this.variable(word), end: j + 1 };
    if (word === 'if') {
      const cond = this.condition(j);
      let k = this.space(cond.end);
      let yes = 'true';
      let no = '';
      if (s[k] === '{') {
        const y = this.braced(k);
        yes = y.text;
        k = this.space(y.end);
        if (s[k] === '{') {
          const n = this.braced(k);
          no = n.text;
          k = this.space(n.end);
        }
      }
      if (s[k] !== '}') throw new Unknown();
      return { text: cond.value ? yes : no, end: k + 1 };
    }
    if ((word === 'eval' || word === 'eval10') && s[j] === ':') {
      const r = this.run(j + 1, '}');
      if (s[r.end] !== '}') throw new Unknown();
      return { text: String(evaluateArithmetic(r.text)), end: r.end + 1 };
    }
    throw new Unknown();
  }

  private variable(name: string): string {
    const v = this.ctx.variable(name);
    if (v === undefined) throw new Unknown();
    return v;
  }

  /** An `${if` condition starting at `i`; returns its truth and the offset after it. */
  private condition(i: number): { value: boolean; end: number } {
    if (++this.depth > MAX_DEPTH) throw new Unknown();
    const s = this.s;
    i = this.space(i);
    let negate = false;
    while (s[i] === '!') {
      negate = !negate;
      i = this.space(i + 1);
    }
    let j = i;
    while (j < s.length && /[A-Za-z0-9_<>=]/.test(s[j] as string) && s[j] !== '{') j++;
    const name = s.slice(i, j);
    let result: { value: boolean; end: number };
    if (name === 'and' || name === 'or') {
      let k = this.space(j);
      if (s[k] !== '{') throw new Unknown();
      k++;
      const values: boolean[] = [];
      for (;;) {
        k = this.space(k);
        if (s[k] === '}') break;
        if (s[k] !== '{') throw new Unknown();
        const sub = this.condition(k + 1);
        const close = this.space(sub.end);
        if (s[close] !== '}') throw new Unknown();
        values.push(sub.value);
        k = close + 1;
      }
      result = { value: name === 'and' ? values.every(Boolean) : values.some(Boolean), end: k + 1 };
    } else if (name.startsWith('def') && s[j] === ':') {
      let k = j + 1;
      while (isNameChar(s[k])) k++;
      const v = this.ctx.variable(s.slice(j + 1, k));
      if (v === undefined) throw new Unknown();
      result = { value: v !== '', end: k };
    } else if (name === 'exists') {
      const arg = this.braced(j);
      const e = this.ctx.exists(arg.text);
      if (e === undefined) throw new Unknown();
      result = { value: e, end: arg.end };
    } else if (['eq', 'eqi', 'ne', '=', '==', '<', '<=', '>', '>='].includes(name)) {
      const a = this.braced(j);
      const b = this.braced(a.end);
      result = { value: compare(name, a.text, b.text), end: b.end };
    } else throw new Unknown();
    this.depth--;
    return { value: negate ? !result.value : result.value, end: result.end };
  }
}

function number(text: string): number {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) throw new Unknown();
  return Number(t);
}

function compare(op: string, a: string, b: string): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'eqi':
      return a.toLowerCase() === b.toLowerCase();
    case 'ne':
      return a !== b;
    case '=':
    case '==':
      return number(a) === number(b);
    case '<':
      return number(a) < number(b);
    case '<=':
      return number(a) <= number(b);
    case '>':
      return number(a) > number(b);
    default:
      return number(a) >= number(b);
  }
}

/** ${eval:...}: integers with + - * / % and parentheses. */
function evaluateArithmetic(text: string): number {
  let i = 0;
  const peek = (): string => {
    while (text[i] === ' ' || text[i] === '\t') i++;
    return text[i] ?? '';
  };
  let depth = 0;
  const primary = (): number => {
    const c = peek();
    if (c === '(') {
      if (++depth > MAX_DEPTH) throw new Unknown();
      i++;
      const v = sum();
      if (peek() !== ')') throw new Unknown();
      i++;
      depth--;
      return v;
    }
    if (c === '-') {
      i++;
      return -primary();
    }
    const m = /^\d+/.exec(text.slice(i));
    if (m === null) throw new Unknown();
    i += m[0].length;
    return Number(m[0]);
  };
  const product = (): number => {
    let v = primary();
    for (;;) {
      const c = peek();
      if (c !== '*' && c !== '/' && c !== '%') return v;
      i++;
      const r = primary();
      if ((c === '/' || c === '%') && r === 0) throw new Unknown();
      v = c === '*' ? v * r : c === '/' ? Math.trunc(v / r) : v % r;
    }
  };
  const sum = (): number => {
    let v = product();
    for (;;) {
      const c = peek();
      if (c !== '+' && c !== '-') return v;
      i++;
      const r = product();
      v = c === '+' ? v + r : v - r;
    }
  };
  const v = sum();
  if (peek() !== '') throw new Unknown();
  return v;
}

export function expandString(text: string, ctx: ExpandContext): Expanded {
  try {
    const e = new Expander(text, ctx);
    const r = e.run(0, '');
    return { known: true, text: r.text };
  } catch (err) {
    if (err instanceof Unknown) return UNKNOWN;
    throw err;
  }
}

/** How Exim reads the result of `condition =`: empty, 0, no, false are false; yes, true, a non-zero number are true. */
export function conditionTruth(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'no' || t === 'false' || /^-?0+$/.test(t)) return false;
  if (t === 'yes' || t === 'true' || /^-?\d+$/.test(t)) return true;
  return null;
}
