import { UNKNOWN_MARK, isUnknown } from '../../model/source.js';
import { builtinDefault, isLevelDependentDefault } from './defaults.js';
import { ExpandBudget, MacroExpander, type ExpandDiagnostic, type Expansion } from './expand.js';
import type { MainCf, MainCfParameter, MasterOverride, MasterService, PostfixConfiguration } from './model.js';

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
  /** Macro errors (Postfix would refuse this value), and relaygate's expansion limit notes. */
  diagnostics: ExpandDiagnostic[];
  /** The value contains text from an unresolved template expression (UNKNOWN_MARK), or relaygate did not finish it. */
  unknown: boolean;
}

/**
 * Is the main.cf under this configuration only partly known? A master.cf
 * alone has none; edits over a distribution relaygate models only in part
 * (every base but Debian's, whose packaged main.cf sets compatibility_level
 * 3.6, so Postfix's defaults at that level are what it runs with). A
 * parameter such a configuration leaves unset may be set in the main.cf
 * relaygate does not see (DESIGN "Base").
 */
export function mainCfPartlyKnown(config: PostfixConfiguration): boolean {
  return config.mainCf === null || (config.overlay !== undefined && config.overlay.base !== 'debian');
}

/**
 * main.cf as every scope of one configuration reads it: the last definition
 * of each name (postconf(5)), built once, and the expansions of main.cf's
 * values, shared by every master.cf service whose `-o` overrides they do not
 * depend on. One budget bounds the expansion work of the whole configuration.
 */
class MainLayer {
  readonly definitions = new Map<string, MainCfParameter>();
  readonly positions = new Map<MainCfParameter, number>();
  /** Index of the last definition whose NAME is unresolved template text; -1 when there is none. */
  readonly lastUnknownName: number;
  readonly budget = new ExpandBudget();
  readonly main: Scope;
  readonly services = new WeakMap<MasterService, Scope>();

  constructor(readonly mainCf: MainCf | null) {
    let lastUnknown = -1;
    (mainCf?.parameters ?? []).forEach((p, i) => {
      this.definitions.set(p.name, p);
      this.positions.set(p, i);
      if (isUnknown(p.name)) lastUnknown = i;
    });
    this.lastUnknownName = lastUnknown;
    this.main = new Scope(this, null);
  }

  scope(service: MasterService | null): Scope {
    if (service === null || service.overrides.length === 0) return this.main;
    let scope = this.services.get(service);
    if (scope === undefined) {
      scope = new Scope(this, service);
      this.services.set(service, scope);
    }
    return scope;
  }
}

const layers = new WeakMap<MainCf, MainLayer>();

function layerOf(mainCf: MainCf | null): MainLayer {
  if (mainCf === null) return new MainLayer(null);
  let layer = layers.get(mainCf);
  if (layer === undefined) {
    layer = new MainLayer(mainCf);
    layers.set(mainCf, layer);
  }
  return layer;
}

/** One program's view: main.cf, a service's `-o` overrides on top (a thin layer), then the built-in defaults. */
class Scope {
  readonly overrides = new Map<string, MasterOverride>();
  /** Position of the last override whose name is unresolved template text; -1 when there is none. */
  private readonly lastUnknownOverride: number;
  readonly expander: MacroExpander;
  private readonly cache = new Map<string, EffectiveValue>();
  private compatibilityLevel: string | null = null;
  private resolvingLevel = false;

  constructor(
    readonly layer: MainLayer,
    readonly service: MasterService | null,
  ) {
    let lastUnknown = -1;
    (service?.overrides ?? []).forEach((o, i) => {
      this.overrides.set(o.name, o);
      if (isUnknown(o.name)) lastUnknown = i;
    });
    this.lastUnknownOverride = lastUnknown;
    const main = service === null ? null : layer.main;
    this.expander = new MacroExpander((name) => this.raw(name), {
      budget: layer.budget,
      ...(main === null ? {} : { shared: (name: string) => this.sharedExpansion(main, name) }),
    });
  }

  /**
   * main.cf's expansion of `name`, when this service sees the same one: the
   * name is not overridden here, and nothing the expansion looked up is (nor
   * compatibility_level, which chooses defaults).
   */
  private sharedExpansion(main: Scope, name: string): Expansion | undefined {
    if (this.overrides.has(name) || this.overrides.has('compatibility_level') || this.lastUnknownOverride >= 0) return undefined;
    const e = main.expander.expansion(name);
    if (e.wide || e.contextual) return undefined;
    for (const ref of e.refs) if (this.overrides.has(ref)) return undefined;
    return e;
  }

  origin(name: string): ValueOrigin {
    const override = this.overrides.get(name);
    if (override !== undefined && this.service !== null) return { kind: 'override', definition: override, service: this.service };
    const definition = this.layer.definitions.get(name);
    if (definition !== undefined) return { kind: 'main.cf', definition };
    return { kind: 'default' };
  }

  raw(name: string): string | undefined {
    const override = this.overrides.get(name);
    if (override !== undefined) return override.value;
    const definition = this.layer.definitions.get(name);
    if (definition !== undefined) return definition.value;
    return builtinDefault(name, isLevelDependentDefault(name) ? this.level() : '0');
  }

  get(name: string): EffectiveValue {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    // A service that sees main.cf's expansion of the name sees main.cf's value
    // (same definition, same sources, same level): one object for every such
    // service, so thousands of services cost no more than their overrides.
    const main = this.service === null ? null : this.layer.main;
    if (main !== null && this.sharedExpansion(main, name) !== undefined) return main.get(name);
    const origin = this.origin(name);
    const raw = this.raw(name) ?? '';
    const expanded = this.expander.expandParameter(name);
    const limited = expanded.diagnostics.some((d) => d.kind === 'limit');
    const value: EffectiveValue = {
      name,
      raw,
      value: expanded.value,
      origin,
      sources: expanded.references.map((n) => ({ name: n, origin: this.origin(n) })),
      diagnostics: expanded.diagnostics,
      unknown: limited || isUnknown(expanded.value) || isUnknown(raw) || this.shadowedByUnknownName(origin),
    };
    this.cache.set(name, value);
    return value;
  }

  /**
   * A definition whose NAME is unknown (a template loop over unresolved data
   * emitting `{{ k }} = {{ v }}`) may set any parameter: a value it comes
   * after, or a default, may be overridden by it, so that value is unknown.
   */
  private shadowedByUnknownName(origin: ValueOrigin): boolean {
    if (origin.kind === 'override') {
      return origin.service.overrides.indexOf(origin.definition) < this.lastUnknownOverride;
    }
    if (this.lastUnknownOverride >= 0) return true;
    if (origin.kind === 'default') return this.layer.lastUnknownName >= 0;
    return (this.layer.positions.get(origin.definition) ?? 0) < this.layer.lastUnknownName;
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

/**
 * The parameters one Postfix program sees: main.cf (the last definition of a
 * name wins, postconf(5)), then, for a master.cf service, its `-o name=value`
 * overrides (master(5): they replace main.cf for that service only, the last
 * `-o` of a name winning), then Postfix's built-in defaults.
 *
 * Values are expanded lazily, as Postfix does when a program reads a
 * parameter, so a `$name` inside main.cf or inside an override sees the
 * service's overrides too. Every PostfixParameters of one MainCf shares its
 * main.cf layer: a service adds only its overrides.
 */
export class PostfixParameters {
  private readonly scope: Scope;

  constructor(
    readonly mainCf: MainCf | null,
    readonly service: MasterService | null = null,
  ) {
    this.scope = layerOf(mainCf).scope(service);
  }

  /** The same main.cf as seen by one master.cf service. */
  forService(service: MasterService | null): PostfixParameters {
    return new PostfixParameters(this.mainCf, service);
  }

  /** Which definition is in effect for `name`, without expanding it. */
  origin(name: string): ValueOrigin {
    return this.scope.origin(name);
  }

  /** The unexpanded value in effect for `name`; undefined when it has no definition and no known default. */
  raw(name: string): string | undefined {
    return this.scope.raw(name);
  }

  /** The effective, expanded value of `name`. */
  get(name: string): EffectiveValue {
    return this.scope.get(name);
  }

  /** The expander of this scope (its memo is shared by every caller). */
  get expander(): MacroExpander {
    return this.scope.expander;
  }
}

/** The definitions (main.cf lines and `-o` overrides) a value was built from, its own first. */
export function definitionsOf(value: EffectiveValue): Array<MainCfParameter | MasterOverride> {
  const out: Array<MainCfParameter | MasterOverride> = [];
  for (const origin of [value.origin, ...value.sources.map((s) => s.origin)]) {
    if (origin.kind !== 'default' && !out.includes(origin.definition)) out.push(origin.definition);
  }
  return out;
}
