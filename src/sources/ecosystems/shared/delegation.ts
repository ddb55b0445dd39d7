/**
 * Mail configuration delegated to something the repository does not hold:
 * a dependency cookbook or role (`depends 'postfix-full'`, `dependencies: [geerlingguy.postfix]`),
 * or a base image that is itself a mail server (`FROM boky/postfix`). Its
 * files are not here, so relaygate cannot judge them: a note says so, rather
 * than silence.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { LineIndex, type SourceFile } from '../../../model/source.js';
import { emptyExtraction, type Extraction } from '../../contracts/edits.js';
import type { HostFormat } from '../../contracts/host-format.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import { parseYaml } from '../../languages/yaml/yaml-file.js';

/** A name that says it configures a mail server. Linear: one alternation of literals. */
const MAIL_NAME = /postfix|sendmail|exim|opensmtpd|mailserver|smtp|(?:^|[./_-])mta(?:$|[./_-])/i;

export function namesMailServer(name: string): boolean {
  return MAIL_NAME.test(name);
}

export function delegationNote(file: string, line: number, what: string): string {
  return `${file}:${line}: the mail configuration is delegated to ${what}, which is not in the repository; relaygate does not judge it`;
}

/** Chef `metadata.rb`: `depends 'name'` and the cookbook's own `name 'x'` (Chef's metadata DSL). */
const CHEF_DEPENDS = /^[ \t]*depends[ \t(]+['"]([^'"\n]{1,100})['"]/gm;
const CHEF_NAME = /^[ \t]*name[ \t(]+['"]([^'"\n]{1,100})['"]/gm;

/** Whether the repository holds a cookbook or role of that name beside the one that depends on it. */
function present(name: string, folders: readonly string[], repo: RepositoryReader): boolean {
  const short = name.slice(name.lastIndexOf('.') + 1);
  if (folders.some((f) => repo.isDirectory(f === '' ? name : `${f}/${name}`) || repo.isDirectory(f === '' ? short : `${f}/${short}`))) return true;
  // The repository is that cookbook itself (its test cookbooks depend on it).
  const root = repo.read('metadata.rb');
  if (root === undefined) return false;
  for (const m of root.matchAll(CHEF_NAME)) if (m[1] === name) return true;
  return false;
}

function parentOf(path: string, levels: number): string {
  const parts = path.split('/');
  return parts.slice(0, Math.max(0, parts.length - levels)).join('/');
}

/**
 * Role names of an Ansible `meta/main.yml` `dependencies:` list or a
 * `requirements.yml` (a list, or its `roles:` list): strings, or maps with
 * `role`, `name` or `src`, each with the node it was read from.
 */
function ansibleRoles(list: unknown): { name: string; node: { range?: [number, number, number] | null } }[] {
  if (!isSeq(list)) return [];
  const out: { name: string; node: { range?: [number, number, number] | null } }[] = [];
  for (const item of list.items) {
    const value = isScalar(item) ? item : isMap(item) ? (item.get('role', true) ?? item.get('name', true) ?? item.get('src', true)) : null;
    if (isScalar(value) && typeof value.value === 'string') out.push({ name: value.value, node: value });
  }
  return out;
}

/**
 * The cookbooks a Chef `metadata.rb` depends on that name a mail server and
 * are not in the repository, each with the offset of its `depends` line.
 */
export function missingChefDependencies(file: SourceFile, repo: RepositoryReader): { name: string; offset: number }[] {
  const out: { name: string; offset: number }[] = [];
  for (const m of file.text.matchAll(CHEF_DEPENDS)) {
    const name = m[1] as string;
    if (namesMailServer(name) && !present(name, [parentOf(file.path, 2)], repo)) out.push({ name, offset: m.index ?? 0 });
  }
  return out;
}

export const delegation: HostFormat = {
  form: 'shell',
  matches(path: string): boolean {
    return /(?:^|\/)metadata\.rb$/.test(path) || /(?:^|\/)meta\/main\.ya?ml$/.test(path) || /(?:^|\/)requirements\.ya?ml$/.test(path);
  },
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    const out = emptyExtraction();
    const index = new LineIndex(file.text);
    const note = (offset: number, what: string): void => {
      out.notes.push(delegationNote(file.path, index.position(offset).line, what));
    };
    if (file.path.endsWith('metadata.rb')) {
      for (const { name, offset } of missingChefDependencies(file, repo)) note(offset, `the cookbook ${name}`);
      return out;
    }
    const meta = /(?:^|\/)meta\/main\.ya?ml$/.test(file.path);
    const folders = meta ? [parentOf(file.path, 3)] : [parentOf(file.path, 1), parentOf(file.path, 1) === '' ? 'roles' : `${parentOf(file.path, 1)}/roles`];
    for (const document of parseYaml(file.path, file.text, (o) => index.position(o), '1.1').documents) {
      const contents = document.contents;
      const list = meta ? (isMap(contents) ? contents.get('dependencies', true) : null) : isMap(contents) ? contents.get('roles', true) : contents;
      for (const role of ansibleRoles(list)) {
        if (namesMailServer(role.name) && !present(role.name, folders, repo)) note(role.node.range?.[0] ?? 0, `the role ${role.name}`);
      }
    }
    return out;
  },
};
