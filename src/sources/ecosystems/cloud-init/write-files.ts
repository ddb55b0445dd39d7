import { isMap, isScalar, type Scalar, type YAMLMap } from 'yaml';
import type { Edit, Extraction } from '../../contracts/edits.js';
import { decodeBase64, gunzip, utf8, type Decoded } from '../../languages/yaml/decode.js';
import { spanOfRange, toFragment, type HostPosition, type MappedText } from '../../languages/yaml/mapped-text.js';
import { scalarText, wholeScalar } from '../../languages/yaml/scalar-text.js';
import { destinationOf, named } from '../shared/destinations.js';

/** cloud-init's encodings (cloudinit/config/cc_write_files.py, canonicalize_extraction). */
const GZIP_BASE64 = new Set(['gz+base64', 'gzip+base64', 'gz+b64', 'gzip+b64']);
const GZIP = new Set(['gz', 'gzip']);
const BASE64 = new Set(['base64', 'b64']);
const PLAIN = new Set(['', 'text/plain']);

export interface CloudContext {
  file: string;
  source: string;
  at: HostPosition;
  out: Extraction;
  /** `## template: jinja` user data: expressions over instance data become unknown. */
  render: (m: MappedText) => MappedText;
}

/**
 * One `write_files` entry that writes a mail file: the whole file
 * (`write`), or appended text with `append: true`. Encoded content maps to
 * the whole `content` scalar, one expression segment per decoded line.
 */
export function writeFileEntry(entry: YAMLMap, context: CloudContext): Edit | null {
  const pathNode = entry.get('path', true);
  if (!isScalar(pathNode) || typeof pathNode.value !== 'string') return null;
  const where = destinationOf(pathNode.value);
  if (where === null) return null;
  const contentNode = entry.get('content', true);
  const encodingNode = entry.get('encoding', true);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML scalar's value is a string, number, boolean or null
  const encoding = isScalar(encodingNode) ? String(encodingNode.value ?? '').trim().toLowerCase() : '';
  const range = pathNode.range ?? [0, 0];
  const span = spanOfRange(range[0], range[1], context.file, context.at);
  let content: MappedText | null;
  if (contentNode === undefined || contentNode === null) content = { text: '', pieces: [] };
  else if (!isScalar(contentNode)) return null;
  else content = contentOf(contentNode, encoding, context);
  if (content === null) return null;
  const appendNode = entry.get('append', true);
  const append = isScalar(appendNode) && (appendNode.value === true || String(appendNode.value).toLowerCase() === 'true');
  const fragment = toFragment(content, context.file, 'cloud-init', context.at);
  const key = { scope: context.file, directory: where.directory };
  return { kind: append ? 'append' : 'write', key, span, form: 'cloud-init', maybe: false, target: where.target, ...named(where), fragment };
}

function contentOf(node: Scalar, encoding: string, context: CloudContext): MappedText | null {
  const range = node.range ?? [0, 0, 0];
  const binary = node.value instanceof Uint8Array ? node.value : null;
  if (binary === null && PLAIN.has(encoding)) {
    const text = scalarText(node, context.source);
    return text === null ? null : context.render(text);
  }
  let decoded: Decoded;
  if (binary !== null) {
    // `content: !!binary |` is bytes already; cloud-init then applies a gzip encoding if named.
    decoded = GZIP.has(encoding) || GZIP_BASE64.has(encoding) ? gunzip(binary) : utf8(binary);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML scalar's value is a string, number, boolean or null
    const text = String(node.value ?? '');
    if (BASE64.has(encoding) || GZIP_BASE64.has(encoding)) {
      const bytes = decodeBase64(text);
      if (bytes === null) decoded = { ok: false, message: 'content is not valid base64' };
      else decoded = GZIP_BASE64.has(encoding) ? gunzip(bytes) : utf8(bytes);
    } else if (GZIP.has(encoding)) decoded = gunzip(Buffer.from(text, 'latin1'));
    else decoded = { ok: false, message: `unknown write_files encoding "${encoding}"` };
  }
  if (!decoded.ok) {
    const where = context.at(range[0]);
    context.out.diagnostics.push({ file: context.file, line: where.line, column: where.column, message: `write_files content: ${decoded.message}`, fatal: true });
    return null;
  }
  return wholeScalar(decoded.text, range[0], range[1]);
}

export function isEntry(node: unknown): node is YAMLMap {
  return isMap(node);
}
