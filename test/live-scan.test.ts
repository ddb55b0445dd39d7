/**
 * What counts as live configuration (src/discover/live.ts): each row is a
 * small repository, the exact findings the scan gives and the notes it
 * writes about files it sets aside.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../src/config/options.js';
import { distributionTreeInputs, distributionTrees, inDistributionTree, notLiveByContent, notLiveByName, variantRole } from '../src/discover/live.js';
import type { Candidate } from '../src/discover/candidate.js';
import { scan } from '../src/scan.js';
import { temporaryTrees } from './helpers/temp-tree.js';
import { findingRows } from './helpers/finding-rows.js';
import { SIDE_BY_SIDE, UNIFIED } from './helpers/saved-diffs.js';

const tree = temporaryTrees('live');

/** Open to the STIG rule only: a Postfix 3 that starts, whose relay list is the level's default. */
const OPEN = 'myhostname = mx.example.test\ninet_interfaces = all\ncompatibility_level = 3.6\n';

/** The lines Postfix's own scripts start with (mantools/srctoman makes their manual pages). */
const MANUAL_PAGE_HEADER = '# To view the formatted manual page of this file, type:\n#\tPOSTFIXSOURCE/mantools/srctoman - makedefs | nroff -man\n';

/** An image whose postconf opens the listener to every interface (the STIG finding is on the postconf line). */
const IMAGE_OPEN = 'FROM debian:12\nRUN apt-get install -y postfix && postconf -e inet_interfaces=all\n';

interface Row {
  name: string;
  files: Record<string, string>;
  findings: unknown[];
  notes: string[];
}

const ROWS: Row[] = [
  {
    name: 'a Markdown page named after master.cf is documentation',
    files: { 'docs/master.cf.md': '# master.cf\n\nsubmission inet n - n - - smtpd\n  -o smtpd_tls_security_level=encrypt\n\n| key | meaning |\n' },
    findings: [],
    notes: ['docs/master.cf.md is not judged: documentation (.md), not live configuration'],
  },
  {
    name: "Postfix's prototype and a package leftover",
    files: { 'etc/postfix/main.cf.proto': OPEN, 'etc/postfix/main.cf.dpkg-dist': OPEN },
    findings: [],
    notes: [
      'etc/postfix/main.cf.dpkg-dist is not judged: a package leftover (.dpkg-dist), not what Postfix or sendmail loads',
      'etc/postfix/main.cf.proto is not judged: a prototype (.proto), not what Postfix or sendmail loads',
    ],
  },
  {
    name: 'a saved side-by-side diff named main.cf',
    files: { 'review/main.cf': SIDE_BY_SIDE },
    findings: [],
    notes: ['review/main.cf is not judged: its content is a side-by-side diff (diff -y, sdiff), not live configuration'],
  },
  {
    name: 'a main.cf drawn to look like a diff (comment lines with a gutter) is judged: Postfix loads it as it stands',
    files: { 'rootfs/etc/postfix/main.cf': `${'# aaaaaaaaaaaaaaaaaaaaa | x\n'.repeat(5)}${OPEN}` },
    findings: [['stig-postfix-relay', 'rootfs/etc/postfix/main.cf', 1, 1, 'definite']],
    notes: ['rootfs/etc/postfix/main.cf is judged although its content looks like a diff: Postfix loads it as it stands'],
  },
  {
    name: 'a unified diff named main.cf, and a patch named after it',
    files: { 'review/main.cf': UNIFIED, 'patches/main.cf.patch': UNIFIED },
    findings: [],
    notes: ['patches/main.cf.patch is not judged: a patch, not live configuration', 'review/main.cf is not judged: its content is a unified diff, not live configuration'],
  },
  {
    name: "Postfix's post-install script in its configuration directory is not site provisioning",
    files: { 'etc/postfix/post-install': '#!/bin/sh\npostconf -c $config_directory -e "inet_interfaces=all"\n' },
    findings: [],
    notes: ["etc/postfix/post-install is not judged: Postfix's own installation file, not site provisioning"],
  },
  {
    name: 'a Postfix source tree: one note, no finding',
    files: {
      'postfix/postfix-install': '#!/bin/sh\ncp conf/main.cf $config_directory/main.cf\n',
      'postfix/conf/main.cf': 'queue_directory = /var/spool/postfix\n',
      'postfix/conf/master.cf': 'smtp inet n - n - - smtpd\n',
      'postfix/conf/post-install': '#!/bin/sh\npostconf -c $config_directory -e "mail_owner=$mail_owner"\n',
      'postfix/src/postconf/test1-main.cf': OPEN,
    },
    findings: [],
    notes: ['postfix/ is a Postfix source tree (postfix-install, conf/): its 5 files named like mail configuration (sample files, installation scripts, test fixtures) are not a deployed configuration; not judged'],
  },
  {
    name: "a postfix-install and a conf/main.cf at the top set aside only the tree's own folders, never the site's files beside them",
    files: {
      'postfix-install': '#!/bin/sh\n',
      'conf/main.cf': '# sample\n',
      'src/postconf/test1-main.cf': OPEN,
      'deploy/main.cf': OPEN,
      'conf/postfix/main.cf': OPEN,
      'main.cf': OPEN,
      'Dockerfile': IMAGE_OPEN,
    },
    findings: [
      ['stig-postfix-relay', 'conf/postfix/main.cf', 1, 1, 'definite'],
      ['stig-postfix-relay', 'deploy/main.cf', 1, 1, 'definite'],
      ['stig-postfix-relay', 'Dockerfile', 2, 47, 'definite'],
      ['stig-postfix-relay', 'main.cf', 1, 1, 'definite'],
    ],
    notes: [
      'the scan root is a Postfix source tree (postfix-install, conf/): its 3 files named like mail configuration (sample files, installation scripts, test fixtures) are not a deployed configuration; not judged',
    ],
  },
  {
    name: 'a source tree holds plain Postfix files and shell scripts only: a template or a Dockerfile in its folders is judged',
    files: {
      'postfix/postfix-install': '#!/bin/sh\n',
      'postfix/conf/main.cf': '# sample\n',
      'postfix/conf/main.cf.j2': OPEN,
      'postfix/examples/Dockerfile': IMAGE_OPEN,
      'postfix/examples/setup.sh': '#!/bin/sh\npostconf -e inet_interfaces=all\n',
      'postfix/meta/main.yml': 'dependencies:\n  - role: postfix\n',
      'postfix/makedefs': `#!/bin/sh\n${MANUAL_PAGE_HEADER}postconf -e inet_interfaces=all\n`,
    },
    findings: [
      ['stig-postfix-relay', 'postfix/conf/main.cf.j2', 1, 1, 'definite'],
      ['stig-postfix-relay', 'postfix/examples/Dockerfile', 2, 47, 'definite'],
    ],
    notes: [
      'postfix/ is a Postfix source tree (postfix-install, conf/): its 4 files named like mail configuration (sample files, installation scripts, test fixtures) are not a deployed configuration; not judged',
    ],
  },
  {
    name: "a site script that copies Postfix's manual-page header is judged: only a Postfix source tree makes it Postfix's own",
    files: { 'bin/setup': `#!/bin/sh\n${MANUAL_PAGE_HEADER}postconf -e inet_interfaces=all compatibility_level=3.6\n` },
    findings: [
      ['postfix-open-relay', 'bin/setup', 4, 13, 'indeterminate'],
      ['stig-postfix-relay', 'bin/setup', 4, 13, 'definite'],
    ],
    notes: [],
  },
  {
    name: 'a main.cf in a vendored folder is not scanned, but never in silence; deployed, it is judged',
    files: { 'vendor/postfix/main.cf': OPEN, 'third_party/vendor/main.cf': OPEN, 'image/Dockerfile': 'FROM debian:12\nRUN apt-get install -y postfix\nCOPY vendor/main.cf /etc/postfix/main.cf\n', 'image/vendor/main.cf': OPEN },
    findings: [['stig-postfix-relay', 'image/vendor/main.cf', 1, 1, 'definite']],
    // Outside git the walk does not enter them, and says how many it left.
    notes: ['3 vendored folders were not walked (node_modules/, vendor/, .terraform/); an include glob scans them'],
  },
  {
    name: 'a name variant whose content is configuration is judged: main.cf.prod',
    files: { 'env/main.cf.prod': OPEN },
    findings: [['stig-postfix-relay', 'env/main.cf.prod', 1, 1, 'definite']],
    notes: [],
  },
  {
    name: 'prefixed and underscored names are judged when the content confirms them',
    files: {
      'templates/postfix_main_cf.tmpl': 'compatibility_level = 3.6\nmyhostname = relay.example.test\ninet_interfaces = all\n',
      'templates/postfix_master_cf.tmpl': 'smtp      inet  n       -       y       -       -       smtpd\n',
      'templates/mta_main.cf.erb': 'compatibility_level = 3.6\ninet_interfaces = <%= @interfaces %>\n',
      'templates/postfix_main_cf_notes.tmpl': 'These notes say how main.cf is built.\n',
    },
    findings: [
      ['stig-postfix-relay', 'templates/mta_main.cf.erb', 1, 1, 'indeterminate'],
      ['stig-postfix-relay', 'templates/postfix_main_cf.tmpl', 1, 1, 'definite'],
      ['stig-postfix-relay', 'templates/postfix_master_cf.tmpl', 1, 1, 'indeterminate'],
    ],
    notes: [],
  },
  {
    name: 'a Jinja2 template named .tmpl (rendered by Python) is read as Jinja2, not as a Go template',
    files: { 'templates/postfix_main_cf.tmpl': 'inet_interfaces = all\n{% if relay %}\nrelayhost = {{ relay }}\n{% endif %}\ncompatibility_level = 3.6\n' },
    findings: [['stig-postfix-relay', 'templates/postfix_main_cf.tmpl', 1, 1, 'definite']],
    notes: [],
  },
  {
    name: 'a not-live name that provisioning code deploys is judged after all, with no note',
    files: { 'image/main.cf.dist': OPEN, 'image/Dockerfile': 'FROM debian:12\nRUN apt-get install -y postfix\nCOPY main.cf.dist /etc/postfix/main.cf\n' },
    findings: [['stig-postfix-relay', 'image/main.cf.dist', 1, 1, 'definite']],
    notes: [],
  },
];

describe('what is live configuration', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const result = await scan(defaultOptions(tree(row.files)));
      assert.deepEqual(findingRows(result.findings), row.findings);
      assert.deepEqual(
        result.notes.filter((n) => n.includes('is not judged') || n.includes('Postfix source tree') || n.includes('looks like a diff') || n.includes('vendored')),
        row.notes,
      );
    });
  }
});

describe('src/discover/live.ts decisions', () => {
  it('names: documentation, prototypes, leftovers, patches; the live names and variants are not set aside', () => {
    const cases: [string, boolean][] = [
      ['docs/main.cf.md', true],
      ['main.cf.rst', true],
      ['master.cf.html', true],
      ['main.cf.proto', true],
      ['main.cf.default', true],
      ['main.cf.orig', true],
      ['main.cf~', true],
      ['sendmail.mc.bak', true],
      ['main.cf.rpmnew', true],
      ['main.cf.ucf-dist', true],
      ['main.cf.diff', true],
      ['postfix_main.cf.example.erb', true],
      ['main.cf', false],
      ['main.cf.j2', false],
      ['main.cf.prod', false],
      ['postfix_main_cf.tmpl', false],
      ['README.md', false],
      ['domain.cf.md', false],
    ];
    assert.deepEqual(
      cases.map(([p]) => [p, notLiveByName(p) !== null]),
      cases,
    );
  });

  it('variants: the role their name carries', () => {
    assert.deepEqual(
      ['postfix_main.cf.erb', 'postfix_main_cf.tmpl', 'mta-master.cf', 'main.cf', 'main.cf.prod', 'domain_cf', 'remain.cf'].map(variantRole),
      ['main.cf', 'main.cf', 'master.cf', null, null, null, null],
    );
  });

  it('content: diffs are recognised; configuration with a | in a value is not a diff', () => {
    assert.notEqual(notLiveByContent(SIDE_BY_SIDE), null);
    assert.notEqual(notLiveByContent(UNIFIED), null);
    assert.equal(notLiveByContent(OPEN), null);
    const master = 'smtp inet n - y - - smtpd\nfilter unix - n n - - pipe\n  flags=Rq user=filter argv=/usr/bin/filter | /usr/sbin/sendmail -i\n';
    assert.equal(notLiveByContent(master), null);
  });

  it('distribution trees: postfix-install beside conf/main.cf', () => {
    assert.deepEqual(distributionTrees(['postfix-install', 'conf/main.cf', 'vendor/pf/postfix-install', 'vendor/pf/conf/master.cf', 'other/postfix-install']), ['', 'vendor/pf']);
  });

  it("a tree sets aside what Postfix's own tree holds, nothing else", () => {
    const roots = ['', 'vendor/pf'];
    const plain: Candidate = { path: '', kind: 'postfix', role: 'main.cf' };
    const script: Candidate = { path: '', kind: 'embedded', host: 'shell' };
    const inTree = (p: string, c: Candidate | undefined = { ...plain, path: p }): string | null => inDistributionTree(p, roots, c)?.group ?? null;
    assert.equal(inTree('conf/main.cf'), '');
    assert.equal(inTree('conf/master.cf'), '');
    assert.equal(inTree('src/postconf/test1-main.cf'), '');
    assert.equal(inDistributionTree('postfix-install', roots)?.group, '');
    assert.equal(inDistributionTree('vendor/pf/postfix-install', roots)?.group, 'vendor/pf');
    assert.equal(inDistributionTree('README_FILES/LDAP_README', roots)?.group, '');
    assert.equal(inTree('vendor/pf/mantools/check-postlink', { ...script, path: 'vendor/pf/mantools/check-postlink' }), 'vendor/pf');
    assert.equal(inTree('src/bounce/annotate.sh', { ...script, path: 'src/bounce/annotate.sh' }), '');
    // Not what a tree holds: the site's files beside it, a Postfix file outside conf/ and src/, other kinds.
    assert.equal(inTree('main.cf'), null);
    assert.equal(inTree('deploy/main.cf'), null);
    assert.equal(inTree('srcs/main.cf'), null);
    assert.equal(inTree('conf/postfix/main.cf'), null);
    assert.equal(inTree('examples/main.cf'), null);
    assert.equal(inTree('vendor/pf/main.cf'), null);
    assert.equal(inTree('vendor/pf/deploy/main.cf'), null);
    assert.equal(inTree('conf/main.cf', { ...plain, path: 'conf/main.cf', template: 'jinja2' }), null);
    assert.equal(inTree('meta/main.yml', { ...script, path: 'meta/main.yml' }), null);
    assert.equal(inTree('examples/Dockerfile', { path: 'examples/Dockerfile', kind: 'embedded', host: 'dockerfile' }), null);
    assert.equal(inDistributionTree('vendor/pfx/conf/master.cf', ['vendor/pf'], { ...plain, path: 'vendor/pfx/conf/master.cf' }), null);
  });

  it("the paths that decide whether a tree holds a file: each tree root that would hold it, that root's markers", () => {
    const plain = (path: string): Candidate => ({ path, kind: 'postfix', role: 'main.cf' });
    assert.deepEqual(distributionTreeInputs(plain('main.cf')), []);
    assert.deepEqual(distributionTreeInputs(plain('deploy/main.cf')), []);
    assert.deepEqual(distributionTreeInputs(plain('conf/postfix/main.cf')), []);
    assert.deepEqual(distributionTreeInputs(plain('conf/main.cf')), ['postfix-install', 'conf/main.cf', 'conf/master.cf']);
    assert.deepEqual(distributionTreeInputs(plain('vendor/pf/conf/main.cf')), ['vendor/pf/postfix-install', 'vendor/pf/conf/main.cf', 'vendor/pf/conf/master.cf']);
    assert.deepEqual(distributionTreeInputs(plain('vendor/src/pf/src/x/test1-main.cf')), [
      'vendor/postfix-install',
      'vendor/conf/main.cf',
      'vendor/conf/master.cf',
      'vendor/src/pf/postfix-install',
      'vendor/src/pf/conf/main.cf',
      'vendor/src/pf/conf/master.cf',
    ]);
    assert.deepEqual(distributionTreeInputs({ path: 'ci/Dockerfile', kind: 'embedded', host: 'dockerfile' }), []);
  });
});
