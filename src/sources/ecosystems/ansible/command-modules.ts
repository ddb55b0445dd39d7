import { isScalar, isSeq } from 'yaml';
import type { Edit } from '../../contracts/edits.js';
import { concat, positionFunction, slice, type MappedText } from '../../languages/yaml/mapped-text.js';
import { scalarText } from '../../languages/yaml/scalar-text.js';
import { extractShell } from '../../languages/yaml/shell-bridge.js';
import { argvText } from '../../languages/yaml/argv.js';
import type { ModuleCall } from './module-call.js';

/** Free-form options Ansible's command/shell modules take out of the command line. */
const COMMAND_OPTIONS = /^(?:chdir|creates|removes|executable|warn|stdin|stdin_add_newline|strip_empty_ends)=/;

/**
 * shell / command / raw: the command text goes to the shell extractor, with
 * positions leading back to the task's scalar. `command` does not run a
 * shell, but the forms relaygate reads (`postconf -e a=b`) mean the same.
 */
export function commandModule(call: ModuleCall): Edit[] {
  const { context } = call;
  const text = commandText(call);
  if (text === null) return [];
  const rendered = call.templating.render(text).text;
  const extraction = extractShell(rendered.text, positionFunction(rendered, context.at), {
    file: context.file,
    scope: context.scope,
    form: 'ansible',
    maybe: call.maybe,
  });
  context.out.diagnostics.push(...extraction.diagnostics);
  context.out.notes.push(...extraction.notes);
  return extraction.edits;
}

function commandText(call: ModuleCall): MappedText | null {
  const source = call.context.source;
  if (call.freeFormNode !== null) {
    const text = scalarText(call.freeFormNode, source, true);
    return text === null ? null : stripOptions(text);
  }
  const cmd = call.arguments.get('cmd') ?? call.arguments.get('_raw_params');
  if (cmd !== undefined && isScalar(cmd.node)) return scalarText(cmd.node, source, true);
  if (cmd?.text !== null && cmd?.text !== undefined) return cmd.text;
  const argv = call.arguments.get('argv');
  if (argv !== undefined && isSeq(argv.node)) {
    const words: MappedText[] = [];
    for (const item of argv.node.items) {
      const word = isScalar(item) ? scalarText(item, source, true) : null;
      if (word === null) return null;
      words.push(word);
    }
    return argvText(words);
  }
  return null;
}

/** `shell: postconf -e x=y chdir=/tmp`: Ansible removes its own k=v options wherever they are. */
function stripOptions(m: MappedText): MappedText {
  const text = m.text;
  if (!/(?:^|\s)(?:chdir|creates|removes|executable|warn|stdin)=/.test(text)) return m;
  const kept: MappedText[] = [];
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) !== 32 && text.charCodeAt(j) !== 9) j++;
    let k = j;
    while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (!COMMAND_OPTIONS.test(text.slice(i, j))) kept.push(slice(m, i, k));
    i = k === i ? i + 1 : k;
  }
  return concat(kept);
}
