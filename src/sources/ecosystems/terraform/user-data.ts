import { LineIndex, UNKNOWN_MARK, type Position, type SourceFile } from '../../../model/source.js';
import type { HostFormat } from '../../contracts/host-format.js';
import { emptyExtraction, type Extraction } from '../../contracts/edits.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { extractShellText } from '../../languages/shell/extract.js';
import { MappedSource } from '../../languages/shell/mapped.js';
import { shellNote } from '../../languages/shell/notes.js';
import { SHELL_EDIT_NEEDS } from '../../languages/shell/targets.js';
import { imagesNamed } from '../shared/image-attributes.js';
import { extractCloudConfig } from '../cloud-init/cloud-config.js';

/** A user-data heredoc of a `.tf` file, with Terraform's own syntax already applied. */
export interface TerraformHeredoc {
  attribute: string;
  /** The heredoc's content as the instance receives it (interpolations are UNKNOWN_MARK). */
  body: MappedSource;
  /** The content is cloud-init (`#cloud-config`), not a script. */
  cloudConfig: boolean;
  /** `%{ if }`/`%{ for }` directives were present (their lines may or may not be there). */
  directives: boolean;
  /** Host offset of the `<<` marker. */
  start: number;
}

const ATTRIBUTE = /\b(user_data|custom_data|metadata_startup_script)[ \t]*=[ \t]*<<(-?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/g;

/**
 * Terraform heredocs (HCL native syntax, "Heredoc templates"): `<<EOF` keeps
 * lines as they are, `<<-EOF` removes the smallest common indentation; in the
 * content `${ ... }` is an interpolation (unknown here), `$${` a literal `${`,
 * `%{ ... }` a directive, `%%{` a literal `%{`. Exported for the cloud-init
 * reader, which handles `#cloud-config` bodies.
 */
export function terraformHeredocs(text: string): TerraformHeredoc[] {
  const out: TerraformHeredoc[] = [];
  for (const m of text.matchAll(ATTRIBUTE)) {
    const delimiter = m[3] as string;
    const lines: { start: number; end: number }[] = [];
    let pos = (m.index ?? 0) + m[0].length;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      const lineEnd = text[end - 1] === '\r' ? end - 1 : end;
      if (text.slice(pos, lineEnd).trim() === delimiter) break;
      lines.push({ start: pos, end: lineEnd });
      pos = end + 1;
    }
    let indent = 0;
    if (m[2] === '-') {
      indent = Infinity;
      for (const l of lines) {
        const content = text.slice(l.start, l.end);
        if (content.trim() === '') continue;
        indent = Math.min(indent, /^[ \t]*/.exec(content)?.[0].length ?? 0);
      }
      if (indent === Infinity) indent = 0;
    }
    const body = new MappedSource();
    let directives = false;
    for (const l of lines) {
      const from = Math.min(l.start + indent, l.end);
      directives = interpolate(text, from, l.end, body) || directives;
      body.replace('\n', l.end, l.end + 1);
    }
    const firstLine = body.text.split('\n').find((l) => l.trim() !== '') ?? '';
    out.push({ attribute: m[1] as string, body, cloudConfig: firstLine.trim().startsWith('#cloud-config'), directives, start: (m.index ?? 0) + (m[0].indexOf('<<')) });
  }
  return out;
}

function interpolate(text: string, start: number, end: number, body: MappedSource): boolean {
  let directives = false;
  let run = start;
  let i = start;
  while (i < end) {
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      body.copy(text, run, i);
      body.replace(`${c}{`, i, i + 3);
      i += 3;
      run = i;
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      body.copy(text, run, i);
      let depth = 0;
      let j = i + 1;
      for (; j < end; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      const close = Math.min(j + 1, end);
      if (c === '$') body.replace(UNKNOWN_MARK, i, close);
      else directives = true;
      i = close;
      run = i;
      continue;
    }
    i++;
  }
  body.copy(text, run, end);
  return directives;
}

/**
 * User data whose first line is `#cloud-config` is cloud-config to cloud-init
 * (cloud-init "User data formats"): read with the cloud-init reader, on the
 * image the instance boots. A YAML error there is the instance's to report
 * only when the text is what it receives; with `${...}` or `%{ }` parts
 * unknown, the rendered text may well be valid YAML, so it is a note.
 */
function cloudConfigHeredoc(path: string, heredoc: TerraformHeredoc, hostPosition: (offset: number) => Position, out: Extraction): void {
  const result = extractCloudConfig(path, heredoc.body.text, heredoc.body.position(hostPosition));
  const rendered = heredoc.directives || heredoc.body.text.includes(UNKNOWN_MARK);
  const fatal = result.diagnostics.filter((d) => d.fatal);
  if (rendered && fatal.length > 0) {
    const first = fatal[0] as (typeof fatal)[number];
    out.notes.push(shellNote(path, { line: first.line, column: first.column }, `${heredoc.attribute} is cloud-config that relaygate cannot read with its Terraform interpolations unknown (${first.message}); its edits are not judged`));
    return;
  }
  // Lines between `%{ if }` / `%{ for }` directives may be absent or repeated.
  out.edits.push(...(heredoc.directives ? result.edits.map((e) => ({ ...e, maybe: true })) : result.edits));
  out.diagnostics.push(...result.diagnostics);
  out.notes.push(...result.notes);
}

export const terraformHost: HostFormat = {
  form: 'terraform',
  // Shell heredocs, and the notes on cloud-init and templated heredocs.
  needs: [...SHELL_EDIT_NEEDS, ['#cloud-config'], ['%{']],
  matches(path: string): boolean {
    return /\.tf$/.test(path);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    void repo;
    const out = emptyExtraction();
    const index = new LineIndex(file.text);
    const hostPosition = (o: number): Position => index.position(o);
    for (const heredoc of terraformHeredocs(file.text)) {
      if (heredoc.directives) {
        out.notes.push(shellNote(file.path, hostPosition(heredoc.start), `${heredoc.attribute} holds %{ } template directives; its edits are read as maybe`));
      }
      if (heredoc.cloudConfig) {
        cloudConfigHeredoc(file.path, heredoc, hostPosition, out);
        continue;
      }
      // Lines between `%{ if }` / `%{ for }` directives may be absent or repeated: every edit of such a heredoc is maybe.
      const result = extractShellText(heredoc.body.text, heredoc.body.position(hostPosition), { file: file.path, scope: file.path, form: 'terraform', maybe: heredoc.directives });
      out.edits.push(...result.edits);
      out.diagnostics.push(...result.diagnostics);
      out.notes.push(...result.notes);
    }
    // The image the instance boots (an AMI name filter, a cloud image name) is the base its user data runs on.
    if (out.edits.length > 0) {
      for (const image of imagesNamed(file.text, hostPosition, file.path)) {
        out.edits.push({ kind: 'base', distribution: image.distribution.family, evidence: `instance ${image.evidence}`, key: { scope: file.path, directory: '/etc/postfix' }, span: image.span, form: 'terraform', maybe: false });
      }
    }
    return out;
  },
};
