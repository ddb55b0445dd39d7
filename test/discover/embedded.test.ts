import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PathClassifier } from '../../src/discover/classify.js';
import { discover } from '../../src/discover/index.js';
import { emptyExtraction } from '../../src/sources/contracts/edits.js';
import { hasMailMarker, mayBeHostFile, type HostFormat } from '../../src/sources/contracts/host-format.js';
import { hostFormatFor, registerHostFormat } from '../../src/sources/host-formats.js';
import { tree } from './tree.js';

const fake: HostFormat = {
  form: 'dockerfile',
  matches: (p, head) => p.endsWith('Dockerfile') && head.startsWith('FROM '),
  extract: () => emptyExtraction(),
};

describe('embedded candidates by path', () => {
  it('with host formats registered, scripts, Dockerfiles and YAML are opened; images and vendored trees are not', () => {
    const classifier = new PathClassifier([], [], true);
    const of = (p: string): string | null => {
      const c = classifier.classify(p);
      return c === null ? null : `${c.via} ${c.embedded === true ? 'embedded' : c.roles.join('|')}${c.template ? ` ${c.template}` : ''}${c.vendored === true ? ' (vendored: counted, not read)' : ''}`;
    };
    assert.deepEqual(
      ['scripts/setup.sh', 'Dockerfile', 'docker/Dockerfile.mail', 'roles/m/tasks/main.yml', 'bin/bootstrap', 'logo.png', 'src/app.py', 'vendor/x/setup.sh', 'main.cf', 'roles/m/templates/main.cf.j2'].map(of),
      [
        'pattern embedded',
        'pattern embedded',
        'pattern embedded',
        'pattern embedded',
        'pattern embedded',
        null,
        null,
        'pattern embedded (vendored: counted, not read)',
        'pattern main.cf',
        'pattern main.cf jinja2',
      ],
    );
    // Without host formats nothing but mail files is opened (the plain scan stays as cheap as before).
    assert.equal(new PathClassifier([], []).classify('scripts/setup.sh'), null);
  });

  it('mayBeHostFile: by extension, or no extension at all', () => {
    assert.deepEqual(['a/b.sh', 'user-data', 'x.tf', 'x.pkr.hcl', 'ks.cfg', 'a.jpg', 'a.tar.gz'].map(mayBeHostFile), [true, true, true, true, true, false, false]);
  });

  it('the mail-marker test comes first: a format never sees a file without one', () => {
    assert.equal(hasMailMarker('RUN apt-get install -y nginx'), false);
    assert.equal(hasMailMarker('RUN postconf -e x=y'), true);
    assert.equal(hostFormatFor('Dockerfile', 'FROM debian:12\nRUN true\n', [fake]), null);
    assert.equal(hostFormatFor('Dockerfile', 'FROM debian:12\nRUN apt-get install -y postfix\n', [fake]), fake);
    assert.equal(hostFormatFor('x/Dockerfile', 'ARG x\nRUN postconf -e x=y\n', [fake]), null);
  });
});

describe('discover() with a host format registered', () => {
  let unregister: () => void = () => undefined;
  before(() => {
    unregister = registerHostFormat(fake);
  });
  after(() => unregister());

  it('a matching file with a mail marker is an embedded candidate of the format\'s form; others are left out silently', async () => {
    const root = tree({
      'mail/Dockerfile': 'FROM debian:12\nRUN postconf -e inet_interfaces=all\n',
      'web/Dockerfile': 'FROM nginx\nRUN true\n',
      'bin/tool': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 0]),
      'etc/postfix/main.cf': 'inet_interfaces = loopback-only\n',
    });
    const found = await discover({ root, paths: [], include: [], exclude: [] });
    assert.deepEqual(
      found.candidates.map((c) => [c.path, c.kind, c.role ?? null, c.host ?? null, c.file?.text.length ?? null]),
      [
        ['etc/postfix/main.cf', 'postfix', 'main.cf', null, 32],
        ['mail/Dockerfile', 'embedded', null, 'dockerfile', 51],
      ],
    );
    assert.deepEqual(found.notes, []);
  });
});

describe("discover(): each host format's content check (`needs`) over the whole file", () => {
  it('files that only mention the mail server are not parsed; the ones that may edit it are, whatever the head holds', async () => {
    const filler = `# ${'lorem ipsum '.repeat(6000)}\n`; // past the 64 KiB head
    const root = tree({
      // Mentions only: a ConfigMap with a comment and an SMTP host, a script that reloads postfix, a Dockerfile comment.
      'k8s/app/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  # mail goes through the postfix relay\n  SMTP_HOST: postfix.mail.svc\n',
      'ops/reload.sh': '#!/bin/sh\nsystemctl reload postfix\necho "done" | sendmail -t ops@example.org\n',
      'svc/Dockerfile': 'FROM node:20\n# mail is relayed by the postfix sidecar\nRUN npm ci\n',
      'infra/dns.tf': '# the postfix relay hosts are elsewhere\nresource "x" "y" {}\n',
      // Edits: a ConfigMap key with main.cf content under another name, a late postconf, a package install, a folder copy.
      'k8s/mail/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: postfix\ndata:\n  config: |\n    inet_interfaces = all\n',
      'ops/late.sh': `#!/bin/sh\n${filler}postconf -e inet_interfaces=all\n`,
      'ops/install.sh': '#!/bin/sh\napt-get install -y postfix\n',
      'mail/Dockerfile': 'FROM debian:12\n# postfix\nCOPY conf /srv\n',
    });
    const found = await discover({ root, paths: [], include: [], exclude: [] });
    assert.deepEqual(
      found.candidates.map((c) => [c.path, c.host ?? null]),
      [
        ['k8s/mail/configmap.yaml', 'kubernetes'],
        ['mail/Dockerfile', 'dockerfile'],
        ['ops/install.sh', 'shell'],
        ['ops/late.sh', 'shell'],
      ],
    );
    assert.equal(found.filesRead, 8);
  });
});
