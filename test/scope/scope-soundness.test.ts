/**
 * The pull-request scope never hides what a change brings. For a pool of
 * small repositories and every change of one path (a file deleted, emptied,
 * renamed, or a file created where a configuration looked for one and found
 * nothing), every finding the full scan gives after the change and did not
 * give before must be among the findings of the scan scoped to that change.
 * A finding outside the scope that the change created would be an open relay
 * behind a green check. The scoped scan is given the configurations of the
 * scan before the change, as the action gives it the base commit's: a
 * provisioning file that stops taking in a script leaves that script judged
 * on its own, with inputs the change did not touch.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadOptions } from '../../src/config/load.js';
import type { Finding } from '../../src/model/finding.js';
import { scan, type ScanResult } from '../../src/scan.js';
import { plant } from '../../bench/planted.js';
import { LOOPBACK_IMAGE } from '../helpers/regrouped-image.js';
import { temporaryTrees } from '../helpers/temp-tree.js';

const tree = temporaryTrees('scope-soundness');
const EXAMPLES = path.join(import.meta.dirname, '../../examples');

/** Written repositories, by name (the example folders are added to them). */
const WRITTEN: Record<string, Record<string, string>> = {
  role: {
    'site.yml': '- hosts: mail\n  roles:\n    - mail\n',
    'roles/mail/tasks/main.yml': '- name: main.cf\n  ansible.builtin.template:\n    src: main.cf.j2\n    dest: /etc/postfix/main.cf\n',
    'roles/mail/templates/main.cf.j2': 'inet_interfaces = all\n{% if mail_open %}\nsmtpd_client_restrictions = {{ mail_restrictions }}\n{% endif %}\n',
    'roles/mail/defaults/main.yml': 'mail_open: false\nmail_restrictions: permit_mynetworks, permit\n',
    'roles/mail/vars/main.yml': 'mail_restrictions: permit_mynetworks, reject\n',
  },
  image: {
    'image/Dockerfile': 'FROM debian:12\nRUN apt-get install -y postfix\nCOPY main.cf /etc/postfix/main.cf\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
    'image/main.cf': 'inet_interfaces = loopback-only\nsmtpd_client_restrictions = permit_mynetworks, reject\n',
    'image/entrypoint.sh': '#!/bin/sh\n. /lib.sh\nexec postfix start-fg\n',
    'image/lib.sh': '#!/bin/sh\npostconf -e inet_interfaces=all\n',
  },
  'image script': LOOPBACK_IMAGE,
  pair: {
    'mail/postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\nmua_client_restrictions = permit_sasl_authenticated, reject\n',
    'mail/postfix/master.cf': 'smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_client_restrictions=$mua_client_restrictions\n',
  },
  'source tree': {
    'vendored/postfix-install': '#!/bin/sh\n',
    'vendored/conf/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n',
    'vendored/src/postconf/test1-main.cf': 'inet_interfaces = all\n',
    'deploy/main.cf': 'inet_interfaces = loopback-only\n',
  },
  scripts: {
    'bin/setup.sh': '#!/bin/sh\n. ./bin/settings.sh\npostconf -e "mynetworks=$NETWORKS" inet_interfaces=all\n',
    'bin/settings.sh': 'NETWORKS=127.0.0.0/8\n',
  },
};

/** Repositories: written trees, and each example folder copied under its own name. */
function pool(): { name: string; root: string }[] {
  const written = Object.entries(WRITTEN).map(([name, files]) => ({ name, root: tree(files) }));
  const examples = readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const root = tree({});
      cpSync(path.join(EXAMPLES, e.name), path.join(root, e.name), { recursive: true });
      return { name: `examples/${e.name}`, root };
    });
  // Every kind the benchmark plants (plain files, each template language, each host format), in its safe variant: a change may open it.
  const planted = plant(1)
    .filter((p) => !p.open)
    .map((p) => ({ name: `planted: ${p.kind}`, root: tree(p.files) }));
  return [...written, ...examples, ...planted];
}

function filesOf(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir === '' ? e.name : `${dir}/${e.name}`;
    return e.isDirectory() ? filesOf(root, rel) : [rel];
  });
}

interface Change {
  name: string;
  /** Applies the change to a copy of the tree; returns the changed paths as GitHub lists them. */
  apply(root: string): string[];
}

/** Every change of one path: delete, empty and rename each file; create each file input that was looked for and not found, from a file of the same extension. */
function changes(root: string, before: ScanResult): Change[] {
  const files = filesOf(root);
  const out: Change[] = [];
  for (const file of files) {
    out.push({ name: `delete ${file}`, apply: (r) => (rmSync(path.join(r, file)), [file]) });
    out.push({ name: `empty ${file}`, apply: (r) => (writeFileSync(path.join(r, file), ''), [file]) });
    out.push({ name: `rename ${file} to ${file}.old`, apply: (r) => (renameSync(path.join(r, file), path.join(r, `${file}.old`)), [`${file}.old`, file]) });
    out.push({
      name: `weaken ${file}`,
      apply: (r) => {
        const full = path.join(r, file);
        const text = readFileSync(full, 'utf8');
        const weak = weaken(text);
        if (weak === text) return [];
        writeFileSync(full, weak);
        return [file];
      },
    });
  }
  // The settings file is an input of every configuration, and no variables file is one.
  const missing = new Set(before.configurations.flatMap((c) => c.inputs).filter((i) => !i.endsWith('/') && i !== '.relaygate.yml' && !existsSync(path.join(root, i))));
  for (const input of missing) {
    const donor = files.find((f) => path.extname(f) === path.extname(input) && f !== input);
    if (donor === undefined) continue;
    out.push({
      name: `create ${input} from ${donor}`,
      apply: (r) => {
        const full = path.join(r, input);
        if (existsSync(full) && statSync(full).isDirectory()) return [];
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, readFileSync(path.join(r, donor)));
        return [input];
      },
    });
  }
  // A mail file appearing in a folder a configuration listed or tested (a master.cf beside a main.cf pairs with it).
  const folders = new Set(before.configurations.flatMap((c) => c.inputs).filter((i) => i.endsWith('/') && i !== './'));
  for (const folder of folders) {
    for (const [name, text] of Object.entries(APPEARING)) {
      const file = `${folder}${name}`;
      if (existsSync(path.join(root, file))) continue;
      out.push({ name: `create ${file}`, apply: (r) => (mkdirSync(path.join(r, folder), { recursive: true }), writeFileSync(path.join(r, file), text), [file]) });
    }
  }
  return out;
}

/** Mail files that open a relay when they appear beside others. */
const APPEARING: Readonly<Record<string, string>> = {
  'main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\nmynetworks = 0.0.0.0/0\n',
  'master.cf': 'smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_relay_restrictions=permit\n',
};

/** The edits that open a relay, wherever a value of that shape sits (a variables file, a template, a script, a main.cf). */
function weaken(text: string): string {
  return text
    .replace(/\breject\b/g, 'permit')
    .replace(/loopback-only/g, 'all')
    .replace(/127\.0\.0\.(?:0\/8|1)/g, '0.0.0.0/0')
    .replace(/: false\b/g, ': true')
    .replace(/\blocalhost\b/g, '*');
}

/** A scan of `root`; scoped to `changed` with the inputs of the scan `before` the change. */
async function run(root: string, changed: string[] | null, before?: ScanResult): Promise<ScanResult> {
  const { options } = await loadOptions({ root, paths: ['.'], config: null, overrides: {}, changed, cwd: root });
  return scan({ ...options, base: before?.configurations ?? null });
}

const key = (f: Finding): string => JSON.stringify([f.ruleId, f.file, f.line, f.column, f.certainty, f.message]);

describe('the pull-request scope keeps every finding a change of one path brings', () => {
  let changesMade = 0;
  let brought = 0;
  for (const repo of pool()) {
    it(repo.name, async () => {
      const before = await run(repo.root, null);
      const known = new Set(before.findings.map(key));
      const misses: string[] = [];
      const all = changes(repo.root, before);
      for (const change of all) {
        const root = tree({});
        cpSync(repo.root, root, { recursive: true });
        const changed = change.apply(root);
        if (changed.length === 0) continue;
        changesMade++;
        const after = await run(root, null);
        const scoped = new Set((await run(root, changed, before)).findings.map(key));
        for (const f of after.findings) {
          if (known.has(key(f))) continue;
          brought++;
          if (!scoped.has(key(f))) misses.push(`${change.name}: ${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.certainty}`);
        }
      }
      assert.deepEqual(misses, []);
    });
  }
  // Guards against a pool that tests nothing: many changes were made, and many of them brought findings.
  it('the pool changes paths and brings findings', () => {
    assert.ok(changesMade >= 120, `${changesMade} changes`);
    assert.ok(brought >= 40, `${brought} findings brought by a change`);
    console.log(`# ${changesMade} changes, ${brought} findings brought`);
  });
});
