import path from 'node:path';
import type { Related } from '../model/finding.js';
import { UNKNOWN_MARK } from '../model/source.js';
import type { Span } from '../model/span.js';
import type { EffectiveValue, ValueOrigin } from '../mta/postfix/effective.js';
import type { SmtpdListener } from '../mta/postfix/listeners.js';
import type { PostfixConfiguration } from '../mta/postfix/model.js';

/** Where the Postfix relay rules point and how they name things. */

/** Text for a message: unresolved template text shown as such, a carriage return escaped. */
export function show(text: string): string {
  return text.split(UNKNOWN_MARK).join('<unresolved>').replace(/\r/g, '\\r');
}

/** Where a value comes from; over an unknown base its "default" is the base's, which is unknown. */
export function where(origin: ValueOrigin): string {
  if (origin.kind === 'default') return origin.unknown === undefined ? 'the default' : `not set here: ${origin.unknown}`;
  return `${path.posix.basename(origin.definition.span.file)} line ${origin.definition.span.line}`;
}

/**
 * Where a finding about a setting the instance lacks points: the edit that
 * matters in an overlay, the provisioning step that writes main.cf, else the
 * first line of main.cf (or master.cf when there is no main.cf).
 */
export function firstLine(config: PostfixConfiguration, prefer: readonly string[] = []): Span {
  if (config.overlay !== undefined) {
    const edited = config.mainCf?.parameters.filter((p) => p.assumed === undefined) ?? [];
    const decisive = [...edited].reverse().find((p) => prefer.includes(p.name)) ?? edited[0];
    if (decisive !== undefined) return decisive.span;
  }
  if (config.mainCf?.writtenAt !== undefined) return config.mainCf.writtenAt;
  const file = config.mainCf?.file ?? config.masterCf?.file ?? config.files[0] ?? config.directory;
  const spans = config.mainCf?.parameters.map((p) => p.span) ?? config.masterCf?.services.map((s) => s.span) ?? [];
  const onLineOne = spans.find((s) => s.line === 1 && s.endLine === 1);
  return { file, line: 1, column: 1, endLine: 1, endColumn: onLineOne?.endColumn ?? 2 };
}

/** The text a person edits to change `value`: its `-o`, its main.cf value, or the first line when it is unset. */
export function locateValue(value: EffectiveValue, config: PostfixConfiguration, prefer: readonly string[] = []): Span {
  const origin = value.origin;
  if (origin.kind === 'override') return origin.definition.span;
  if (origin.kind === 'main.cf') {
    const valueSpan = origin.definition.valueSpan;
    const empty = valueSpan.line === valueSpan.endLine && valueSpan.endColumn <= valueSpan.column;
    return empty ? origin.definition.span : valueSpan;
  }
  return firstLine(config, prefer);
}

/** `name = "raw"` (expanded, master.cf -o) for a message; `name` (unset) for a default. */
export function describeValue(value: EffectiveValue, defaultText?: string): string {
  if (value.origin.kind === 'default') {
    return defaultText ?? (value.value === '' ? `${value.name} (unset, empty by default)` : `${value.name} (unset, default "${show(value.value)}")`);
  }
  const expanded = value.raw === value.value ? '' : ` (expands to "${show(value.value)}")`;
  const override = value.origin.kind === 'override' ? ` (master.cf -o on ${value.origin.service.name})` : '';
  return `${value.name} = "${show(value.raw)}"${expanded}${override}`;
}

export function listenerLabel(listener: SmtpdListener): string {
  const label = show(listener.label);
  return listener.smtpd === listener.service ? label : `${label} (postscreen)`;
}

/** "smtpd on *:smtp and *:submission (inet_interfaces = all, main.cf line 3)". */
export function describeListeners(listeners: readonly SmtpdListener[]): string {
  const labels = [...new Set(listeners.map(listenerLabel))];
  const joined = labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  const interfaces = listeners.find((l) => l.interfaces !== null)?.interfaces;
  // Over an unknown base the default is not Postfix's: `where` says so instead of a value.
  const unknownBase = interfaces?.origin.kind === 'default' && interfaces.origin.unknown !== undefined;
  const context = !interfaces ? '' : unknownBase ? ` (inet_interfaces ${where(interfaces.origin)})` : ` (inet_interfaces = ${show(interfaces.value) || '""'}, ${where(interfaces.origin)})`;
  return `smtpd on ${joined}${context}`;
}

/** `related` entries for the definitions a value depends on, except the one at `span`. */
export class RelatedList {
  readonly items: Related[] = [];
  private readonly seen = new Set<string>();

  constructor(span: Span) {
    this.seen.add(`${span.file}:${span.line}`);
  }

  add(origin: ValueOrigin, message: string): void {
    if (origin.kind === 'default') return;
    const s = origin.definition.span;
    const key = `${s.file}:${s.line}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ file: s.file, line: s.line, column: s.column, message });
  }

  /** The value's own definition and every `$name` it expands. */
  addValue(value: EffectiveValue, message: string): void {
    this.add(value.origin, message);
    for (const source of value.sources) this.add(source.origin, `$${source.name} used by ${value.name} comes from here`);
  }
}
