import { UNKNOWN_MARK } from '../../model/source.js';

/**
 * postconf(5) macro expansion, as Postfix 3.7's mac_parse() + mac_expand()
 * do it (util/mac_parse.c, util/mac_expand.c; measured against postconf and
 * smtpd 3.7):
 *
 * - `$$` is a literal `$`; `$name` takes [A-Za-z0-9_]+; `${...}` and `$(...)`
 *   take everything up to the balancing bracket of the same kind.
 * - Inside the brackets: `name`, `name?value`, `name:value`,
 *   `name?{value}:{other}`, and `{a} OP {b}` with OP one of `==`, `!=`, `<`,
 *   `<=`, `>=`, `>` (numeric when both sides are all digits, else strcmp),
 *   or one of those followed by `level` (compatibility levels, compat_level.c).
 *   A relational expression without `?`/`:` expands to `true` or nothing.
 * - `?` selects its operand when the name's value is non-empty; `:` when it
 *   is undefined or empty. An undefined name expands to nothing.
 * - Looked-up values are expanded again (MAC_EXP_FLAG_RECURSE). Every piece
 *   mac_parse() hands to the expander, literal text included, is one nesting
 *   level; a piece at level 101 is "unreasonable macro call nesting".
 * - The operands of a relational expression are expanded by a fresh
 *   mac_expand() whose level starts at 0 again, so a reference cycle that
 *   passes through an operand never reaches the limit: Postfix recurses until
 *   it crashes (measured: postconf and smtpd die with SIGSEGV).
 * - Errors make every Postfix program that expands the value stop ("macro
 *   processing error"). The first one is what Postfix reports; nothing after
 *   it is expanded.
 *
 * Postfix does not bound the size of an expansion (`a = $b $b`, `b = $c $c`,
 * ... doubles at every level until memory runs out). relaygate memoises the
 * expansion of each parameter, so the work is linear in the configuration,
 * and stops at MAX_EXPANSION_CHARS per value and a budget per configuration:
 * past them the value is unknown (UNKNOWN_MARK), never a guess.
 */

/** Where a piece of text is: in the value of parameter `param` (null: the text given to expandValue), at `offset`. */
export interface TextPosition {
  param: string | null;
  offset: number;
}

export type ExpandErrorKind =
  /** A syntax or evaluation error: Postfix warns and stops ("macro processing error"). */
  | 'syntax'
  /** More than 100 nested pieces: "unreasonable macro call nesting". */
  | 'nesting'
  /** Postfix stops at once with its own fatal message (mac_exp_eval: bad conversion). */
  | 'fatal'
  /** Postfix recurses without end and crashes. */
  | 'crash'
  /** relaygate's own bound: the value is unknown, Postfix may well accept it. */
  | 'limit';

export interface ExpandDiagnostic {
  message: string;
  /** Offset in the expanded text of the reference that led to the error (the error's own offset when it is in that text). */
  offset: number;
  /** Where the offending text is. */
  at: TextPosition;
  kind: ExpandErrorKind;
  /** Would Postfix refuse the value (every kind but 'limit')? */
  fatal: boolean;
}

export interface ExpandResult {
  value: string;
  /** The first error, as Postfix reports it (at most one: Postfix stops there), and relaygate's limit notes. */
  diagnostics: ExpandDiagnostic[];
  /** Parameter names looked up, in order of first use, nested references included (at most MAX_REFERENCES). */
  references: string[];
  /** Referenced names the lookup did not know (they expanded to nothing). */
  undefinedNames: string[];
}

/** Postfix's limit on nested macro calls (mac_expand.c: `mc->level++ > 100`). */
export const MAX_MACRO_NESTING = 100;
/** relaygate's bound on one expanded value (Postfix has none; it runs out of memory). */
export const MAX_EXPANSION_CHARS = 1_000_000;
/** Names kept per expansion for `references` (the dependency test falls back to "depends on anything" past it). */
export const MAX_REFERENCES = 256;
/** Nested relational operands: past this, a repeat is a crash and anything else is unknown. */
const MAX_RELATIONAL_CONTEXTS = 64;

/** Work one configuration may spend on expansion: pieces handled and characters built, shared by all its values. */
export class ExpandBudget {
  steps = 0;
  chars = 0;
  exceeded = false;
  constructor(
    readonly maxSteps = 2_000_000,
    readonly maxChars = 32_000_000,
  ) {}
  spend(steps: number, chars: number): boolean {
    this.steps += steps;
    this.chars += chars;
    if (this.steps > this.maxSteps || this.chars > this.maxChars) this.exceeded = true;
    return !this.exceeded;
  }
}

const WHITESPACE = ' \t\r\n';

function isSpace(c: string): boolean {
  return c !== '' && WHITESPACE.includes(c);
}

function isNameChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isAlnum(c: string): boolean {
  return c !== '_' && c !== '' && isNameChar(c);
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charAt(i))) i++;
  return i;
}

/** Where a text being parsed comes from: `param`'s value, starting at `base`. */
interface Origin {
  param: string | null;
  base: number;
}

function pos(origin: Origin, i: number): TextPosition {
  return { param: origin.param, offset: origin.base + i };
}

function sub(origin: Origin, i: number): Origin {
  return { param: origin.param, base: origin.base + i };
}

interface Piece {
  text: string;
  at: TextPosition;
  /** Offset, in the entry's own text, of the outermost reference that led here. */
  via: number;
}

interface EntryError {
  message: string;
  at: TextPosition;
  via: number;
  kind: Exclude<ExpandErrorKind, 'limit'>;
  /** Deepest relative level reached before the error (a nesting error that deep comes first). */
  prefixHeight: number;
}

/**
 * The expansion of one text, relative to the level its first pieces are at
 * (level 0). Used at absolute level B, it fails with "unreasonable macro
 * call nesting" exactly when B + height > 100, at the first piece of
 * relative level 101 - B (every piece deeper than that comes after one at
 * that level, in mac_parse order).
 */
interface Expansion {
  out: string;
  /** Deepest relative level of any piece; -1 for an empty text. */
  height: number;
  /** The first piece at each relative level (up to 101). */
  firstAt: Piece[];
  /** The first level-independent error, or null. */
  error: EntryError | null;
  refs: string[];
  /** More names were looked up than `refs` holds. */
  wide: boolean;
  undefinedNames: string[];
  /** Output or budget limit reached: `out` is incomplete (it ends in UNKNOWN_MARK). */
  limited: boolean;
  /** The configuration's budget ran out: nothing after this point was looked at. */
  halted: boolean;
  /** Built while an enclosing computation was on the stack in a way that matters (a crash seen from outside): not memoised. */
  contextual: boolean;
}

class Builder implements Expansion {
  /** The absolute level of this expansion's relative level 0, where it is being computed. */
  constructor(readonly absBase: number) {}
  chunks: string[] = [];
  length = 0;
  out = '';
  height = -1;
  firstAt: Piece[] = [];
  error: EntryError | null = null;
  refs: string[] = [];
  refSet = new Set<string>();
  wide = false;
  undefinedNames: string[] = [];
  limited = false;
  halted = false;
  contextual = false;

  /** Nothing more is computed: Postfix has stopped, or relaygate's budget has run out. */
  get stopped(): boolean {
    return this.error !== null || this.absBase + this.height > MAX_MACRO_NESTING || this.halted;
  }

  piece(level: number, text: string, at: TextPosition, via: number): void {
    if (level > this.height) this.height = level;
    if (level <= MAX_MACRO_NESTING + 1 && this.firstAt[level] === undefined) this.firstAt[level] = { text, at, via };
  }

  fail(error: Omit<EntryError, 'prefixHeight'>, level: number): void {
    this.error = { ...error, prefixHeight: Math.max(this.height, level) };
  }

  append(text: string, budget: ExpandBudget): void {
    if (this.limited || text === '') return;
    if (this.length + text.length > MAX_EXPANSION_CHARS) {
      this.limit();
      return;
    }
    if (!budget.spend(0, text.length)) {
      this.halt();
      return;
    }
    this.chunks.push(text);
    this.length += text.length;
  }

  limit(): void {
    if (this.limited) return;
    this.limited = true;
    this.chunks.push(UNKNOWN_MARK);
  }

  halt(): void {
    this.limit();
    this.halted = true;
  }

  ref(name: string): void {
    if (this.refSet.has(name)) return;
    if (this.refs.length >= MAX_REFERENCES) {
      this.wide = true;
      return;
    }
    this.refSet.add(name);
    this.refs.push(name);
  }

  undefinedName(name: string): void {
    if (!this.undefinedNames.includes(name) && this.undefinedNames.length < MAX_REFERENCES) this.undefinedNames.push(name);
  }

  finish(): Expansion {
    // Stopped by the absolute limit where it is computed, before its own
    // relative limit: placed higher up it would go on, so it is not reusable.
    if (this.absBase + this.height > MAX_MACRO_NESTING && this.height <= MAX_MACRO_NESTING) this.contextual = true;
    this.out = this.chunks.join('');
    this.chunks = [this.out];
    return this;
  }
}

/** The raw value of a parameter, or undefined when it has none (it expands to nothing). */
export type RawLookup = (name: string) => string | undefined;

export interface ExpanderOptions {
  budget?: ExpandBudget;
  /**
   * Expansions computed elsewhere that this expander may reuse for `name`
   * (a service scope reusing main.cf's): return undefined when there is none.
   */
  shared?: (name: string) => Expansion | undefined;
}

export type { Expansion };

/** One in-progress expansion of a parameter: its name, absolute level, and the relational context it runs in. */
interface Active {
  name: string;
  level: number;
  context: number;
}

/**
 * Expands parameter values of one scope (main.cf, or main.cf as one master.cf
 * service sees it), memoising each parameter's expansion. In scan mode
 * (postconf's MAC_EXP_FLAG_SCAN) every branch is parsed, no looked-up value
 * is expanded and nothing is compared: only references and syntax errors.
 */
export class MacroExpander {
  private readonly memo = new Map<string, Expansion>();
  private readonly active: Active[] = [];
  private context = 0;
  private contextSeq = 0;
  private contexts = 0;
  readonly budget: ExpandBudget;
  private readonly scanMode: boolean;

  constructor(
    private readonly lookup: RawLookup,
    private readonly options: ExpanderOptions & { scan?: boolean } = {},
  ) {
    this.budget = options.budget ?? new ExpandBudget();
    this.scanMode = options.scan === true;
  }

  /** The memoised expansion of `name`'s value, if computed and reusable. */
  memoised(name: string): Expansion | undefined {
    return this.memo.get(name);
  }

  /** The expansion of parameter `name`'s value (memoised), as a program reading it at level 0 computes it. */
  expansion(name: string): Expansion {
    return this.expansionOf(name, 0);
  }

  /** The value of parameter `name`, expanded as a Postfix program reading it does. */
  expandParameter(name: string): ExpandResult {
    const raw = this.lookup(name);
    if (raw === undefined) return { value: '', diagnostics: [], references: [], undefinedNames: [] };
    return this.result(this.expansionOf(name, 0));
  }

  /** Any text, expanded in this scope (`param`: the parameter it is the value of, for positions). */
  expandText(text: string, param: string | null = null): ExpandResult {
    return this.result(this.fresh(text, { param, base: 0 }, 0));
  }

  private result(e: Expansion): ExpandResult {
    const diagnostics: ExpandDiagnostic[] = [];
    const error = firstError(e, 0);
    if (error !== null) diagnostics.push(error);
    if (e.limited) {
      diagnostics.push({
        message: `the expansion is larger than relaygate evaluates (${MAX_EXPANSION_CHARS} characters per value, ${this.budget.maxChars} per configuration); the value is unknown`,
        offset: 0,
        at: { param: null, offset: 0 },
        kind: 'limit',
        fatal: false,
      });
    }
    return { value: error === null ? e.out : '', diagnostics, references: e.refs, undefinedNames: e.undefinedNames };
  }

  /** The expansion of `name`'s raw value with its first pieces at relative level 0, computed at absolute `level`. */
  private expansionOf(name: string, level: number): Expansion {
    const cached = this.memo.get(name);
    if (cached !== undefined) return cached;
    const shared = this.options.shared?.(name);
    if (shared !== undefined) return shared;
    const raw = this.lookup(name) ?? '';
    // A parameter already being expanded at the same absolute level in an
    // enclosing relational operand: from here everything repeats for ever.
    if (this.active.some((a) => a.name === name && a.level === level && a.context !== this.context)) {
      const b = new Builder(level);
      b.contextual = true;
      b.fail({ message: `unbounded macro recursion through a relational expression: "${name}"`, at: { param: name, offset: 0 }, via: -1, kind: 'crash' }, 0);
      return b.finish();
    }
    // Met again inside its own cycle: expanded naively, as Postfix does, and not kept.
    const inProgress = this.active.some((a) => a.name === name && a.context === this.context);
    this.active.push({ name, level, context: this.context });
    let e: Expansion;
    try {
      e = this.fresh(raw, { param: name, base: 0 }, level);
    } finally {
      this.active.pop();
    }
    if (!inProgress && !e.contextual) this.memo.set(name, e);
    return e;
  }

  /** Parses `text` (the whole of the new expansion's own text) with its first pieces at absolute level `level`. */
  private fresh(text: string, origin: Origin, level: number): Expansion {
    const b = new Builder(level);
    this.parse(b, text, origin, 0, level);
    return b.finish();
  }

  /**
   * mac_parse(): literal text, `$$`, and references, handed to the expander
   * one piece at a time at relative level `rel` of `b` (absolute `abs`).
   * `s` is part of b's own text (its value, or a branch of it).
   */
  private parse(b: Builder, s: string, origin: Origin, rel: number, abs: number): void {
    let i = 0;
    const n = s.length;
    let literal = '';
    let literalStart = 0;
    const flush = (): void => {
      if (literal === '') return;
      this.literal(b, literal, pos(origin, literalStart), rel);
      literal = '';
    };
    while (i < n && !b.stopped) {
      const c = s.charAt(i);
      if (c !== '$' || s.charAt(i + 1) === '$') {
        if (literal === '') literalStart = i;
        literal += c;
        i += c === '$' ? 2 : 1;
        continue;
      }
      flush();
      if (b.stopped) return;
      const dollar = i;
      i++;
      let expr: string;
      let exprStart: number;
      const open = s.charAt(i);
      if (open === '{' || open === '(') {
        const close = open === '{' ? '}' : ')';
        let depth = 1;
        let j = i + 1;
        for (; depth > 0; j++) {
          if (j >= n) {
            // A template value may hide the closing bracket.
            if (s.includes(UNKNOWN_MARK, i)) {
              b.append(UNKNOWN_MARK, this.budget);
              return;
            }
            b.fail({ message: `truncated macro reference: "${s}"`, at: pos(origin, dollar), via: -1, kind: 'syntax' }, rel);
            return;
          }
          const d = s.charAt(j);
          if (d === open) depth++;
          if (d === close) depth--;
        }
        exprStart = i + 1;
        expr = s.slice(i + 1, j - 1);
        i = j;
      } else if (open === UNKNOWN_MARK) {
        // `$` followed by unresolved template text: a reference to an unknown name.
        let j = i + 1;
        while (j < n && (isNameChar(s.charAt(j)) || s.charAt(j) === UNKNOWN_MARK)) j++;
        b.append(UNKNOWN_MARK, this.budget);
        i = j;
        continue;
      } else {
        let j = i;
        while (j < n && isNameChar(s.charAt(j))) j++;
        exprStart = i;
        expr = s.slice(i, j);
        i = j;
      }
      if (expr === '') {
        b.fail({ message: `empty macro name: "${s}"`, at: pos(origin, dollar), via: -1, kind: 'syntax' }, rel);
        return;
      }
      this.expression(b, expr, sub(origin, exprStart), origin.base + dollar, rel, abs);
    }
    flush();
  }

  private step(b: Builder): boolean {
    if (this.budget.spend(1, 0)) return true;
    b.halt();
    return false;
  }


  private literal(b: Builder, text: string, at: TextPosition, rel: number): void {
    b.piece(rel, text, at, -1);
    if (b.stopped || !this.step(b)) return;
    if (!this.scanMode) b.append(text, this.budget);
  }

  /**
   * mac_expand_callback() for the text inside `${...}` / `$(...)`, or a plain
   * `$name`; `dollar` is the offset of its `$` in b's own text.
   */
  private expression(b: Builder, expr: string, origin: Origin, dollar: number, rel: number, abs: number): void {
    b.piece(rel, expr, { param: origin.param, offset: dollar }, -1);
    if (b.stopped || !this.step(b)) return;
    const fail = (message: string, i: number, kind: EntryError['kind'] = 'syntax'): void => {
      b.fail({ message, at: pos(origin, i), via: -1, kind }, rel);
    };
    if (expr.includes(UNKNOWN_MARK) && !markOnlyInBranches(expr)) {
      b.append(UNKNOWN_MARK, this.budget);
      return;
    }
    let cp = skipSpace(expr, 0);
    // Is the operand after `?` the one used (the value is non-empty)?
    let selected: boolean | 'unknown';
    let op: string;
    if (expr.charAt(cp) === '{') {
      const relation = this.relational(b, expr, cp, origin, dollar, rel);
      if (relation === null) return;
      selected = relation.result;
      cp = relation.next;
      op = expr.charAt(cp);
      if (op !== '') {
        if (op !== '?' && op !== ':') return fail(`"?" or ":" expected at: "...}>>>${expr.slice(cp, cp + 20)}"`, cp);
        cp++;
      } else {
        // A relational expression on its own expands to "true" or nothing.
        if (selected === 'unknown') b.append(UNKNOWN_MARK, this.budget);
        else if (selected && !this.scanMode) b.append('true', this.budget);
        return;
      }
    } else {
      const start = cp;
      let nameEnd: number;
      for (;;) {
        const afterSpace = skipSpace(expr, cp);
        const c = expr.charAt(afterSpace);
        if (c === '' || c === '?' || c === ':') {
          nameEnd = cp;
          op = c;
          cp = c === '' ? afterSpace : afterSpace + 1;
          break;
        }
        if (!isNameChar(expr.charAt(cp))) {
          return fail(`attribute name syntax error at: "...${expr.slice(0, cp)}>>>${expr.slice(cp, cp + 20)}"`, cp);
        }
        cp++;
      }
      const name = expr.slice(start, nameEnd);
      b.ref(name);
      if (this.scanMode) {
        selected = false;
        if (op === '') return;
      } else {
        const raw = this.lookup(name);
        if (raw === undefined) b.undefinedName(name);
        selected = raw === undefined || raw === '' ? false : raw.split(UNKNOWN_MARK).join('') === '' ? 'unknown' : true;
        if (op === '') {
          if (raw !== undefined && raw !== '') this.place(b, this.expansionOf(name, abs + 1), rel + 1, dollar);
          return;
        }
      }
    }
    if (selected === 'unknown') {
      // Which branch Postfix takes depends on an unresolved template value.
      b.append(UNKNOWN_MARK, this.budget);
      return;
    }
    // MAC_EXP_FLAG_SCAN parses both branches; otherwise only the selected one.
    if (op === '?') {
      const branch = branchText(expr, cp);
      if (typeof branch === 'string') return fail(branch, skipSpace(expr, cp));
      cp = branch.next;
      if (selected || this.scanMode) this.parse(b, branch.payload, sub(origin, branch.start), rel + 1, abs + 1);
      if (b.stopped || cp >= expr.length) return;
      if (expr.charAt(cp) !== ':') return fail(`":" expected at: "...${branch.payload}}>>>${expr.slice(cp, cp + 20)}"`, cp);
      cp++;
    }
    const other = branchText(expr, cp);
    if (typeof other === 'string') return fail(other, skipSpace(expr, cp));
    if (!selected || this.scanMode) this.parse(b, other.payload, sub(origin, other.start), rel + 1, abs + 1);
    if (b.stopped) return;
    if (other.next < expr.length) return fail(`unexpected input at: "...${other.payload}}>>>${expr.slice(other.next, other.next + 20)}"`, other.next);
  }

  /**
   * mac_exp_parse_relational(): `{left} OP {right}`, both operands expanded by
   * a fresh expansion (levels start at 0 again), then compared.
   */
  private relational(b: Builder, expr: string, at: number, origin: Origin, dollar: number, rel: number): { result: boolean | 'unknown'; next: number } | null {
    const fail = (message: string, i: number, kind: EntryError['kind'] = 'syntax'): null => {
      b.fail({ message, at: pos(origin, i), via: -1, kind }, rel);
      return null;
    };
    const left = curlyPayload(expr, at);
    if (typeof left === 'string') return fail(left, at);
    let cp = left.next;
    const opStart = cp;
    while (cp < expr.length && '<>!=?+-*/~&|%'.includes(expr.charAt(cp))) cp++;
    const operator = expr.slice(opStart, cp);
    if (!['==', '!=', '<', '<=', '>=', '>'].includes(operator)) {
      return fail(`"==" or "!="" or "<"" or "<="" or ">="" or ">" expected at: "...${left.payload}}>>>${expr.slice(opStart, opStart + 20)}"`, opStart);
    }
    // compat_level_relop_register(): `==level` ... `>level`; any other suffix is refused.
    let level = false;
    if (isAlnum(expr.charAt(cp))) {
      const suffixStart = cp;
      while (isAlnum(expr.charAt(cp))) cp++;
      const suffix = expr.slice(suffixStart, cp);
      if (suffix !== 'level') return fail(`bad operator suffix at: "...${operator}>>>${suffix}"`, suffixStart);
      level = true;
    }
    const brace = skipSpace(expr, cp);
    if (expr.charAt(brace) !== '{') {
      return fail(`"{expression}" expected at: "...{${left.payload}} ${operator}>>>${expr.slice(cp, cp + 20)}"`, cp);
    }
    const right = curlyPayload(expr, brace);
    if (typeof right === 'string') return fail(right, brace);
    const leftValue = this.operand(b, left.payload, sub(origin, left.start), dollar, rel);
    if (leftValue === null) return null;
    const rightValue = this.operand(b, right.payload, sub(origin, right.start), dollar, rel);
    if (rightValue === null) return null;
    if (this.scanMode) return { result: false, next: right.next };
    if (leftValue.includes(UNKNOWN_MARK) || rightValue.includes(UNKNOWN_MARK)) return { result: 'unknown', next: right.next };
    if (level) {
      const l = compatLevel(leftValue);
      if (l === null) return fail(`malformed compatibility level syntax: "${leftValue}"`, left.start);
      const r = compatLevel(rightValue);
      if (r === null) return fail(`malformed compatibility level syntax: "${rightValue}"`, right.start);
      return { result: decide(operator, l < r ? -1 : l > r ? 1 : 0), next: right.next };
    }
    let order: number;
    if (allDigits(leftValue) && allDigits(rightValue)) {
      // mac_exp_eval(): atol_or_die() dies on a number that does not fit a long.
      for (const [value, start] of [[leftValue, left.start], [rightValue, right.start]] as const) {
        if (BigInt(value) > LONG_MAX) return fail(`mac_exp_eval: bad conversion: ${value}`, start, 'fatal');
      }
      const a = BigInt(leftValue);
      const c = BigInt(rightValue);
      order = a < c ? -1 : a > c ? 1 : 0;
    } else {
      order = Buffer.compare(Buffer.from(leftValue, 'utf8'), Buffer.from(rightValue, 'utf8'));
    }
    return { result: decide(operator, order), next: right.next };
  }

  /** One relational operand: a fresh mac_expand() (its own level count), whose error stops the outer expansion too. */
  private operand(b: Builder, text: string, origin: Origin, dollar: number, rel: number): string | null {
    if (this.contexts >= MAX_RELATIONAL_CONTEXTS) {
      b.limit();
      b.contextual = true;
      return null;
    }
    const saved = this.context;
    this.contexts++;
    this.context = ++this.contextSeq;
    let e: Expansion;
    try {
      e = this.fresh(text, origin, 0);
    } finally {
      this.context = saved;
      this.contexts--;
    }
    for (const name of e.refs) b.ref(name);
    if (e.wide) b.wide = true;
    for (const name of e.undefinedNames) b.undefinedName(name);
    if (e.contextual) b.contextual = true;
    const error = firstError(e, 0);
    if (error !== null) {
      // The operand's own error, at its own position: level-independent for the outer expansion.
      const inOperand = error.at.param === origin.param && error.offset === error.at.offset;
      b.fail({ message: error.message, at: error.at, via: inOperand ? -1 : dollar, kind: error.kind as EntryError['kind'] }, rel);
      return null;
    }
    if (e.halted) b.halt();
    if (e.limited) {
      b.limit();
      return null;
    }
    return e.out;
  }

  /** A looked-up value's expansion, its first pieces at relative level `at` of `b`, reached through the `$` at `dollar`. */
  private place(b: Builder, child: Expansion, at: number, dollar: number): void {
    for (let k = 0; k < child.firstAt.length && at + k <= MAX_MACRO_NESTING + 1; k++) {
      const p = child.firstAt[k];
      if (p !== undefined && b.firstAt[at + k] === undefined) b.firstAt[at + k] = { text: p.text, at: p.at, via: dollar };
    }
    for (const name of child.refs) b.ref(name);
    if (child.wide) b.wide = true;
    for (const name of child.undefinedNames) b.undefinedName(name);
    if (child.contextual) b.contextual = true;
    if (child.height >= 0 && at + child.height > b.height) b.height = at + child.height;
    if (b.stopped) return;
    if (child.error !== null) {
      const prefix = at + child.error.prefixHeight;
      if (b.absBase + prefix > MAX_MACRO_NESTING) {
        if (prefix > b.height) b.height = prefix;
        return;
      }
      b.error = { ...child.error, via: dollar, prefixHeight: Math.max(b.height, prefix) };
      return;
    }
    if (child.halted) b.halt();
    else if (child.limited) b.limit();
    else b.append(child.out, this.budget);
  }
}

/** Is every UNKNOWN_MARK of `expr` after its first `?`/`:` (in the branches, so it does not decide the parse)? */
function markOnlyInBranches(expr: string): boolean {
  const q = expr.search(/[?:]/);
  return q >= 0 && !expr.slice(0, q).includes(UNKNOWN_MARK);
}

/** The error Postfix reports first for an expansion used at absolute level `base`, or null. */
function firstError(e: Expansion, base: number): ExpandDiagnostic | null {
  const threshold = MAX_MACRO_NESTING + 1 - base;
  const nestingFirst = e.height >= threshold && (e.error === null || e.error.prefixHeight >= threshold);
  if (nestingFirst) {
    const p = e.firstAt[threshold];
    if (p !== undefined) {
      return { message: `unreasonable macro call nesting: "${p.text}"`, offset: p.via < 0 ? p.at.offset : p.via, at: p.at, kind: 'nesting', fatal: true };
    }
  }
  if (e.error !== null) {
    const offset = e.error.via < 0 ? e.error.at.offset : e.error.via;
    return { message: e.error.message, offset, at: e.error.at, kind: e.error.kind, fatal: true };
  }
  return null;
}

const LONG_MAX = 9223372036854775807n;

function allDigits(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

function decide(op: string, order: number): boolean {
  switch (op) {
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
    default:
      return order > 0;
  }
}

/** C strtol(s, &end, 10) on the start of `s`: the value and where it stopped, or null when no digit was read. */
function strtol(s: string, from: number): { value: bigint; end: number } | null {
  let i = from;
  while (i < s.length && ' \t\n\v\f\r'.includes(s.charAt(i))) i++;
  let sign = 1n;
  if (s.charAt(i) === '+' || s.charAt(i) === '-') {
    if (s.charAt(i) === '-') sign = -1n;
    i++;
  }
  const digits = i;
  while (i < s.length && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
  if (i === digits) return null;
  return { value: sign * BigInt(s.slice(digits, i)), end: i };
}

/**
 * compat_level_from_string(): `major[.minor[.patch]]`, each read by strtol
 * (so leading blanks and a sign are accepted), minor and patch 0..1023,
 * encoded so levels compare as numbers (`3.10` is above `3.9`).
 */
export function compatLevel(text: string): bigint | null {
  const majorMax = LONG_MAX >> 20n;
  const parts: bigint[] = [];
  let at = 0;
  for (let k = 0; k < 3; k++) {
    const n = strtol(text, at);
    if (n === null || n.value > LONG_MAX || n.value < -LONG_MAX - 1n) return null;
    const limit = k === 0 ? majorMax : 1023n;
    if (n.value < 0n || n.value > limit) return null;
    parts.push(n.value);
    if (n.end === text.length) {
      while (parts.length < 3) parts.push(0n);
      return ((parts[0] as bigint) << 20n) | ((parts[1] as bigint) << 10n) | (parts[2] as bigint);
    }
    if (text.charAt(n.end) !== '.' || k === 2) return null;
    at = n.end + 1;
  }
  return null;
}

/** mac_exp_extract_curly_payload(): `{...}` at `i` (balanced), then skip whitespace; a string is the error. */
function curlyPayload(s: string, i: number): { payload: string; start: number; next: number } | string {
  let level = 1;
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charAt(j);
    if (c === '{') level++;
    else if (c === '}' && --level <= 0) {
      return { payload: s.slice(i + 1, j), start: i + 1, next: skipSpace(s, j + 1) };
    }
  }
  return `unbalanced {} in attribute expression: "${s.slice(i)}"`;
}

/**
 * One branch of a conditional: a `{...}` group (braces removed), or, without
 * braces, the rest of the expression as literal text (postconf(5)).
 */
function branchText(expr: string, from: number): { payload: string; start: number; next: number } | string {
  const brace = skipSpace(expr, from);
  if (expr.charAt(brace) === '{') return curlyPayload(expr, brace);
  return { payload: expr.slice(from), start: from, next: expr.length };
}

/**
 * Expands `raw` as Postfix does when a program reads the parameter.
 * `lookup` returns a parameter's raw (unexpanded) value, or undefined when it
 * has none; looked-up values are expanded recursively.
 */
export function expandValue(raw: string, lookup: RawLookup, budget?: ExpandBudget): ExpandResult {
  return new MacroExpander(lookup, budget === undefined ? {} : { budget }).expandText(raw);
}

/**
 * Checks the macro syntax of `raw` without expanding it, both branches of
 * every conditional included (postconf's MAC_EXP_FLAG_SCAN): the direct
 * references and the first syntax error. `value` is always empty.
 */
export function scanValue(raw: string): ExpandResult {
  return new MacroExpander(() => undefined, { scan: true }).expandText(raw);
}
