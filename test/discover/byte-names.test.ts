/**
 * File names that are not UTF-8 (Linux names are bytes): listed by git and
 * by the directory walk as bytes, opened by their bytes, judged, and shown
 * escaped in every report.
 */
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/run.js';
import { defaultOptions } from '../../src/config/options.js';
import { showPathBytes } from '../../src/discover/listed-path.js';
import { scan } from '../../src/scan.js';
import { requireProgram } from '../helpers/oracle.js';
import { git, tree } from './tree.js';
import { findingRows } from '../helpers/finding-rows.js';

/** Open to the STIG rule only: a Postfix 3 that starts, whose relay list is the level's default. */
const OPEN = 'inet_interfaces = all\nsmtpd_client_restrictions = permit\ncompatibility_level = 3.6\n';
const MASTER = 'smtp      inet  n       -       y       -       -       smtpd\n';
/** `café` in Latin-1: the byte 0xE9 starts no valid UTF-8 sequence. */
const CAFE = Buffer.from([0x63, 0x61, 0x66, 0xe9]);

/** Writes `files` under root; each path is a list of byte strings joined with `/`. */
function writeBytes(root: string, files: [Buffer[], string][]): void {
  for (const [segments, text] of files) {
    const dir = Buffer.concat([Buffer.from(`${root}/`), ...segments.slice(0, -1).flatMap((p) => [p, Buffer.from('/')])]);
    mkdirSync(dir, { recursive: true });
    writeFileSync(Buffer.concat([dir, segments[segments.length - 1] as Buffer]), text);
  }
}

describe('file names that are not UTF-8', () => {
  for (const mode of ['git', 'walk'] as const) {
    it(`a main.cf in a Latin-1 folder is read and judged (${mode}), under its escaped name`, async (t) => {
      if (mode === 'git' && !requireProgram(t, 'git')) return;
      const root = tree({ 'other/README.md': '# x\n' });
      writeBytes(root, [
        [[CAFE, Buffer.from('main.cf')], OPEN],
        [[CAFE, Buffer.from('master.cf')], MASTER],
      ]);
      if (mode === 'git') {
        git(root, 'init', '-q');
        git(root, 'add', '.');
      }
      const result = await scan(defaultOptions(root));
      assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', 'caf\\xe9/main.cf', 2, 29, 'definite']]);
      assert.deepEqual(result.configurations, [
        {
          mta: 'postfix',
          files: ['caf\\xe9/main.cf', 'caf\\xe9/master.cf'],
          inputs: ['.relaygate.yml', 'caf\\xe9/', 'caf\\xe9/main.cf', 'caf\\xe9/master.cf'],
          form: 'plain',
        },
      ]);
      assert.deepEqual(result.notes, []);
    });
  }

  it('annotations and SARIF name the escaped path', async () => {
    const root = tree({});
    writeBytes(root, [[[CAFE, Buffer.from('main.cf')], OPEN]]);
    const run = async (format: string) => {
      let stdout = '';
      const status = await runCli(['--format', format, '.'], { cwd: root, env: {}, stdout: (s) => void (stdout += s), stderr: () => undefined });
      return { status, stdout };
    };
    const github = await run('github');
    assert.equal(github.status, 1);
    assert.match(github.stdout, /^::error file=caf\\xe9\/main\.cf,line=2,col=29,endLine=2,endColumn=35,title=relaygate stig-postfix-relay::/m);
    const sarif = JSON.parse((await run('sarif')).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.deepEqual(
      sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri),
      ['caf%5Cxe9/main.cf'],
    );
  });

  it('a provisioning file with such a name is read too', async () => {
    const root = tree({});
    writeBytes(root, [[[Buffer.from('scripts'), Buffer.concat([Buffer.from('setup-'), Buffer.from([0xff]), Buffer.from('.sh')])], '#!/bin/sh\npostconf -e inet_interfaces=all\npostconf -e smtpd_client_restrictions=permit\n']]);
    const result = await scan(defaultOptions(root));
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.file, f.line]),
      // Over a base nothing names, the relay lists the script leaves alone are unknown: indeterminate on the exposing edit.
      [
        ['postfix-open-relay', 'scripts/setup-\\xff.sh', 2],
        ['stig-postfix-relay', 'scripts/setup-\\xff.sh', 3],
      ],
    );
  });

  it('an escaped name that equals another file\'s name fails closed instead of borrowing it', async () => {
    // `caf\xe9` written with a backslash is a valid UTF-8 name, shown as is.
    const root = tree({ 'caf\\xe9/main.cf': 'inet_interfaces = loopback-only\n' });
    writeBytes(root, [[[CAFE, Buffer.from('main.cf')], OPEN]]);
    const result = await scan(defaultOptions(root));
    assert.deepEqual(findingRows(result.findings), [['config-unreadable', 'caf\\xe9/main.cf', 1, 1, 'definite']]);
    assert.match(result.findings[0]?.message ?? '', /its name is not UTF-8 and, shown escaped as caf\\xe9\/main\.cf, is the same as another file's name; rename one of them/);
  });

  it('a symbolic link out of the root with such a name is noted under its escaped name and target', async () => {
    const root = tree({});
    mkdirSync(path.join(root, 'postfix'));
    symlinkSync(Buffer.concat([Buffer.from('/nonexistent/'), Buffer.from([0xfe])]), Buffer.concat([Buffer.from(`${root}/postfix/`), CAFE, Buffer.from('.cf')]));
    const result = await scan(defaultOptions(root));
    assert.deepEqual(result.notes, ['postfix/caf\\xe9.cf is a symbolic link to /nonexistent/\\xfe, outside the scan root; not followed']);
  });
});

describe('showPathBytes', () => {
  it('shows UTF-8 as is, and escapes each invalid byte, and backslashes only in escaped names', () => {
    assert.deepEqual(showPathBytes(Buffer.from('roles/mail/main.cf')), { shown: 'roles/mail/main.cf', text: true });
    assert.deepEqual(showPathBytes(Buffer.from('a\\b/café')), { shown: 'a\\b/café', text: true });
    assert.deepEqual(showPathBytes(Buffer.concat([Buffer.from('a\\b/'), CAFE])), { shown: 'a\\\\b/caf\\xe9', text: false });
    // A cut multi-byte sequence, an overlong form, a lone continuation byte.
    assert.deepEqual(showPathBytes(Buffer.from([0x78, 0xe2, 0x82, 0x2f, 0xc0, 0xaf, 0x80])), { shown: 'x\\xe2\\x82/\\xc0\\xaf\\x80', text: false });
  });
});
