/**
 * Reads one Ruby literal at `start`: a string without interpolation, a
 * number, true/false/nil, a symbol (as its name), an array (also `%w()`) or
 * a hash (`'k' => v`, `k: v`) of those. Anything else (a method call, a
 * variable, an interpolated string) is not read: null. Never evaluates.
 */
export function readRubyLiteral(text: string, start: number): { value: unknown; end: number } | null {
  const reader = new LiteralReader(text);
  reader.pos = start;
  try {
    const value = reader.value(0);
    return { value, end: reader.pos };
  } catch (error) {
    if (error instanceof NotLiteral) return null;
    throw error;
  }
}

class NotLiteral extends Error {}

const NUMBER = /-?[0-9][0-9_]*(?:\.[0-9]+)?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*[?!]?/y;
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

class LiteralReader {
  pos = 0;

  constructor(private readonly text: string) {}

  private space(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') this.pos++;
      else if (c === '#' && this.inCollection > 0) {
        const nl = this.text.indexOf('\n', this.pos);
        this.pos = nl < 0 ? this.text.length : nl;
      } else return;
    }
  }

  private inCollection = 0;

  private fail(): never {
    throw new NotLiteral();
  }

  value(depth: number): unknown {
    if (depth > 32) this.fail();
    this.space();
    const c = this.text[this.pos];
    if (c === "'" || c === '"') return this.string(c);
    if (c === '[') return this.array(depth);
    if (c === '{') return this.hash(depth);
    if (c === ':' && /[A-Za-z_]/.test(this.text[this.pos + 1] ?? '')) {
      this.pos++;
      return this.word();
    }
    if (c === '%' && (this.text[this.pos + 1] === 'w' || this.text[this.pos + 1] === 'W')) return this.words();
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (number !== null) {
      this.pos += number[0].length;
      return Number(number[0].replaceAll('_', ''));
    }
    const word = this.word();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'nil') return null;
    return this.fail();
  }

  private word(): string {
    WORD.lastIndex = this.pos;
    const m = WORD.exec(this.text);
    if (m === null) this.fail();
    this.pos += m[0].length;
    return m[0];
  }

  private string(quote: string): string {
    let out = '';
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] as string;
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        const n = this.text[this.pos + 1] ?? '';
        if (quote === "'") out += n === "'" || n === '\\' ? n : `\\${n}`;
        else out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        this.pos += 2;
        continue;
      }
      if (quote === '"' && c === '#' && this.text[this.pos + 1] === '{') this.fail();
      out += c;
      this.pos++;
    }
    return this.fail();
  }

  private words(): string[] {
    const open = this.text[this.pos + 2] ?? '';
    const close = PAIRS[open];
    if (close === undefined) this.fail();
    const end = this.text.indexOf(close, this.pos + 3);
    if (end < 0) this.fail();
    const words = this.text.slice(this.pos + 3, end).split(/\s+/).filter((w) => w !== '');
    this.pos = end + 1;
    return words;
  }

  private array(depth: number): unknown[] {
    this.pos++;
    this.inCollection++;
    const items: unknown[] = [];
    for (;;) {
      this.space();
      if (this.text[this.pos] === ']') break;
      items.push(this.value(depth + 1));
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']') this.fail();
    }
    this.pos++;
    this.inCollection--;
    return items;
  }

  private hash(depth: number): Record<string, unknown> {
    this.pos++;
    this.inCollection++;
    // Repository data: no prototype, so a `'__proto__'` key is a key like any other.
    const result = Object.create(null) as Record<string, unknown>;
    for (;;) {
      this.space();
      if (this.text[this.pos] === '}') break;
      let key: unknown;
      WORD.lastIndex = this.pos;
      const bare = WORD.exec(this.text);
      if (bare !== null && this.text[this.pos + bare[0].length] === ':' && this.text[this.pos + bare[0].length + 1] !== ':') {
        key = bare[0];
        this.pos += bare[0].length + 1;
      } else {
        key = this.value(depth + 1);
        this.space();
        if (this.text.startsWith('=>', this.pos)) this.pos += 2;
        else if (this.text[this.pos] === ':' && typeof key === 'string') this.pos++;
        else this.fail();
      }
      if (typeof key !== 'string' && typeof key !== 'number') this.fail();
      result[String(key)] = this.value(depth + 1);
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== '}') this.fail();
    }
    this.pos++;
    this.inCollection--;
    return result;
  }
}

