import { UNKNOWN_MARK, isUnknown } from '../../model/source.js';
import { builtinDefault } from './defaults.js';
import { expandValue, type ExpandDiagnostic } from './expand.js';
import { lastDefinition } from './main-cf.js';
import type { MainCf, MainCfParameter, MasterOverride, MasterService } from './model.js';

/** Where a parameter's value comes from. */
export type ValueOrigin =
  | { kind: 'main.cf'; definition: MainCfParameter }
  | { kind: 'override'; definition: MasterOverride; service: MasterService }
  | { kind: 'default' };

/** A parameter reached through `$name` while expanding another one. */
export interface ValueSource {
  name: string;
  origin: ValueOrigin;
}

export interface EffectiveValue {
  name: string;
  /** As written in its definition (or the built-in default's text), before `$name` expansion. */
  raw: string;
  /** After `$name` expansion, as the Postfix program reading it sees it. */
  value: string;
  origin: ValueOrigin;
  /** Every parameter the value depended on through `$name`, nested ones included, in order of first use. */
  sources: ValueSource[];
  /** Macro errors: Postfix would refuse this value. */
  diagnostics: ExpandDiagnostic[];
  /** The value contains text from an unresolved template expression (UNKNOWN_MARK). */
  unknown: boolean;
}

/**
 * The parameters one Postfix program sees: main.cf (the last definition of a
 * name wins, postconf(5)), then, for a master.cf service, its `-o name=value`
 * overrides (master(5): they replace main.cf for that service only, the last
 * `-o` of a name winning), then Postfix's built-in defaults.
 *
 * Values are expanded lazily, as Postfix does when a program reads a
 * parameter, so a `$name` inside main.cf or inside an override sees the
 * service's overrides too.
 */
export class PostfixParameters {
  private readonly cache = new Map<string, EffectiveValue>();
  private compatibilityLevel: string | null = null;
  private resolvingLevel = false;

  constructor(
    readonly mainCf: MainCf | null,
    readonly service: MasterService | null = null,
  ) {}

  /** The same main.cf as seen by one master.cf service. */
  forService(service: MasterService | null): PostfixParameters {
    return new PostfixParameters(this.mainCf, service);
  }

  /** Which definition is in effect for `name`, without expanding it. */
  origin(name: string): ValueOrigin {
    if (this.service !== null) {
      const overrides = this.service.overrides;
      for (let i = overrides.length - 1; i >= 0; i--) {
        const override = overrides[i];
        if (override !== undefined && override.name === name) {
          return { kind: 'override', definition: override, service: this.service };
        }
      }
    }
    const definition = this.mainCf === null ? undefined : lastDefinition(this.mainCf, name);
    if (definition !== undefined) return { kind: 'main.cf', definition };
    return { kind: 'default' };
  }

  /** The unexpanded value in effect for `name`; undefined when it has no definition and no known default. */
  raw(name: string): string | undefined {
    const origin = this.origin(name);
    if (origin.kind !== 'default') return origin.definition.value;
    return builtinDefault(name, this.level());
  }

  /** The effective, expanded value of `name`. */
  get(name: string): EffectiveValue {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const origin = this.origin(name);
    const raw = this.raw(name) ?? '';
    const expanded = expandValue(raw, (n) => this.raw(n));
    const value: EffectiveValue = {
      name,
      raw,
      value: expanded.value,
      origin,
      sources: expanded.references.map((n) => ({ name: n, origin: this.origin(n) })),
      diagnostics: expanded.diagnostics,
      unknown: isUnknown(expanded.value) || isUnknown(raw) || this.shadowedByUnknownName(name, origin),
    };
    this.cache.set(name, value);
    return value;
  }

  /**
   * A definition whose NAME is unknown (a template loop over unresolved data
   * emitting `{{ k }} = {{ v }}`, `postconf -e "$k=$v"`) may set any
   * parameter its known characters fit (`${c}_notice_recipient` cannot be
   * inet_interfaces) and that it does not exclude: a value it comes after,
   * or a default, may be overridden by it, so that value is unknown.
   */
  private shadowedByUnknownName(name: string, origin: ValueOrigin): boolean {
    const may = (n: string, excludes?: readonly string[]): boolean => isUnknown(n) && fitsUnknownName(n, name) && !(excludes ?? []).includes(name);
    if (origin.kind === 'override') {
      const overrides = origin.service.overrides;
      return overrides.slice(overrides.indexOf(origin.definition) + 1).some((o) => may(o.name));
    }
    const serviceUnknown = this.service?.overrides.some((o) => may(o.name)) ?? false;
    if (serviceUnknown) return true;
    if (this.mainCf === null) return false;
    const parameters = this.mainCf.parameters;
    const after = origin.kind === 'main.cf' ? parameters.indexOf(origin.definition) + 1 : 0;
    return parameters.slice(after).some((p) => may(p.name, p.excludes));
  }

  /**
   * compatibility_level chooses several defaults. A level that (absurdly)
   * refers back to one of those defaults is read as unknown rather than
   * looping.
   */
  private level(): string {
    if (this.compatibilityLevel !== null) return this.compatibilityLevel;
    if (this.resolvingLevel) return UNKNOWN_MARK;
    this.resolvingLevel = true;
    try {
      this.compatibilityLevel = this.get('compatibility_level').value;
    } finally {
      this.resolvingLevel = false;
    }
    return this.compatibilityLevel;
  }
}

/** Can `name` be what an unknown-name pattern stands for (each UNKNOWN_MARK any run of characters)? */
export function fitsUnknownName(pattern: string, name: string): boolean {
  const pieces = pattern.split(UNKNOWN_MARK);
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (!name.startsWith(first) || !name.endsWith(last) || name.length < first.length + last.length) return false;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = name.indexOf(piece, at);
    if (found < 0 || found + piece.length > name.length - last.length) return false;
    at = found + piece.length;
  }
  return true;
}

/** The definitions (main.cf lines and `-o` overrides) a value was built from, its own first. */
export function definitionsOf(value: EffectiveValue): Array<MainCfParameter | MasterOverride> {
  const out: Array<MainCfParameter | MasterOverride> = [];
  for (const origin of [value.origin, ...value.sources.map((s) => s.origin)]) {
    if (origin.kind !== 'default' && !out.includes(origin.definition)) out.push(origin.definition);
  }
  return out;
}
