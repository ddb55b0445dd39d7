import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { OptionsError } from '../../src/config/options.js';
import { requireProgram } from '../helpers/oracle.js';
import { git, scan, summary, tree } from './tree.js';

const MAIN = 'inet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\n';
const MASTER = 'smtp      inet  n       -       y       -       -       smtpd\n';
const MC = "divert(-1)\ninclude(`/usr/share/sendmail-cf/m4/cf.m4')\nOSTYPE(`linux')dnl\nFEATURE(`promiscuous_relay')dnl\n";

describe('discover: git work trees', () => {
  it('lists tracked and untracked-not-ignored files, not ignored ones', async (t) => {
    if (!requireProgram(t, 'git')) return;
    const root = tree({
      '.gitignore': 'build/\n',
      'build/main.cf': MAIN,
      'tracked/main.cf': MAIN,
      'untracked/main.cf': MAIN,
      'README.md': '# x\n',
    });
    git(root, 'init', '-q');
    git(root, 'add', '.gitignore', 'tracked/main.cf', 'README.md');
    const d = await scan(root);
    assert.deepEqual(summary(d), { 'tracked/main.cf': 'postfix main.cf', 'untracked/main.cf': 'postfix main.cf' });
    // .gitignore, tracked/main.cf, README.md, untracked/main.cf
    assert.equal(d.filesListed, 4);
    assert.deepEqual(d.notes, []);
    assert.equal(d.candidates[0]?.file?.text, MAIN);
    assert.equal(d.candidates[0]?.file?.path, 'tracked/main.cf');
  });

  it('skips a tracked file deleted from the work tree, silently', async (t) => {
    if (!requireProgram(t, 'git')) return;
    const root = tree({ 'a/main.cf': MAIN, 'b/main.cf': MAIN });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'x');
    rmSync(path.join(root, 'a/main.cf'));
    const d = await scan(root);
    assert.deepEqual(summary(d), { 'b/main.cf': 'postfix main.cf' });
    assert.equal(d.filesListed, 1);
    assert.deepEqual(d.notes, []);
  });

  it('does not follow a tracked symlink to /etc, and notes it', async (t) => {
    if (!requireProgram(t, 'git')) return;
    const root = tree({ 'postfix/main.cf': { link: '/etc/passwd' }, 'mail/sendmail.mc': { link: '/etc/hostname' } });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    const d = await scan(root);
    assert.deepEqual(d.candidates, []);
    assert.deepEqual(d.notes, [
      'mail/sendmail.mc is a symbolic link to /etc/hostname, outside the scan root; not followed',
      'postfix/main.cf is a symbolic link to /etc/passwd, outside the scan root; not followed',
    ]);
  });

  it('reads a symlink that stays inside the root as the file it points to, under its own path', async (t) => {
    if (!requireProgram(t, 'git')) return;
    const root = tree({ 'shared/postfix-main': MAIN, 'host1/main.cf': { link: '../shared/postfix-main' } });
    git(root, 'init', '-q');
    const d = await scan(root);
    assert.deepEqual(summary(d), { 'host1/main.cf': 'postfix main.cf' });
    assert.deepEqual(d.candidates[0]?.file, { path: 'host1/main.cf', text: MAIN });
  });

  it('makes paths relative to a scan root below the repository top, and lists only under it', async (t) => {
    if (!requireProgram(t, 'git')) return;
    const repo = tree({
      '.gitignore': 'infra/mail/ignored/\n',
      'main.cf': MAIN,
      'infra/mail/postfix/main.cf': MAIN,
      'infra/mail/postfix/master.cf': MASTER,
      'infra/mail/ignored/main.cf': MAIN,
      'infra/mail/.gitignore': 'local.mc\n',
      'infra/mail/local.mc': MC,
      'infra/mail/sendmail.mc': MC,
    });
    git(repo, 'init', '-q');
    git(repo, 'add', 'main.cf', 'infra/mail/postfix/main.cf');
    const d = await scan(path.join(repo, 'infra/mail'));
    assert.deepEqual(summary(d), {
      'postfix/main.cf': 'postfix main.cf',
      'postfix/master.cf': 'postfix master.cf',
      'sendmail.mc': 'sendmail sendmail.mc',
    });
    assert.equal(d.filesListed, 4); // .gitignore, postfix/main.cf, postfix/master.cf, sendmail.mc
  });

  it('scans only the sub-paths given, relative to the root, inside git', async (t) => {
    if (!requireProgram(t, 'git')) return;
    const root = tree({ 'a/main.cf': MAIN, 'b/main.cf': MAIN, 'c/x/master.cf': MASTER, 'c/y/master.cf': MASTER });
    git(root, 'init', '-q');
    const d = await scan(root, { paths: ['a', 'c/x/master.cf'] });
    assert.deepEqual(summary(d), { 'a/main.cf': 'postfix main.cf', 'c/x/master.cf': 'postfix master.cf' });
    assert.equal(d.filesListed, 2);
  });

  it('notes a nested repository that git does not descend into', async (t) => {
    if (!requireProgram(t, 'git')) return;
    const root = tree({ 'main.cf': MAIN, 'other/main.cf': MAIN });
    git(root, 'init', '-q');
    git(path.join(root, 'other'), 'init', '-q');
    const d = await scan(root);
    assert.deepEqual(summary(d), { 'main.cf': 'postfix main.cf' });
    assert.deepEqual(d.notes, ['other/ is a separate git repository inside the scan root; its files were not scanned (scan it on its own)']);
  });
});

describe('discover: directory walk (no git)', () => {
  it('walks every folder, skipping .git and not descending a linked folder', async () => {
    const root = tree({
      'etc/postfix/main.cf': MAIN,
      'etc/postfix/master.cf': MASTER,
      'etc/mail/sendmail.mc': MC,
      '.git/main.cf': MAIN,
      'notes.txt': 'hello\n',
      'linked': { link: 'etc' },
      'outside': { link: '/etc' },
    });
    const d = await scan(root);
    assert.deepEqual(summary(d), {
      'etc/mail/sendmail.mc': 'sendmail sendmail.mc',
      'etc/postfix/main.cf': 'postfix main.cf',
      'etc/postfix/master.cf': 'postfix master.cf',
    });
    // three configs, notes.txt and the two links (listed, never descended)
    assert.equal(d.filesListed, 6);
    assert.deepEqual(d.notes, []);
  });

  it('does not follow a symlink out of the root, and reads one inside it', async () => {
    const root = tree({ 'real.cf': MAIN, 'a/main.cf': { link: '/etc/passwd' }, 'b/main.cf': { link: '../real.cf' } });
    const d = await scan(root);
    assert.deepEqual(summary(d), { 'b/main.cf': 'postfix main.cf' });
    assert.equal(d.candidates[0]?.file?.text, MAIN);
    assert.deepEqual(d.notes, ['a/main.cf is a symbolic link to /etc/passwd, outside the scan root; not followed']);
  });

  it('does not read a file through a linked folder that leads out of the root, even when named explicitly', async () => {
    const outside = tree({ 'postfix/main.cf': MAIN });
    const root = tree({ 'etc/main.cf': MAIN, 'linked': { link: path.join(outside, 'postfix') }, 'inner': { link: 'etc' } });
    const d = await scan(root, { paths: ['linked/main.cf', 'inner/main.cf', 'etc/main.cf'] });
    // A folder link inside the root is followed: inner/main.cf is read under its own path.
    assert.deepEqual(summary(d), { 'etc/main.cf': 'postfix main.cf', 'inner/main.cf': 'postfix main.cf' });
    assert.deepEqual(d.notes, [`linked/main.cf is a symbolic link to ${path.join(realpathSync(outside), 'postfix', 'main.cf')}, outside the scan root; not followed`]);
  });

  it('fails closed on a dangling symlink inside the root with a config name', async () => {
    const root = tree({ 'main.cf': { link: 'gone/main.cf' } });
    const d = await scan(root);
    assert.deepEqual(summary(d), {
      'main.cf': 'postfix main.cf unreadable: it is a symbolic link to gone/main.cf, which does not exist @1:1',
    });
  });

  it('excludes vendored trees by default; an include glob brings them back', async () => {
    const root = tree({
      'main.cf': MAIN,
      'node_modules/pkg/main.cf': MAIN,
      'app/vendor/x/sendmail.mc': MC,
      '.terraform/modules/m/main.cf': MAIN,
    });
    const plain = await scan(root);
    assert.deepEqual(Object.keys(summary(plain)), ['main.cf']);
    // Never in silence: the walk says how many vendored folders it did not enter.
    assert.deepEqual(plain.notes, ['3 vendored folders were not walked (node_modules/, vendor/, .terraform/); an include glob scans them']);
    const d = await scan(root, { include: ['node_modules/pkg/**'] });
    assert.deepEqual(summary(d), { 'main.cf': 'postfix main.cf', 'node_modules/pkg/main.cf': 'postfix main.cf' });
    const all = await scan(root, { include: ['**/node_modules/**', 'app/vendor'] });
    assert.deepEqual(Object.keys(summary(all)), ['app/vendor/x/sendmail.mc', 'main.cf', 'node_modules/pkg/main.cf']);
  });

  it("lists a checked-out submodule's files, and says which submodules are not checked out", async (t) => {
    if (!requireProgram(t, 'git')) return;
    const module = tree({ 'postfix/main.cf': MAIN });
    git(module, 'init', '-q');
    git(module, 'add', '-A');
    git(module, 'commit', '-q', '-m', 'mail');
    const root = tree({ 'main.cf': MAIN });
    git(root, 'init', '-q');
    git(root, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', module, 'roles/mail');
    git(root, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', module, 'vendor-free/other');
    git(root, 'add', 'main.cf');
    git(root, 'commit', '-q', '-m', 'top');
    const d = await scan(root);
    assert.deepEqual(Object.keys(summary(d)), ['main.cf', 'roles/mail/postfix/main.cf', 'vendor-free/other/postfix/main.cf']);
    assert.deepEqual(d.notes, []);
    // A clone without --recurse-submodules has the submodules' paths and none of their files.
    const clone = tree({});
    git(clone, 'clone', '-q', root, 'top');
    const shallow = await scan(path.join(clone, 'top'));
    assert.deepEqual(Object.keys(summary(shallow)), ['main.cf']);
    assert.deepEqual(shallow.notes, [
      "roles/mail is a git submodule that is not checked out; its files were not scanned (check submodules out, for example with actions/checkout's submodules: true)",
      "vendor-free/other is a git submodule that is not checked out; its files were not scanned (check submodules out, for example with actions/checkout's submodules: true)",
    ]);
  });

  it('re-includes a vendored file inside git too', async (t) => {
    if (!requireProgram(t, 'git')) return;
    const root = tree({ 'node_modules/pkg/main.cf': MAIN, 'vendor/roles/mail/tasks/main.yml': '- postconf: {}\n' });
    git(root, 'init', '-q');
    const plain = await scan(root);
    assert.deepEqual(summary(plain), {});
    // A mail file by its exact name is set aside with a note of its own; other files are counted.
    assert.deepEqual(plain.setAside, [{ path: 'node_modules/pkg/main.cf', reason: 'it is in a vendored folder (node_modules/, vendor/, .terraform/), which is not scanned unless an include glob names it' }]);
    assert.deepEqual(plain.notes, ['1 file in vendored folders (node_modules/, vendor/, .terraform/) that may be provisioning code was not read; an include glob scans them']);
    assert.deepEqual(summary(await scan(root, { include: ['**/node_modules/**'] })), { 'node_modules/pkg/main.cf': 'postfix main.cf' });
  });

  it('removes what a user exclude glob matches, file or folder', async () => {
    const root = tree({ 'examples/open/main.cf': MAIN, 'prod/main.cf': MAIN, 'prod/master.cf': MASTER });
    const excluded = await scan(root, { exclude: ['examples/**'] });
    assert.deepEqual(Object.keys(summary(excluded)), ['prod/main.cf', 'prod/master.cf']);
    // A settings file can leave files out, never in silence.
    assert.deepEqual(excluded.notes, ['1 file named like mail configuration (main.cf, master.cf, sendmail.mc, …) was left out by exclude globs']);
    assert.deepEqual(Object.keys(summary(await scan(root, { exclude: ['examples'] }))), ['prod/main.cf', 'prod/master.cf']);
    assert.deepEqual(Object.keys(summary(await scan(root, { exclude: ['**/master.cf'] }))), ['examples/open/main.cf', 'prod/main.cf']);
  });

  it('adds files an include glob names, with the kind decided by content', async () => {
    const root = tree({
      'conf/relay.conf': MAIN,
      'conf/services.conf': MASTER,
      'conf/site.m4': MC,
      'conf/other.conf': 'listen 80;\n',
    });
    const d = await scan(root, { include: ['conf/*'] });
    assert.deepEqual(summary(d), {
      'conf/relay.conf': 'postfix main.cf',
      'conf/services.conf': 'postfix master.cf',
      'conf/site.m4': 'sendmail sendmail.mc',
    });
    assert.deepEqual(d.notes, ['conf/other.conf was not scanned: its content is not Postfix or sendmail configuration']);
  });

  it('rejects a path option outside the root or missing, as a usage error', async () => {
    const root = tree({ 'main.cf': MAIN });
    await assert.rejects(scan(root, { paths: ['../'] }), OptionsError);
    await assert.rejects(scan(root, { paths: ['nope'] }), OptionsError);
    await assert.rejects(scan(path.join(root, 'missing')), OptionsError);
  });

  it('opens an explicitly named file whatever its name', async () => {
    const root = tree({ 'roles/mail/files/postfix-main': MAIN, 'other/main.cf': MAIN });
    const d = await scan(root, { paths: ['roles/mail/files/postfix-main'] });
    assert.deepEqual(summary(d), { 'roles/mail/files/postfix-main': 'postfix main.cf' });
    assert.equal(d.filesListed, 1);
  });
});

describe('discover: classification by name and content', () => {
  it('takes plain main.cf/master.cf variants and templates of registered languages; sets aside prototypes, samples and backups', async () => {
    const root = tree({
      'p/main.cf.proto': MAIN,
      'p/main.cf.default': MAIN,
      'p/main.cf.dist': MAIN,
      'p/master.cf.proto': MASTER,
      'p/main.cf.j2': MAIN,
      'p/main.cf.erb': MAIN,
      'p/main.cf.bak': MAIN,
      'p/main.cf.orig': MAIN,
      'p/main.cf.prod.tmpl': MAIN,
      'p/master.cf~': MASTER,
      'p/main.cf.rpmsave': MAIN,
      'p/main.cf.all-comments': '# nothing here\n',
    });
    const found = await scan(root);
    assert.deepEqual(summary(found), {
      // Templates of main.cf in a registered language (src/sources/template-languages.ts): rendered by the scan.
      'p/main.cf.erb': 'postfix main.cf',
      'p/main.cf.j2': 'postfix main.cf',
      // A word between the name and the template extension (main.cf.WORD.EXT) still renders main.cf in EXT's language.
      'p/main.cf.prod.tmpl': 'postfix main.cf',
    });
    // Not what Postfix loads: set aside (src/discover/live.ts), judged only if provisioning code deploys them.
    assert.deepEqual(
      found.setAside.map((s) => s.path),
      ['p/main.cf.bak', 'p/main.cf.default', 'p/main.cf.dist', 'p/main.cf.orig', 'p/main.cf.proto', 'p/main.cf.rpmsave', 'p/master.cf.proto', 'p/master.cf~'],
    );
  });

  it('takes *.cf under postfix/ only when it reads as main.cf or master.cf', async () => {
    const root = tree({
      'etc/postfix/relay.cf': MAIN,
      'etc/postfix/services/submission.cf': MASTER,
      'etc/postfix/mysql-virtual.cf': 'hosts = db.example\nuser = postfix\nquery = SELECT 1 FROM d WHERE n=%s\n',
      'etc/postfix/dynamicmaps.cf': 'mysql\tpostfix-mysql.so.1.0.1\tdict_mysql_open\tmkmap_mysql_open\n',
    });
    assert.deepEqual(summary(await scan(root)), {
      'etc/postfix/relay.cf': 'postfix main.cf',
      'etc/postfix/services/submission.cf': 'postfix master.cf',
    });
  });

  it('takes *.cf under mail/ only when it reads as sendmail.cf', async () => {
    const root = tree({
      'etc/mail/relay.cf': 'V10/Berkeley\nO DaemonPortOptions=Name=MTA\nSRelay_ok\nR$*\t$#error $: "550 Relaying denied"\n',
      'etc/mail/spamassassin/local.cf': 'required_score 5.0\nrewrite_header Subject [SPAM]\nSettings\n',
      'etc/mail/sendmail.cf': '',
    });
    assert.deepEqual(summary(await scan(root)), {
      'etc/mail/relay.cf': 'sendmail sendmail.cf',
      'etc/mail/sendmail.cf': 'sendmail sendmail.cf',
    });
  });

  it('rejects a Minecraft .mc by content, keeps an m4 one', async () => {
    const root = tree({
      'game/data/functions/start.mc': 'say Welcome\nsummon minecraft:zombie ~ ~1 ~\nexecute as @a run tp @s 0 64 0\n',
      'game/pack.mc': '{"pack": {"pack_format": 15, "description": "include(world)"}}\n',
      'cf/relay.mc': "VERSIONID(`relay')\nMAILER(`smtp')\n",
      'cf/only-dnl.mc': 'dnl # a comment\n',
    });
    assert.deepEqual(summary(await scan(root)), {
      'cf/only-dnl.mc': 'sendmail sendmail.mc',
      'cf/relay.mc': 'sendmail sendmail.mc',
    });
  });

  it('keeps a definite name whatever its content', async () => {
    const root = tree({ 'main.cf': '', 'mail/sendmail.mc': 'not m4 at all\n', 'x/submit.cf': 'hello\n' });
    assert.deepEqual(summary(await scan(root)), {
      'mail/sendmail.mc': 'sendmail sendmail.mc',
      'main.cf': 'postfix main.cf',
      'x/submit.cf': 'sendmail sendmail.cf',
    });
  });

  it('returns candidates sorted by path', async () => {
    const root = tree({ 'z/main.cf': MAIN, 'a/main.cf': MAIN, 'm/sendmail.mc': MC, 'a/b/master.cf': MASTER });
    assert.deepEqual(
      (await scan(root)).candidates.map((c) => c.path),
      ['a/b/master.cf', 'a/main.cf', 'm/sendmail.mc', 'z/main.cf'],
    );
  });
});

describe('discover: reading files safely', () => {
  it('makes a binary main.cf unreadable, naming the NUL byte', async () => {
    const root = tree({ 'main.cf': Buffer.from('inet_interfaces = all\nab\0cd\n') });
    assert.deepEqual(summary(await scan(root)), {
      'main.cf': 'postfix main.cf unreadable: binary content (a NUL byte at line 2, column 3) @2:3',
    });
  });

  it('names UTF-16 as such', async () => {
    const root = tree({ 'sendmail.mc': Buffer.from('\ufeffdnl\n', 'utf16le') });
    assert.deepEqual(summary(await scan(root)), {
      'sendmail.mc': 'sendmail sendmail.mc unreadable: the file is UTF-16 (byte order mark 0xFF 0xFE), not UTF-8 text @1:1',
    });
  });

  it('skips a binary .mc with a note (it cannot be m4)', async () => {
    const root = tree({ 'world.mc': Buffer.from([1, 0, 2, 0, 0x64, 0x6e, 0x6c]) });
    const d = await scan(root);
    assert.deepEqual(d.candidates, []);
    assert.deepEqual(d.notes, ['world.mc was not scanned: binary content (a NUL byte at line 1, column 2)']);
  });

  it('caps notes about files that are not mail configuration', async () => {
    const files: Record<string, string> = {};
    for (let i = 10; i < 35; i++) files[`conf/f${i}.conf`] = 'listen 80;\n';
    const d = await scan(tree(files), { include: ['conf/*.conf'] });
    assert.equal(d.notes.length, 21);
    assert.equal(d.notes[0], 'conf/f10.conf was not scanned: its content is not Postfix or sendmail configuration');
    assert.equal(d.notes[20], '5 more files were not scanned because they are binary or not mail configuration');
  });

  it('makes invalid UTF-8 unreadable with the line and column of the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('myhostname = mx\n# café ok\nmydomain = ex'), Buffer.from([0xe9]), Buffer.from('mple\n')]);
    const root = tree({ 'main.cf': bytes });
    assert.deepEqual(summary(await scan(root)), {
      'main.cf': 'postfix main.cf unreadable: not valid UTF-8 (byte 0xE9 at line 3, column 14) @3:14',
    });
  });

  it('fails closed on undecodable text whose content confirmed it', async () => {
    const root = tree({ 'etc/postfix/relay.cf': Buffer.concat([Buffer.from('relayhost = '), Buffer.from([0xff]), Buffer.from('\n')]) });
    assert.deepEqual(summary(await scan(root)), {
      'etc/postfix/relay.cf': 'postfix main.cf unreadable: not valid UTF-8 (byte 0xFF at line 1, column 13) @1:13',
    });
  });

  it('does not hang on a FIFO named main.cf: unreadable, not a regular file', async (t) => {
    if (!requireProgram(t, 'mkfifo')) return;
    const root = tree({});
    const made = spawnSync('mkfifo', [path.join(root, 'main.cf')]);
    assert.equal(made.status, 0);
    assert.deepEqual(summary(await scan(root, { paths: ['main.cf'] })), {
      'main.cf': 'postfix main.cf unreadable: it is not a regular file @1:1',
    });
    // the walk lists only files and links
    assert.deepEqual(summary(await scan(root)), {});
  });

  it('strips a UTF-8 byte order mark', async () => {
    const root = tree({ 'main.cf': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MAIN)]) });
    const d = await scan(root);
    assert.equal(d.candidates[0]?.file?.text, MAIN);
  });

  it('counts columns after a byte order mark from the first character', async () => {
    const root = tree({ 'main.cf': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ab'), Buffer.from([0xc0, 0x80])]) });
    assert.deepEqual(summary(await scan(root)), {
      'main.cf': 'postfix main.cf unreadable: not valid UTF-8 (byte 0xC0 at line 1, column 3) @1:3',
    });
  });

  it('makes an oversized config unreadable, and only notes an oversized maybe-config', async () => {
    const big = Buffer.alloc(4 * 1024 * 1024 + 1, 0x61);
    const root = tree({ 'main.cf': big, 'cf/huge.mc': big, 'ok/main.cf': Buffer.alloc(4 * 1024 * 1024, 0x0a) });
    const d = await scan(root);
    assert.deepEqual(summary(d), {
      'main.cf': 'postfix main.cf unreadable: the file is 4194305 bytes, over the 4 MiB limit @1:1',
      'ok/main.cf': 'postfix main.cf',
    });
    assert.equal(d.candidates[1]?.file?.text.length, 4 * 1024 * 1024);
    assert.deepEqual(d.notes, ['cf/huge.mc was not scanned: the file is 4194305 bytes, over the 4 MiB limit']);
  });
});
