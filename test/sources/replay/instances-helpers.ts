import type { Form } from '../../../src/model/configuration.js';
import type { Span } from '../../../src/model/span.js';
import type { Family } from '../../../src/sources/contracts/distributions.js';
import type { Edit, Extraction, InstanceKey } from '../../../src/sources/contracts/edits.js';
import { SourceMap, type Fragment, type MapSegment } from '../../../src/sources/contracts/fragment.js';

/** Hand-made edits for instance tests: no dependence on the extractors. */
export const KEY: InstanceKey = { scope: 'Dockerfile', directory: '/etc/postfix' };

export function span(file: string, line: number, column: number, length: number): Span {
  return { file, line, column, endLine: line, endColumn: column + length };
}

/** `text`'s line i sits at host line `line + i`, starting at `column` (a heredoc body, a postconf argument). */
export function fragment(file: string, text: string, line: number, column = 1, form: Form = 'dockerfile'): Fragment {
  const segments: MapSegment[] = text.split('\n').map((content, i) => ({
    line: i + 1,
    column: 1,
    endColumn: content.length + 2,
    kind: 'literal',
    from: { line: line + i, column },
    to: { line: line + i, column },
  }));
  return { file, text, form, map: new SourceMap(segments), maybeLines: new Set(), alternatives: [] };
}

interface Common {
  file?: string;
  maybe?: boolean;
  form?: Form;
  key?: InstanceKey;
}

function base(line: number, text: string, o: Common): { key: InstanceKey; span: Span; form: Form; maybe: boolean } {
  const file = o.file ?? 'Dockerfile';
  return { key: o.key ?? KEY, span: span(file, line, 1, text.length + 1), form: o.form ?? 'dockerfile', maybe: o.maybe ?? false };
}

export function write(target: 'main.cf' | 'master.cf' | 'sendmail.mc', line: number, text: string, o: Common = {}): Edit {
  const file = o.file ?? 'Dockerfile';
  return { ...base(line, text, o), kind: 'write', target, fragment: fragment(file, text, line, 1, o.form) };
}

export function append(target: 'main.cf' | 'master.cf' | 'sendmail.mc', line: number, text: string, o: Common = {}): Edit {
  const file = o.file ?? 'Dockerfile';
  return { ...base(line, text, o), kind: 'append', target, fragment: fragment(file, text, line, 1, o.form) };
}

/** `RUN postconf -e name=value` at `line`: the argument starts at column 18. */
export function set(line: number, assignment: string, o: Common = {}): Edit {
  const file = o.file ?? 'Dockerfile';
  // main.cf accepts `name=value`: the fragment is the argument itself, at column 18 (after `RUN postconf -e `).
  return { ...base(line, assignment, o), kind: 'set', target: 'main.cf', fragment: fragment(file, assignment, line, 18, o.form) };
}

export function unset(line: number, name: string, o: Common = {}): Edit {
  return { ...base(line, name, o), kind: 'unset', target: 'main.cf', name, nameSpan: span(o.file ?? 'Dockerfile', line, 18, name.length) };
}

export function setIfPresent(line: number, assignment: string, o: Common = {}): Edit {
  const file = o.file ?? 'Dockerfile';
  const name = assignment.slice(0, assignment.indexOf('='));
  return { ...base(line, assignment, o), kind: 'set-if-present', target: 'main.cf', name, fragment: fragment(file, assignment, line, 18, o.form) };
}

export function masterSet(line: number, service: string, type: string, parameter: string, value: string, o: Common = {}): Edit {
  const file = o.file ?? 'Dockerfile';
  const text = `${service}/${type}/${parameter}=${value}`;
  return {
    ...base(line, text, o),
    kind: 'master-set',
    target: 'master.cf',
    service,
    type,
    parameter,
    value,
    valueSpan: span(file, line, 18 + text.length - value.length, value.length),
  };
}

export function link(line: number, target: 'main.cf' | 'master.cf' | 'sendmail.mc', source: string, o: Common = {}): Edit {
  const directory = o.key?.directory ?? KEY.directory;
  return { ...base(line, source, o), kind: 'link', target, source, destination: `${directory}/${target}` };
}

export function baseEdit(line: number, distribution: Family, evidence: string, o: Common & { mailerType?: string } = {}): Edit {
  return { ...base(line, evidence, o), kind: 'base', distribution, evidence, ...(o.mailerType === undefined ? {} : { mailerType: o.mailerType }) };
}

export function extraction(...edits: Edit[]): Extraction {
  return { edits, diagnostics: [], notes: [] };
}
