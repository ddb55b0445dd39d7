/**
 * Files named `postfix-main.cf` and `postfix-master.cf`: overrides merged
 * into a main.cf and master.cf that are not in the file, never a file
 * Postfix reads by that name. docker-mailserver's start-up (the image's
 * target/scripts/startup/setup.d/postfix.sh) reads them from the folder
 * mounted at /tmp/docker-mailserver:
 * - `postfix-master.cf`: every line that is not blank or a comment (grep
 *   -v '^\s*$|^\s*#'), read with `read -r` (outer blanks stripped) and
 *   starting with a digit or a lower-case letter, is run as
 *   `postconf -P "LINE"`: a `-o` override on the matching master.cf
 *   services;
 * - `postfix-main.cf`: appended to the image's main.cf (`cat >>`), which
 *   `postconf -n` then rewrites: the last definition of each name wins.
 * With evidence of docker-mailserver (a compose file beside or above that
 * runs its image, the file's own maps under /tmp/docker-mailserver, or
 * another of its configuration files beside it), the base is the image's
 * own main.cf (src/sources/replay/base.ts: what every release sets is
 * known, the rest unknown). Without it, the file is appended to a main.cf
 * relaygate does not know, as another project's script does (`cat
 * postfix-main.cf >> /etc/postfix/main.cf`): the generic unknown base.
 *
 * A file by either name that provisioning code deploys as main.cf or
 * master.cf (a Dockerfile's `COPY postfix-main.cf /etc/postfix/main.cf`) is
 * that whole file instead: the sources stage drops this reading of it.
 */
import path from 'node:path/posix';
import { LineIndex, type SourceFile } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import type { Extraction, InstanceKey } from '../../contracts/edits.js';
import type { HostFormat } from '../../contracts/host-format.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { fragmentOf } from '../../languages/pieces.js';
import { servicePattern } from '../../languages/shell/postconf.js';
import { quoted } from '../../languages/shell/notes.js';

const MAIN = 'postfix-main.cf';
const MASTER = 'postfix-master.cf';

export const dockerMailserverOverrides: HostFormat = {
  form: 'plain',
  byName: true,
  matches(file: string): boolean {
    const base = path.basename(file);
    return base === MAIN || base === MASTER;
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    // One instance per mounted folder: both files of a folder edit the same server.
    const key: InstanceKey = { scope: path.dirname(file.path), directory: '/etc/postfix' };
    const index = new LineIndex(file.text);
    const whole = (line: number): Span => ({ file: file.path, line, column: 1, endLine: line, endColumn: index.lineText(line).length + 1 });
    const out: Extraction = { edits: [], diagnostics: [], notes: [] };
    const image = dockerMailserverEvidence(file, index, repo);
    if (image !== null) out.edits.push({ kind: 'base', distribution: 'debian', evidence: image.evidence, image: 'docker-mailserver', key, span: image.span, form: 'plain', maybe: false });
    if (path.basename(file.path) === MAIN) {
      const fragment = fragmentOf(file.path, file.text, 'plain', [{ kind: 'literal', text: file.text, offset: 0, maybe: false }]);
      out.edits.push({ kind: 'append', target: 'main.cf', fragment, key, span: whole(1), form: 'plain', maybe: false });
      return out;
    }
    for (let line = 1; line <= index.lineCount; line++) masterLine(file.path, index, line, key, out);
    return out;
  },
};

const COMPOSE_FILES: readonly string[] = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/** A compose service's `image:` naming docker-mailserver's (ghcr.io/docker-mailserver/docker-mailserver, mailserver/docker-mailserver, tvial/docker-mailserver). */
const IMAGE_LINE = /^[ \t]*image:[ \t]*["']?([^\s"'#]*\/docker-mailserver(?::[^\s"'#]*)?)["']?[ \t]*(?:#.*)?$/m;

/** docker-mailserver's other configuration files (its documentation's names), any of which beside the override says whose it is. */
const SIBLINGS: readonly string[] = ['postfix-accounts.cf', 'postfix-virtual.cf', 'postfix-aliases.cf', 'postfix-regexp.cf', 'postfix-relaymap.cf', 'postfix-sasl-password.cf', 'postfix-send-access.cf', 'postfix-receive-access.cf', 'dovecot.cf', 'user-patches.sh'];

/**
 * Why the override is docker-mailserver's, and where that shows, or null:
 * a compose file in its folder or one above runs the image; else the file
 * names a map under /tmp/docker-mailserver; else a file of its
 * configuration sits beside it. Every path asked is an input.
 */
function dockerMailserverEvidence(file: SourceFile, index: LineIndex, repo: RepositoryReader): { evidence: string; span: Span } | null {
  const firstLine: Span = { file: file.path, line: 1, column: 1, endLine: 1, endColumn: index.lineText(1).length + 1 };
  for (let dir = path.dirname(file.path); ; dir = path.dirname(dir)) {
    for (const name of COMPOSE_FILES) {
      const compose = dir === '.' ? name : `${dir}/${name}`;
      const text = repo.read(compose);
      const m = text === undefined ? null : IMAGE_LINE.exec(text);
      if (m !== null && text !== undefined) {
        // Findings stay on the override: the compose file is named in the words, and is an input.
        const line = new LineIndex(text).position(m.index).line;
        return { evidence: `image ${quoted(m[1] as string, 80)} at ${compose} line ${line}`, span: firstLine };
      }
    }
    if (dir === '.') break;
  }
  const own = file.text.indexOf('/tmp/docker-mailserver/');
  if (own >= 0) {
    const at = index.position(own);
    return { evidence: `a path under /tmp/docker-mailserver on its line ${at.line}`, span: firstLine };
  }
  const folder = path.dirname(file.path);
  const beside = repo.list(folder).find((name) => SIBLINGS.includes(name));
  if (beside !== undefined) return { evidence: `${beside} beside it`, span: firstLine };
  return null;
}

/** One line of postfix-master.cf as the start-up's loop hands it to `postconf -P`. */
function masterLine(file: string, index: LineIndex, line: number, key: InstanceKey, out: Extraction): void {
  const raw = index.lineText(line).replace(/\r$/, '');
  if (/^\s*$/.test(raw) || /^\s*#/.test(raw)) return;
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!/^[0-9a-z]/.test(text)) return;
  const column = lead + 1;
  const span = (from: number, to: number): Span => ({ file, line, column: column + from, endLine: line, endColumn: column + to });
  const fail = (why: string): void => {
    out.notes.push(`${quoted(file, 200)} line ${line}: postconf -P would exit with "${why}" on it; the line changes nothing`);
  };
  // split_nameval(): the name ends at the first blank, then `=` must follow.
  const equals = text.indexOf('=');
  const name = equals < 0 ? text : text.slice(0, equals).trimEnd();
  if (equals < 0 || /\s/.test(name)) return fail("missing '=' after attribute name");
  const parts = servicePattern(name, 3);
  if (parts === null) return fail('-Pe or -PX requires service_name/type/parameter');
  const [service, type, parameter] = parts as [string, string, string];
  if (parameter === '*') return fail('-Pe does not accept wild-card parameter name');
  const after = text.slice(equals + 1);
  const valueAt = equals + 1 + (after.length - after.trimStart().length);
  const value = after.trim();
  if (/\s/.test(value)) return fail('-Pe does not accept whitespace in parameter value');
  out.edits.push({
    kind: 'master-set',
    target: 'master.cf',
    service,
    type,
    parameter,
    value,
    valueSpan: span(valueAt, valueAt + value.length),
    settingSpan: span(0, text.length),
    key,
    span: span(0, text.length),
    form: 'plain',
    maybe: false,
  });
}
