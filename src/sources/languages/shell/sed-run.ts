/**
 * A sed program (./sed-script.ts) run over the lines of a file, as GNU sed
 * runs it: one cycle per input line, addresses and ranges decided per line,
 * the pattern space printed at the end of the cycle unless -n or `d`,
 * `i` text before it, `a` text after it. Generic over the line values, so
 * the same run keeps every character's origin (replay) or works on plain
 * strings (the differential test against GNU sed).
 *
 * Unknowns: a pattern that holds an unknown value may match any line its
 * known parts allow; on such a line the outcome is unknown (`d`: the line may
 * be gone). Unknown text inside a line is opaque: it matches only what any
 * text would (`.`, `.*`), so a placeholder substitution on another line does
 * not make a line with an unknown value unknown.
 */
import { sedRegex } from './sed-regex.js';
import type { SedAddress, SedAddress2, SedInstruction, SedProgram, SedRegex } from './sed-script.js';

/** What the run needs of a line value. */
export interface SedText<T> {
  text(value: T): string;
  slice(value: T, start: number, end: number): T;
  concat(parts: T[]): T;
  /** Script text [start, end): its own characters when `exact`, else text standing for that range. */
  script(text: string, start: number, end: number, exact: boolean): T;
}

export type LineResult<T> =
  /** The line becomes these lines (none: deleted). */
  | { kind: 'known'; lines: T[] }
  /** The line may stay as it was or become these lines. */
  | { kind: 'maybe'; lines: T[] }
  /** The line may become anything. */
  | { kind: 'unknown' };

type Truth = true | false | 'unknown';

/** Every value of the run is bounded: a pattern space longer than this is unknown. */
const MAX_PATTERN = 64 * 1024;

interface RangeState {
  active: boolean;
  /** The line a numeric end (`N`, `+N`, `~N`) closes on. */
  endLine: number | null;
  /** An undecided start: the range may be active from here on. */
  unknown: boolean;
}

class Cycle<T> {
  out: T[] = [];
  queue: T[] = [];
  deleted = false;
  maybeDeleted = false;
  undecided = false;

  constructor(public pattern: T) {}
}

function regexMatch(regex: SedRegex | null, text: string): Truth {
  if (regex === null) return 'unknown';
  const re = sedRegex(regex.source, regex.icase);
  if (re === null) return 'unknown';
  const found = re.test(text);
  if (regex.unknown) return found ? 'unknown' : false;
  return found;
}

export class SedRun<T> {
  private readonly ranges = new Map<SedInstruction, RangeState>();
  private line = 0;
  private last = false;

  constructor(
    private readonly program: Extract<SedProgram, { kind: 'program' }>,
    private readonly ops: SedText<T>,
    private readonly quiet: boolean,
  ) {}

  /** The result for each input line, in order. */
  run(lines: readonly T[]): LineResult<T>[] {
    return lines.map((value, i) => {
      this.line = i + 1;
      this.last = i === lines.length - 1;
      return this.cycle(value);
    });
  }

  private cycle(value: T): LineResult<T> {
    const c = new Cycle(value);
    this.instructions(this.program.instructions, c);
    if (c.undecided) return { kind: 'unknown' };
    if (!c.deleted && !this.quiet) c.out.push(c.pattern);
    const lines = [...c.out, ...c.queue].flatMap((v) => this.split(v));
    return c.maybeDeleted ? { kind: 'maybe', lines } : { kind: 'known', lines };
  }

  private split(value: T): T[] {
    const text = this.ops.text(value);
    if (!text.includes('\n')) return [value];
    const out: T[] = [];
    let at = 0;
    for (;;) {
      const next = text.indexOf('\n', at);
      if (next < 0) break;
      out.push(this.ops.slice(value, at, next));
      at = next + 1;
    }
    out.push(this.ops.slice(value, at, text.length));
    return out;
  }

  private address(a: SedAddress, pattern: string): Truth {
    switch (a.kind) {
      case 'line':
        return this.line === a.line;
      case 'last':
        return this.last;
      case 'regex':
        return regexMatch(a.regex, pattern);
      case 'step':
        return a.step <= 0 ? this.line === a.first : this.line >= a.first && (this.line - a.first) % a.step === 0;
    }
  }

  private selects(ins: SedInstruction, pattern: string): Truth {
    const first = ins.first;
    if (first === null) return !ins.negate;
    let selected: Truth;
    if (ins.second === null) selected = this.address(first, pattern);
    else selected = this.range(ins, first, ins.second, pattern);
    if (selected === 'unknown') return 'unknown';
    return ins.negate ? !selected : selected;
  }

  private range(ins: SedInstruction, first: SedAddress, second: SedAddress2, pattern: string): Truth {
    let state = this.ranges.get(ins);
    if (state === undefined) {
      // `0,/re/`: the range is active before the first line, so the regex may end it on line 1.
      state = { active: first.kind === 'line' && first.line === 0, endLine: null, unknown: false };
      this.ranges.set(ins, state);
    }
    if (state.unknown) return 'unknown';
    if (state.active) {
      const ends = this.ends(state, second, pattern, false);
      if (ends === 'unknown') {
        state.unknown = true;
        return 'unknown';
      }
      if (ends) state.active = false;
      return true;
    }
    const starts = this.address(first, pattern);
    if (starts === 'unknown') {
      state.unknown = true;
      return 'unknown';
    }
    if (!starts) return false;
    state.active = true;
    state.endLine = null;
    if (second.kind === 'line') state.endLine = second.line;
    if (second.kind === 'relative') state.endLine = this.line + second.count;
    // `addr,~N`: up to the next line after this one whose number is a multiple of N.
    if (second.kind === 'multiple') state.endLine = second.of <= 0 ? this.line : Math.floor(this.line / second.of) * second.of + second.of;
    const ends = this.ends(state, second, pattern, true);
    if (ends === true) state.active = false;
    return true;
  }

  /** Does this line close the range? A regex end is not tried on the line that opened the range. */
  private ends(state: RangeState, second: SedAddress2, pattern: string, opening: boolean): Truth {
    if (state.endLine !== null) return this.line >= state.endLine;
    if (second.kind === 'last') return this.last;
    if (second.kind === 'regex') return opening ? false : regexMatch(second.regex, pattern);
    if (second.kind === 'step') return false;
    return false;
  }

  /** Runs instructions on the cycle; returns false when the cycle ends (d, c). */
  private instructions(list: readonly SedInstruction[], c: Cycle<T>): boolean {
    for (const ins of list) {
      const text = this.ops.text(c.pattern);
      if (text.length > MAX_PATTERN) {
        c.undecided = true;
        return false;
      }
      const selected = this.selects(ins, text);
      if (selected === false) continue;
      const command = ins.command;
      if (selected === 'unknown') {
        // `d` that may or may not apply: the line may be gone; anything else: the line may become anything.
        if (command.name === 'd') {
          c.maybeDeleted = true;
          continue;
        }
        c.undecided = true;
        return false;
      }
      switch (command.name) {
        case 'block':
          if (!this.instructions(command.commands, c)) return false;
          continue;
        case 'd':
          c.deleted = true;
          return false;
        case 'p':
          c.out.push(c.pattern);
          continue;
        case 'i':
          c.out.push(this.ops.script(command.text, command.start, command.end, command.exact));
          continue;
        case 'a':
          c.queue.push(this.ops.script(command.text, command.start, command.end, command.exact));
          continue;
        case 'c': {
          // GNU: with a range, the text is printed at the range's end only (not under `!`).
          const state = this.ranges.get(ins);
          if (ins.second === null || ins.negate || state === undefined || !state.active) {
            c.out.push(this.ops.script(command.text, command.start, command.end, command.exact));
          }
          c.deleted = true;
          return false;
        }
        case 'y': {
          const from = [...command.from];
          const to = [...command.to];
          const mapped = [...text].map((ch) => {
            const k = from.indexOf(ch);
            return k < 0 ? ch : (to[k] as string);
          });
          const parts: T[] = [];
          let at = 0;
          mapped.forEach((ch, k) => {
            if (ch === text[k]) return;
            parts.push(this.ops.slice(c.pattern, at, k), this.ops.script(ch, 0, 0, false));
            at = k + 1;
          });
          if (parts.length > 0) c.pattern = this.ops.concat([...parts, this.ops.slice(c.pattern, at, text.length)]);
          continue;
        }
        case 's': {
          const done = this.substitute(command, c);
          if (done === 'unknown') {
            c.undecided = true;
            return false;
          }
          if (done && command.print) c.out.push(c.pattern);
          continue;
        }
      }
    }
    return true;
  }

  /** `s/re/replacement/flags`: whether a substitution was made. */
  private substitute(command: Extract<SedInstruction['command'], { name: 's' }>, c: Cycle<T>): boolean | 'unknown' {
    const regex = command.regex;
    if (regex === null) return 'unknown';
    const text = this.ops.text(c.pattern);
    const re = sedRegex(regex.source, regex.icase);
    if (re === null) return 'unknown';
    if (regex.unknown) return re.test(text) ? 'unknown' : false;
    const m = re.matcher(text);
    const parts: T[] = [];
    let at = 0;
    let count = 0;
    let replaced = false;
    let from = 0;
    let previousEnd = -1;
    while (from <= text.length && m.find(from)) {
      const start = m.start();
      const end = m.end();
      // An empty match right where the previous match ended is not a match (GNU).
      if (start === end && start === previousEnd) {
        from = start + 1;
        continue;
      }
      count++;
      const wanted = command.global ? count >= command.occurrence : count === command.occurrence;
      if (wanted) {
        parts.push(this.ops.slice(c.pattern, at, start));
        for (const part of command.replacement) {
          if (part.kind === 'text') parts.push(this.ops.script(part.text, part.start, part.end, part.exact));
          else {
            const groupStart = part.group <= m.groupCount() ? m.start(part.group) : -1;
            if (groupStart >= 0) parts.push(this.ops.slice(c.pattern, groupStart, m.end(part.group)));
          }
        }
        at = end;
        replaced = true;
        if (!command.global) break;
      }
      previousEnd = end;
      from = end > start ? end : end + 1;
    }
    if (!replaced) return false;
    parts.push(this.ops.slice(c.pattern, at, text.length));
    c.pattern = this.ops.concat(parts);
    return true;
  }
}

/** The same run on plain strings (a file's text), for tests and quick answers: null when some line's outcome is not known. */
export function runSedOnText(program: Extract<SedProgram, { kind: 'program' }>, text: string, quiet: boolean): string | null {
  const ops: SedText<string> = {
    text: (v) => v,
    slice: (v, a, b) => v.slice(a, b),
    concat: (parts) => parts.join(''),
    script: (t) => t,
  };
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const results = new SedRun(program, ops, quiet).run(lines);
  const out: string[] = [];
  for (const r of results) {
    if (r.kind !== 'known') return null;
    out.push(...r.lines);
  }
  return out.map((l) => `${l}\n`).join('');
}

