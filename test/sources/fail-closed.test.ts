/**
 * Fail closed, one file at a time: a reader of relaygate's that throws on a
 * file (an extractor, a renderer, a variables loader, a rule) makes that file
 * config-unreadable, with the exception's message and no stack, and the
 * scan goes on with every other file.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import type { RuleResult } from '../../src/model/finding.js';
import { RULES } from '../../src/rules/index.js';
import { scan } from '../../src/scan.js';
import type { HostFormat } from '../../src/sources/contracts/host-format.js';
import { registerHostFormat } from '../../src/sources/host-formats.js';
import { assembleInstances } from '../../src/sources/replay/instances.js';
import { jinja2 } from '../../src/sources/template-languages.js';
import { extraction, link, set } from './replay/instances-helpers.js';
import { temporaryTrees } from '../helpers/temp-tree.js';
import { withoutRelayRules } from '../helpers/relay-rules-off.js';
import { findingRows } from '../helpers/finding-rows.js';

const tree = temporaryTrees('fail-closed');
const OPEN = { 'other/postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n' };
const OTHER_FINDING = ['stig-postfix-relay', 'other/postfix/main.cf', 2, 29, 'definite'];

const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

/** Replaces `object[key]` for one test (a reader or rule with a bug); the original comes back after it. */
function patch<T extends object, K extends keyof T>(object: T, key: K, value: T[K]): void {
  const saved = Object.getOwnPropertyDescriptor(object, key);
  Object.defineProperty(object, key, { value, configurable: true, writable: true, enumerable: true });
  restore.push(() => {
    if (saved === undefined) Reflect.deleteProperty(object, key);
    else Object.defineProperty(object, key, saved);
  });
}

/** A host format that claims `*.fakehost.txt` files and runs `extract`. */
function fakeFormat(extract: HostFormat['extract'], matches: HostFormat['matches'] = (p) => p.endsWith('.fakehost.txt')): void {
  restore.push(registerHostFormat({ form: 'shell', matches, extract }));
}

describe('fail closed per file', () => {
  it('an extractor that throws: config-unreadable for its file with the message, the other files still judged', async () => {
    fakeFormat(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'text')\n    at extract (fake.ts:1:1)");
    });
    const root = tree({ ...OPEN, 'setup.fakehost.txt': 'postconf -e inet_interfaces=all\n' });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [OTHER_FINDING, ['config-unreadable', 'setup.fakehost.txt', 1, 1, 'definite']]);
    assert.equal(
      result.findings[1]?.message,
      "setup.fakehost.txt cannot be judged: the shell reader failed on it (Cannot read properties of undefined (reading 'text')).",
    );
    assert.deepEqual(result.notes, []);
  });

  it("the finding's inputs are the file and what the extractor looked up before it threw", async () => {
    fakeFormat((_file, repo) => {
      repo.read('mail/vars.yml');
      throw new Error('boom');
    });
    const root = tree({ 'setup.fakehost.txt': 'postconf -e inet_interfaces=all\n' });
    const kept = await scan(withoutRelayRules({ ...defaultOptions(root), changed: ['mail/vars.yml'] }));
    assert.deepEqual(findingRows(kept.findings), [['config-unreadable', 'setup.fakehost.txt', 1, 1, 'definite']]);
    const hidden = await scan(withoutRelayRules({ ...defaultOptions(root), changed: ['README.md'] }));
    assert.deepEqual(findingRows(hidden.findings), []);
    assert.equal(hidden.scope?.findingsHidden, 1);
  });

  it('a thrown value that is not an Error, or has no message, still names the reader', async () => {
    fakeFormat(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a reader's bug may throw anything
      throw { toString: () => { throw new Error('unprintable'); } };
    });
    const root = tree({ 'setup.fakehost.txt': 'postconf -e inet_interfaces=all\n' });
    const [f] = (await scan(withoutRelayRules(defaultOptions(root)))).findings;
    assert.equal(f?.message, 'setup.fakehost.txt cannot be judged: the shell reader failed on it (an exception without a message).');
  });

  it('a matcher that claimed the file when it was listed but throws when it is read: config-unreadable', async () => {
    let calls = 0;
    fakeFormat(
      () => ({ edits: [], diagnostics: [], notes: [] }),
      (p) => {
        if (!p.endsWith('.fakehost.txt')) return false;
        if (calls++ > 0) throw new Error('matcher state');
        return true;
      },
    );
    const root = tree({ 'setup.fakehost.txt': 'postconf -e inet_interfaces=all\n' });
    const [f] = (await scan(withoutRelayRules(defaultOptions(root)))).findings;
    assert.deepEqual([f?.ruleId, f?.file, f?.message], ['config-unreadable', 'setup.fakehost.txt', 'setup.fakehost.txt cannot be judged: the shell reader failed on it (matcher state).']);
  });

  it('a template renderer that throws: config-unreadable for the template, the other files still judged', async () => {
    patch(jinja2, 'render', () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const root = tree({ ...OPEN, 'roles/mail/templates/main.cf.j2': 'inet_interfaces = {{ x }}\n', 'roles/mail/defaults/main.yml': 'x: all\n' });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [OTHER_FINDING, ['config-unreadable', 'roles/mail/templates/main.cf.j2', 1, 1, 'definite']]);
    assert.equal(
      result.findings[1]?.message,
      'roles/mail/templates/main.cf.j2 cannot be judged: the jinja2 renderer failed on it (Maximum call stack size exceeded).',
    );
  });

  it("a variables loader that throws: config-unreadable for the template that asked", async () => {
    patch(jinja2, 'variables', () => {
      throw new Error('loader bug');
    });
    const root = tree({ 'roles/mail/templates/main.cf.j2': 'inet_interfaces = {{ x }}\n' });
    assert.deepEqual(findingRows((await scan(withoutRelayRules(defaultOptions(root)))).findings), [['config-unreadable', 'roles/mail/templates/main.cf.j2', 1, 1, 'definite']]);
  });

  it('a rule that throws on one configuration: config-unreadable on its first file, the other rules and configurations still judged', async () => {
    const sendmail = RULES.find((r) => r.meta.id === 'stig-sendmail-relay');
    assert.ok(sendmail);
    const check = sendmail.check.bind(sendmail);
    patch(sendmail, 'check', (config, context) => {
      if (config.files.includes('mail/sendmail.mc')) throw new Error('rule bug');
      return check(config, context);
    });
    const root = tree({ ...OPEN, 'mail/sendmail.mc': "FEATURE(`promiscuous_relay')dnl\n" });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['config-unreadable', 'mail/sendmail.mc', 1, 1, 'definite'], OTHER_FINDING]);
    assert.equal(result.findings[0]?.message, 'mail/sendmail.mc cannot be judged: rule stig-sendmail-relay failed on it (rule bug).');
  });
});

describe('a provisioning file the tool itself would refuse', () => {
  it('a Packer JSON template that is not JSON: config-unreadable where JSON.parse stopped, not a note', async () => {
    const root = tree({
      ...OPEN,
      'image.json': [
        '{',
        '  "builders": [{ "type": "docker", "image": "debian:12" }],',
        '  "provisioners": [{ "type": "shell", "inline": ["postconf -e inet_interfaces=all" }]',
        '}',
        '',
      ].join('\n'),
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [['config-unreadable', 'image.json', 3, 84, 'definite'], OTHER_FINDING]);
    assert.match(result.findings[0]?.message ?? '', /^image\.json cannot be judged: the Packer template is not valid JSON \(/);
    assert.deepEqual(result.notes, []);
  });
});

describe('a linked file that cannot be rendered', () => {
  const ROLE_TASKS = '- template:\n    src: main.cf.j2\n    dest: /etc/postfix/main.cf\n';

  it('a malformed template only an edit links (discovery excluded it): config-unreadable, not a note', async () => {
    const root = tree({ 'roles/mail/tasks/main.yml': ROLE_TASKS, 'roles/mail/templates/main.cf.j2': 'inet_interfaces = {{ x\n' });
    const result = await scan(withoutRelayRules({ ...defaultOptions(root), exclude: ['roles/mail/templates/**'] }));
    // The role's server runs a main.cf relaygate cannot read: what it would listen on is unknown too.
    assert.deepEqual(findingRows(result.findings), [
      ['stig-postfix-relay', 'roles/mail/tasks/main.yml', 1, 1, 'indeterminate'],
      ['config-unreadable', 'roles/mail/templates/main.cf.j2', 1, 19, 'definite'],
    ]);
  });

  it('a linked template whose renderer throws: config-unreadable once, with the message', async () => {
    patch(jinja2, 'render', () => {
      throw new Error('renderer bug');
    });
    const root = tree({ 'roles/mail/tasks/main.yml': ROLE_TASKS, 'roles/mail/templates/main.cf.j2': 'inet_interfaces = {{ x }}\n' });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings), [
      ['stig-postfix-relay', 'roles/mail/tasks/main.yml', 1, 1, 'indeterminate'],
      ['config-unreadable', 'roles/mail/templates/main.cf.j2', 1, 1, 'definite'],
    ]);
    assert.equal(result.findings[1]?.message, 'roles/mail/templates/main.cf.j2 cannot be judged: the jinja2 renderer failed on it (renderer bug).');
  });

  it('a plain-named template the render step could not render, copied by an image: config-unreadable once, its tags never read as main.cf lines', async () => {
    patch(jinja2, 'render', () => {
      throw new Error('renderer bug');
    });
    const root = tree({
      Dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache postfix\nCOPY conf/ /etc/postfix/\n',
      'conf/main.cf': 'myhostname = {{ host }}\n{% if relay %}\nrelayhost = {{ relay }}\n{% endif %}\n',
    });
    const result = await scan(withoutRelayRules(defaultOptions(root)));
    assert.deepEqual(findingRows(result.findings.filter((f) => f.ruleId === 'config-unreadable')), [['config-unreadable', 'conf/main.cf', 1, 1, 'definite']]);
    assert.equal(result.findings[0]?.message, 'conf/main.cf cannot be judged: the jinja2 renderer failed on it (renderer bug).');
  });

  it('a replay that throws: config-unreadable at its first edit, the other instances still built', () => {
    const results: RuleResult[] = [];
    const other = { ...set(1, 'inet_interfaces=all'), key: { scope: 'other/Dockerfile', directory: '/etc/postfix' }, span: { file: 'other/Dockerfile', line: 1, column: 1, endLine: 1, endColumn: 2 } };
    const configs = assembleInstances([extraction(link(2, 'main.cf', 'files/main.cf'), other)], new Map(), {
      resolve: () => {
        throw new Error('resolver bug');
      },
      results,
    });
    assert.deepEqual(configs.map((c) => c.files), [['other/Dockerfile']]);
    assert.deepEqual(results.map((r) => [r.ruleId, r.span.file, r.span.line, r.message, r.inputs]), [
      ['config-unreadable', 'Dockerfile', 1, 'Dockerfile cannot be judged: replaying its postfix edits failed on it (resolver bug).', ['Dockerfile', 'files/main.cf']],
    ]);
  });
});
