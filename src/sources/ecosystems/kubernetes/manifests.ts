import { isMap, isScalar, type Scalar } from 'yaml';
import { ALL_ROLES } from '../../../discover/patterns.js';
import { ROLE_WORDS, sniffRole } from '../../../discover/sniff.js';
import { LineIndex, type SourceFile } from '../../../model/source.js';
import type { HostFormat } from '../../contracts/host-format.js';
import { emptyExtraction, type Edit, type Extraction, type TargetFile } from '../../contracts/edits.js';
import { decodeBase64, utf8 } from '../../languages/yaml/decode.js';
import { spanOfRange, toFragment, type HostPosition, type MappedText } from '../../languages/yaml/mapped-text.js';
import { scalarText, wholeScalar } from '../../languages/yaml/scalar-text.js';
import { directoryFor, targetOfName } from '../shared/destinations.js';
import { parseYaml } from '../../languages/yaml/yaml-file.js';

const YAML_NAME = /\.ya?ml$/;
const KIND_LINE = /^kind:[ \t]*["']?(?:ConfigMap|Secret)\b/m;

/**
 * Kubernetes ConfigMaps and Secrets holding mail files (mounted as a volume
 * into a Postfix or sendmail container): a key named like the file, or
 * content that reads as one. Each key is a whole file: a `write` edit.
 * Helm templates (with `{{ }}`) are rendered as Go templates first (./helm-configmaps.ts),
 * which then calls extractKubernetesText on the rendered text.
 */
export const kubernetes: HostFormat = {
  form: 'kubernetes',
  // A key named like a mail file, content that sniffs as one, or base64 data (Secrets, binaryData) no byte search can read.
  needs: ['main.cf', 'master.cf', 'sendmail.cf', 'sendmail.mc', 'smtpd.conf', 'exim.conf', 'exim4.conf', 'update-exim4.conf.conf', 'Secret', 'binaryData', ...ROLE_WORDS].map((w) => [w]),
  matches(path, head) {
    if (!YAML_NAME.test(path) || !KIND_LINE.test(head)) return false;
    return !(head.includes('{{') && /(?:^|\/)templates\//.test(path));
  },
  extract(file: SourceFile): Extraction {
    const index = new LineIndex(file.text);
    return extractKubernetesText(file.text, (offset) => index.position(offset), file.path);
  },
};

/**
 * The ConfigMap/Secret edits of a (possibly rendered) multi-document manifest.
 * `position` maps an offset of `text` to the host file `file` (for a rendered
 * Helm template: the template's line and column).
 */
export function extractKubernetesText(text: string, position: HostPosition, file: string): Extraction {
  const out = emptyExtraction();
  const parsed = parseYaml(file, text, position, '1.2');
  out.diagnostics.push(...parsed.diagnostics);
  for (const document of parsed.documents) {
    const manifest = document.contents;
    if (!isMap(manifest)) continue;
    const kind = stringOf(manifest.get('kind', true));
    if (kind !== 'ConfigMap' && kind !== 'Secret') continue;
    const metadata = manifest.get('metadata', true);
    const name = isMap(metadata) ? (stringOf(metadata.get('name', true)) ?? '') : '';
    const scope = `${file}#${name}`;
    const context = { file, text, position, scope, out };
    // Secret `data` and ConfigMap `binaryData` are base64; `stringData` and ConfigMap `data` are text.
    readEntries(manifest.get('data', true), kind === 'Secret', context);
    readEntries(manifest.get(kind === 'Secret' ? 'stringData' : 'binaryData', true), kind !== 'Secret', context);
  }
  return out;
}

interface Context {
  file: string;
  text: string;
  position: HostPosition;
  scope: string;
  out: Extraction;
}

function stringOf(node: unknown): string | null {
  return isScalar(node) && typeof node.value === 'string' ? node.value : null;
}

function readEntries(node: unknown, base64: boolean, context: Context): void {
  if (!isMap(node)) return;
  for (const pair of (node).items) {
    const key = pair.key;
    if (!isScalar(key) || !isScalar(pair.value) || key.range === undefined || key.range === null) continue;
    const keyName = String(key.value);
    const content = base64 ? decoded(pair.value, keyName, context) : scalarText(pair.value, context.text);
    if (content === null) continue;
    const target: TargetFile | null = targetOfName(keyName) ?? sniffRole(content.text, ALL_ROLES);
    if (target === null) continue;
    const edit: Edit = {
      kind: 'write',
      key: { scope: context.scope, directory: directoryFor(target) },
      span: spanOfRange(key.range[0], key.range[1], context.file, context.position),
      form: 'kubernetes',
      maybe: false,
      target,
      ...(target === 'exim.conf' ? { name: keyName } : {}),
      fragment: toFragment(content, context.file, 'kubernetes', context.position),
    };
    context.out.edits.push(edit);
  }
}

function decoded(node: Scalar, keyName: string, context: Context): MappedText | null {
  const range = node.range ?? [0, 0, 0];
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML scalar's value is a string, number, boolean or null
  const bytes = decodeBase64(String(node.value ?? ''));
  const text = bytes === null ? null : utf8(bytes);
  if (text === null || !text.ok) {
    // Only a key named like a mail file is worth a diagnostic: other keys are someone else's data.
    if (targetOfName(keyName) !== null) {
      const where = context.position(range[0]);
      context.out.diagnostics.push({ file: context.file, line: where.line, column: where.column, message: `${keyName}: ${text === null ? 'not valid base64' : text.message}`, fatal: true });
    }
    return null;
  }
  return wholeScalar(text.text, range[0], range[1]);
}
