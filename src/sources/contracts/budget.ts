/**
 * The evaluation budget: one per file, shared by every value the file's
 * evaluator computes. Output limits (RenderLimits) bound only the rendered
 * text; a template can still build a huge value on the way (`{% set x = x ~ x %}`
 * forty times, `replace` growing a string four-fold per call, a list holding
 * itself twice). The budget counts what is built and walked, and once it is
 * spent every further value of that file is unknown: the verdicts that depend
 * on them are indeterminate, the file is not unreadable (the real engine would
 * render it, given the memory), and the scan goes on.
 *
 * Counters, added up over the whole file:
 * - characters of every string built (a concatenation, a function's result);
 * - elements of every list and map built, counted through shared parts (a list
 *   holding the same list twice counts it twice: printing it would);
 * - steps: one per expression evaluated, plus the size of every value walked
 *   whole (compared, printed, searched, joined).
 * Depth bounds the evaluator's own recursion (variables defined through
 * variables, expressions inside expressions), well below V8's stack.
 */
import { UNKNOWN } from './values.js';

/**
 * Occurrences a replace-all of `from` replaces, counted without building
 * anything (an empty `from` matches between every two characters: an upper
 * bound for the code points Python counts).
 */
export function occurrences(text: string, from: string): number {
  if (from === '') return text.length + 1;
  let count = 0;
  for (let at = text.indexOf(from); at !== -1; at = text.indexOf(from, at + from.length)) count++;
  return count;
}

export interface BudgetLimits {
  characters: number;
  elements: number;
  steps: number;
  depth: number;
}

export const DEFAULT_BUDGET: Readonly<BudgetLimits> = { characters: 4_000_000, elements: 400_000, steps: 4_000_000, depth: 200 };

/** Values nested deeper than this are unknown to every evaluator (containsUnknown's own bound). */
const MAX_VALUE_DEPTH = 32;

export class EvaluationBudget {
  private characters = 0;
  private elements = 0;
  private steps = 0;
  private depth = 0;
  /** Expanded sizes of lists and maps already measured (a shared part is measured once). */
  private readonly sizes = new WeakMap<object, number>();
  /** What ran out first, as a note's text; null while the budget lasts. */
  exceeded: string | null = null;

  constructor(readonly limits: Readonly<BudgetLimits> = DEFAULT_BUDGET) {}

  get exhausted(): boolean {
    return this.exceeded !== null;
  }

  private spend(counter: 'characters' | 'elements' | 'steps', amount: number, what: string): boolean {
    if (this.exceeded !== null) return false;
    this[counter] += amount;
    if (this[counter] <= this.limits[counter]) return true;
    this.exceeded = `evaluation budget exceeded (more than ${this.limits[counter]} ${what})`;
    return false;
  }

  /** One evaluation step (plus `count - 1` more); false once the budget is spent. */
  step(count = 1): boolean {
    return this.spend('steps', count, 'evaluation steps');
  }

  /** Before building a string of `length` characters; false: do not build it. */
  text(length: number): boolean {
    return this.spend('characters', length, 'characters built');
  }

  /** Before building a list or map of `count` elements; false: do not build it. */
  list(count: number): boolean {
    return this.spend('elements', count, 'list and map elements built');
  }

  /** Whether `characters` more could still be built (nothing is charged). */
  affords(characters: number): boolean {
    return this.exceeded === null && this.characters + characters <= this.limits.characters;
  }

  /** A value built from parts not measured before (a function's result): charged by its expanded size. */
  built(value: unknown): boolean {
    if (typeof value === 'string') return this.text(value.length);
    if (value === null || typeof value !== 'object') return true;
    return this.list(this.sizeOf(value));
  }

  /** Before walking a whole value (comparing, printing, searching it): steps by its expanded size. */
  walk(value: unknown): boolean {
    return this.step(typeof value === 'string' ? 1 + (value.length >> 6) : 1 + this.sizeOf(value));
  }

  /**
   * Expanded size of a value: 1 for a scalar (a string its length), a list or
   * map 1 plus its elements' sizes (keys included). Over the budget, or
   * nested past what any evaluator reads, it is Infinity.
   */
  sizeOf(value: unknown, depth = 0): number {
    if (typeof value === 'string') return value.length;
    if (value === null || typeof value !== 'object') return 1;
    const known = this.sizes.get(value);
    if (known !== undefined) return known;
    if (depth > MAX_VALUE_DEPTH) return Number.POSITIVE_INFINITY;
    let size = 1;
    const cap = this.limits.elements + this.limits.characters;
    if (Array.isArray(value)) {
      for (const item of value) {
        size += 1 + this.sizeOf(item, depth + 1);
        if (size > cap) break;
      }
    } else if (value instanceof Map) {
      for (const [k, v] of value) {
        size += 1 + this.sizeOf(k, depth + 1) + this.sizeOf(v, depth + 1);
        if (size > cap) break;
      }
    } else {
      for (const [k, v] of Object.entries(value)) {
        size += 1 + k.length + this.sizeOf(v, depth + 1);
        if (size > cap) break;
      }
    }
    if (size > cap) size = Number.POSITIVE_INFINITY;
    this.sizes.set(value, size);
    return size;
  }

  /**
   * One evaluation: a step, one level deeper, and, when `builds`, the value it
   * returns charged by its expanded size. UNKNOWN once the budget is spent.
   * Every evaluator's `evaluate` goes through here.
   */
  evaluate(builds: boolean, body: () => unknown): unknown {
    if (!this.step() || !this.enter()) return UNKNOWN;
    try {
      const value = body();
      return builds && !this.built(value) ? UNKNOWN : value;
    } finally {
      this.leave();
    }
  }

  /** One level deeper in the evaluator's recursion; false (nothing entered) past the depth limit. */
  enter(): boolean {
    if (this.depth >= this.limits.depth) {
      this.exceeded ??= `evaluation nested more than ${this.limits.depth} deep`;
      return false;
    }
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }
}
