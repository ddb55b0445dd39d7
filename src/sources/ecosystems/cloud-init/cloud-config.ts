import { isMap, isScalar, isSeq } from 'yaml';
import { LineIndex, type SourceFile } from '../../../model/source.js';
import type { HostFormat } from '../../contracts/host-format.js';
import { emptyExtraction, type Extraction } from '../../contracts/edits.js';
import { argvText } from '../../languages/yaml/argv.js';
import { positionFunction, type MappedText } from '../../languages/yaml/mapped-text.js';
import { scalarText } from '../../languages/yaml/scalar-text.js';
import { extractShell } from '../../languages/yaml/shell-bridge.js';
import { parseYaml, plainValue } from '../../languages/yaml/yaml-file.js';
import { UNKNOWN } from '../../contracts/values.js';
import type { VariableScope } from '../../contracts/variables.js';
import { JINJA2_NAMESPACES } from '../shared/jinja2-namespaces.js';
import { ArgumentTemplating } from '../../languages/yaml/jinja-arguments.js';
import { isEntry, writeFileEntry, type CloudContext } from './write-files.js';

/** cloud-init reads a user-data part as cloud-config only when its first line is exactly this (optionally followed by spaces). */
const CLOUD_CONFIG = /^\uFEFF?#cloud-config[ \t]*\r?$/;

/** cloud-init renders a part whose first line is this with Jinja over its instance data, then reads the rest. */
const JINJA_HEADER = /^\uFEFF?## template: *jinja[ \t]*\r?$/;

function firstLines(head: string): [string, string] {
  const first = head.indexOf('\n');
  if (first === -1) return [head, ''];
  const second = head.indexOf('\n', first + 1);
  return [head.slice(0, first), head.slice(first + 1, second === -1 ? head.length : second)];
}

/** `#cloud-config` first, or after a `## template: jinja` line. */
export function isCloudConfig(head: string): boolean {
  const [first, second] = firstLines(head);
  return CLOUD_CONFIG.test(first) || (JINJA_HEADER.test(first) && CLOUD_CONFIG.test(second));
}

/** Instance data (v1.region, ds.meta_data...) is only known on the machine: every name is unknown. */
const INSTANCE_DATA: VariableScope = { lookup: () => ({ value: UNKNOWN, origin: null }) };

/**
 * cloud-init `#cloud-config` user data. Modules run in cloud-init's order,
 * not the file's: `bootcmd` (init stage, first), `write_files` (init stage),
 * `runcmd` (final stage, after packages are installed), so the edits are
 * listed in that order.
 */
export const cloudInit: HostFormat = {
  form: 'cloud-init',
  matches(_path, head) {
    return isCloudConfig(head);
  },
  extract(file: SourceFile): Extraction {
    const out = emptyExtraction();
    const index = new LineIndex(file.text);
    const at = (offset: number) => index.position(offset);
    const parsed = parseYaml(file.path, file.text, at, '1.1');
    out.diagnostics.push(...parsed.diagnostics);
    const jinja = JINJA_HEADER.test(firstLines(file.text)[0]);
    const templating = jinja ? new ArgumentTemplating(INSTANCE_DATA, new Map(), JINJA2_NAMESPACES) : null;
    const render = (m: MappedText): MappedText => (templating === null ? m : templating.render(m).text);
    const context = { file: file.path, source: file.text, at, out, render };
    for (const document of parsed.documents) {
      const config = document.contents;
      if (!isMap(config)) continue;
      runCommands(config.get('bootcmd', true), context);
      const writeFiles = config.get('write_files', true);
      if (isSeq(writeFiles)) {
        for (const entry of writeFiles.items) {
          if (!isEntry(entry)) continue;
          const edit = writeFileEntry(entry, context);
          if (edit !== null) out.edits.push(edit);
        }
      }
      const packages = plainValue(document, config.get('packages', true));
      if (Array.isArray(packages) && packages.some((p) => p === 'postfix' || (Array.isArray(p) && p[0] === 'postfix'))) {
        out.notes.push(`${file.path}: postfix is installed by cloud-init "packages", which does not name the distribution; Postfix's built-in defaults are assumed`);
      }
      runCommands(config.get('runcmd', true), context);
    }
    return out;
  },
};

/** `runcmd` / `bootcmd` items: a string runs with `sh -c`, a list is an argv. */
function runCommands(node: unknown, context: CloudContext): void {
  if (!isSeq(node)) return;
  for (const item of node.items) {
    let command: MappedText | null = null;
    if (isScalar(item)) command = scalarText(item, context.source, true);
    else if (isSeq(item)) {
      const words: MappedText[] = [];
      for (const word of item.items) {
        const text = isScalar(word) ? scalarText(word, context.source, true) : null;
        if (text !== null) words.push(text);
      }
      command = words.length === item.items.length ? argvText(words) : null;
    }
    if (command === null || command.text.trim() === '') continue;
    command = context.render(command);
    const extraction = extractShell(command.text, positionFunction(command, context.at), { file: context.file, scope: context.file, form: 'cloud-init', maybe: false });
    context.out.edits.push(...extraction.edits);
    context.out.diagnostics.push(...extraction.diagnostics);
    context.out.notes.push(...extraction.notes);
  }
}
