/**
 * Plain and rendered mail files that nothing deploys become configurations.
 * Plain files of one folder are a copy of one configuration directory: the
 * MTA assembler pairs them by directory and name. A template is judged
 * alone: it pairs with another only when both are deployed to the same
 * server (./deployments.ts), so a main.cf template runs with an unknown
 * master.cf (the stock smtp service every packaged master.cf has) and a
 * master.cf template with an unknown main.cf. A templated sendmail .mc
 * still joins the .cf m4 builds from it (one file made from the other).
 * Every span goes back to the template a person edits.
 */
import path from 'node:path/posix';
import { directoryInput, mergeInputs } from '../../model/inputs.js';
import type { SourceFile } from '../../model/source.js';
import type { Configuration } from '../../mta/configuration.js';
import { assembleExim } from '../../mta/exim/index.js';
import { assembleOpenSmtpd } from '../../mta/opensmtpd/index.js';
import { assemblePostfix } from '../../mta/postfix/index.js';
import { assembleSendmail } from '../../mta/sendmail/index.js';
import type { SendmailConfiguration } from '../../mta/sendmail/model.js';
import { MappedText, type TextSegment } from '../../mta/exim/mapped-text.js';
import { remapSpans, type Fragment } from '../contracts/fragment.js';
import type { RenderedTemplate } from '../contracts/template-language.js';

/** The configurations of the files no `link` edit made part of an instance, spans on the templates. */
export function assembleFiles(
  postfixFiles: readonly SourceFile[],
  sendmailFiles: readonly SourceFile[],
  templates: ReadonlyMap<string, RenderedTemplate>,
): Configuration[] {
  const plain = postfixFiles.filter((f) => !templates.has(f.path));
  const alone = postfixFiles.filter((f) => templates.has(f.path)).flatMap((f) => assemblePostfix([f]));
  const assembled: Configuration[] = [...assemblePostfix(plain), ...alone, ...pairTemplatedSendmail(assembleSendmail([...sendmailFiles]), templates)];
  return assembled.map((config) => withInputs(backToTemplates(config, templates), templates));
}

/**
 * The Exim and OpenSMTPD configurations of plain and rendered files; `read`
 * reads a file one of them includes. Their inputs are their files (included
 * ones too), those files' folders, where an include that is missing may
 * appear, and what their renderings looked up; spans are on the templates.
 */
export function assembleOtherMtas(
  exim: readonly SourceFile[],
  opensmtpd: readonly SourceFile[],
  read: (file: string) => string | undefined,
  templates: ReadonlyMap<string, RenderedTemplate> = new Map(),
): Configuration[] {
  const assembled: Configuration[] = [...assembleExim(exim, read), ...assembleOpenSmtpd(opensmtpd, read)];
  return assembled.map((config) => withInputs(backToTemplates(config, templates), templates));
}

/**
 * The inputs of a configuration assembled from the files of a folder: the
 * files, what their renderings looked up, and the folder itself, whose other
 * plain files decide what pairs with what (a master.cf deleted beside a
 * main.cf leaves it with the stock master.cf).
 */
function withInputs(config: Configuration, templates: ReadonlyMap<string, RenderedTemplate>): Configuration {
  const rendered = config.files.map((f) => templates.get(f)?.inputs);
  const folders = config.files.map((f) => directoryInput(path.dirname(f)));
  return { ...config, inputs: mergeInputs(config.files, folders, ...rendered) };
}

/** Spans of rendered templates back on the template lines, and the configuration's form (the template's language). */
function backToTemplates(config: Configuration, templates: ReadonlyMap<string, RenderedTemplate>): Configuration {
  let out = config;
  let form: Configuration['form'] | null = null;
  for (const file of config.files) {
    const rendered = templates.get(file);
    if (rendered === undefined) continue;
    out = remapSpans(out, rendered.fragment, remapMappedText);
    form = rendered.fragment.form;
  }
  return form === null ? out : { ...out, form };
}

/** `roles/x/templates/sendmail.mc.j2` -> `roles/x/templates/sendmail`: the name m4 builds from, suffixes removed. */
function renderedStem(file: string): string {
  const withoutTemplate = file.replace(/\.[^./]+$/, '');
  return withoutTemplate.replace(/\.[^./]+$/, '');
}

/**
 * assembleSendmail pairs `x.mc` with `x.cf` by name; templates carry one more
 * suffix (`sendmail.mc.j2`, `sendmail.cf.j2`), so a templated pair is joined
 * here: the .cf is what m4 builds from the .mc, judged once, from the .mc.
 */
function pairTemplatedSendmail(configs: Configuration[], templates: ReadonlyMap<string, RenderedTemplate>): Configuration[] {
  const sendmail = configs.filter((c): c is SendmailConfiguration => c.mta === 'sendmail');
  const mcByStem = new Map<string, SendmailConfiguration>();
  for (const c of sendmail) if (c.mc !== null && c.cf === null && templates.has(c.mc)) mcByStem.set(renderedStem(c.mc), c);
  const joined = new Map<SendmailConfiguration, string>();
  const dropped = new Set<Configuration>();
  for (const c of sendmail) {
    if (c.mc !== null || c.cf === null || !templates.has(c.cf)) continue;
    const mc = mcByStem.get(renderedStem(c.cf));
    if (mc === undefined || joined.has(mc)) continue;
    joined.set(mc, c.cf);
    dropped.add(c);
  }
  return configs
    .filter((c) => !dropped.has(c))
    .map((c) => {
      const cf = c.mta === 'sendmail' ? joined.get(c) : undefined;
      return cf === undefined || c.mta !== 'sendmail' ? c : { ...c, cf, files: [...c.files, cf].sort() };
    });
}

/**
 * Exim's values are MappedText, every character with the place it was read
 * (src/mta/exim/mapped-text.ts): a character read from the rendered text is
 * put back where the template has it (literal text at its own column, an
 * expression's output at its tag), runs that stay consecutive kept as one segment.
 */
export function remapMappedText(value: object, fragment: Fragment, as?: string): MappedText | undefined {
  if (!(value instanceof MappedText)) return undefined;
  if (!value.segments.some((s) => s.file === fragment.file)) return value;
  const segments: TextSegment[] = [];
  for (const s of value.segments) {
    if (s.file !== fragment.file) {
      segments.push(s);
      continue;
    }
    for (let i = 0; i < s.end - s.start; i++) {
      // A segment of another file (an answer read from a preseed file) keeps that file.
      const located = fragment.map.locateStart(s.line, s.column + i);
      const at = located.position;
      const file = located.file ?? as ?? s.file;
      const last = segments[segments.length - 1];
      if (last !== undefined && last.file === file && last.end === s.start + i && last.line === at.line && last.column + (last.end - last.start) === at.column) last.end++;
      else segments.push({ start: s.start + i, end: s.start + i + 1, file, line: at.line, column: at.column });
    }
  }
  return new MappedText(value.text, segments);
}
