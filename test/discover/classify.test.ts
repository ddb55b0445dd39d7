import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PathClassifier } from '../../src/discover/classify.js';
import { isPlainVariantSuffix } from '../../src/discover/patterns.js';

function cls(path: string, include: string[] = [], exclude: string[] = []): string | null {
  const c = new PathClassifier(include, exclude).classify(path);
  if (c?.notLive !== undefined) return `set aside: ${c.notLive}`;
  if (c?.vendored === true) return 'vendored: counted, not read';
  if (c?.excluded === true) return 'excluded: counted, not read';
  return c === null ? null : `${c.via} ${c.definite ? 'definite' : 'sniff'} ${c.roles.join('|')}${c.template === undefined ? '' : ` ${c.template}`}`;
}

describe('PathClassifier', () => {
  const cases: [string, string | null][] = [
    ['main.cf', 'pattern definite main.cf'],
    ['etc/postfix/master.cf', 'pattern definite master.cf'],
    ['etc/mail/sendmail.cf', 'pattern definite sendmail.cf'],
    ['etc/mail/submit.cf', 'pattern definite sendmail.cf'],
    ['cf/sendmail.mc', 'pattern definite sendmail.mc'],
    // Postfix loads main.cf itself, not its prototype or a package's leftover (src/discover/live.ts).
    ['a/main.cf.proto', 'set aside: a prototype (.proto), not what Postfix or sendmail loads'],
    ['a/master.cf.dpkg-dist', 'set aside: a package leftover (.dpkg-dist), not what Postfix or sendmail loads'],
    ['a/main.cf.prod', 'pattern sniff main.cf'],
    ['a/main.cf.j2', 'pattern definite main.cf jinja2'],
    ['roles/m/templates/sendmail.mc.jinja2', 'pattern definite sendmail.mc jinja2'],
    ['a/main.cf.erb', 'pattern definite main.cf erb'],
    ['a/main.cf.bak.erb', 'set aside: a backup (.bak), not what Postfix or sendmail loads'],
    ['docs/master.cf.md', 'set aside: documentation (.md), not live configuration'],
    ['etc/postfix/post-install', "set aside: Postfix's own installation file, not site provisioning"],
    // Name variants: the content sniff decides; a template extension picks the language.
    ['templates/postfix_main.cf.erb', 'pattern sniff main.cf erb'],
    ['templates/postfix_main_cf.tmpl', 'pattern sniff main.cf go-template'],
    ['conf/mta-master.cf', 'pattern sniff master.cf'],
    ['templates/nginx.conf.j2', null],
    ['a/main.cf.', null],
    ['.hidden/postfix/x/relay.cf', 'pattern sniff main.cf|master.cf'],
    ['mail/local.cf', 'pattern sniff sendmail.cf'],
    ['x/relay.mc', 'pattern sniff sendmail.mc'],
    ['relay.cf', null],
    ['postfix.cf', null],
    ['Main.cf', null],
    ['src/main.c', null],
    // Vendored trees are not scanned, but a mail file there by its exact name gets a note of its own.
    ['node_modules/p/main.cf', 'set aside: it is in a vendored folder (node_modules/, vendor/, .terraform/), which is not scanned unless an include glob names it'],
    ['a/vendor/main.cf', 'set aside: it is in a vendored folder (node_modules/, vendor/, .terraform/), which is not scanned unless an include glob names it'],
    ['a/vendor/x/relay.mc', 'vendored: counted, not read'],
    ['a/vendor/main.cf.proto', null],
    ['vendored/main.cf', 'pattern definite main.cf'],
    // Exim and OpenSMTPD
    ['etc/exim/exim.conf', 'pattern definite exim.conf'],
    ['etc/exim4/exim4.conf', 'pattern definite exim.conf'],
    ['etc/exim4/exim4.conf.template', 'pattern definite exim.conf'],
    ['etc/exim4/exim4.conf.localmacros', 'pattern definite exim.conf'],
    ['etc/exim4/update-exim4.conf.conf', 'pattern definite update-exim4.conf.conf'],
    ['etc/exim4/conf.d/acl/30_exim4-config_check_rcpt', 'pattern definite exim.conf'],
    ['etc/exim4/conf.d/main/000_localmacros', 'pattern definite exim.conf'],
    ['roles/exim/files/conf.d/router/200_primary', 'pattern sniff exim.conf'],
    ['etc/exim4/conf.d/other/x', null],
    ['usr/exim/configure', 'pattern sniff exim.conf'],
    ['configure', 'pattern sniff exim.conf'],
    ['configure.ac', null],
    ['etc/smtpd.conf', 'pattern sniff smtpd.conf'],
    ['etc/postfix/sasl/smtpd.conf', 'pattern sniff smtpd.conf'],
    ['exim.conf.bak', null],
  ];
  for (const [path, expected] of cases) it(path, () => assert.equal(cls(path), expected));

  it('includes with globs relative to the root, and reaches under a matched folder', () => {
    assert.equal(cls('deploy/relay.conf', ['deploy/*.conf']), 'include sniff sendmail.mc|sendmail.cf|master.cf|main.cf|exim.conf|smtpd.conf');
    assert.equal(cls('deploy/x/relay.conf', ['./deploy/']), 'include sniff sendmail.mc|sendmail.cf|master.cf|main.cf|exim.conf|smtpd.conf');
    assert.equal(cls('other/relay.conf', ['deploy/**']), null);
  });

  it('excludes beat defaults and includes; a default pattern keeps a definite name when included', () => {
    assert.equal(cls('x/main.cf', ['**'], ['x/**']), 'excluded: counted, not read');
    assert.equal(cls('x/relay.conf', ['**'], ['x/**']), null);
    assert.equal(cls('node_modules/p/main.cf', ['node_modules/p']), 'pattern definite main.cf');
  });

  it('keeps explicitly named files whatever excludes say', () => {
    assert.equal(new PathClassifier([], ['**'])?.classify('x/main.cf', true)?.via, 'explicit');
  });
});

describe('isPlainVariantSuffix', () => {
  for (const s of ['prod', 'staging', '20240101']) it(`${s} is plain`, () => assert.equal(isPlainVariantSuffix(s), true));
  for (const s of ['j2', 'ERB', 'prod.tmpl', 'bak', 'orig.1', 'old', 'swp', 'gz', 'save~', '', 'proto', 'default', 'dist', 'rpmnew', 'md']) it(`${s} is not`, () => assert.equal(isPlainVariantSuffix(s), false));
});
