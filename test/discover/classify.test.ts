import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PathClassifier } from '../../src/discover/classify.js';
import { isPlainVariantSuffix } from '../../src/discover/patterns.js';

function cls(path: string, include: string[] = [], exclude: string[] = []): string | null {
  const c = new PathClassifier(include, exclude).classify(path);
  return c === null ? null : `${c.via} ${c.definite ? 'definite' : 'sniff'} ${c.roles.join('|')}`;
}

describe('PathClassifier', () => {
  const cases: [string, string | null][] = [
    ['main.cf', 'pattern definite main.cf'],
    ['etc/postfix/master.cf', 'pattern definite master.cf'],
    ['etc/mail/sendmail.cf', 'pattern definite sendmail.cf'],
    ['etc/mail/submit.cf', 'pattern definite sendmail.cf'],
    ['cf/sendmail.mc', 'pattern definite sendmail.mc'],
    ['a/main.cf.proto', 'pattern sniff main.cf'],
    ['a/master.cf.dpkg-dist', 'pattern sniff master.cf'],
    ['a/main.cf.j2', 'pattern definite main.cf'],
    ['roles/m/templates/sendmail.mc.jinja2', 'pattern definite sendmail.mc'],
    ['a/main.cf.erb', 'pattern definite main.cf'],
    ['a/main.cf.bak.erb', null],
    ['templates/nginx.conf.j2', null],
    ['a/main.cf.', null],
    ['.hidden/postfix/x/relay.cf', 'pattern sniff main.cf|master.cf'],
    ['mail/local.cf', 'pattern sniff sendmail.cf'],
    ['x/relay.mc', 'pattern sniff sendmail.mc'],
    ['relay.cf', null],
    ['postfix.cf', null],
    ['Main.cf', null],
    ['src/main.c', null],
    ['node_modules/p/main.cf', null],
    ['a/vendor/main.cf', null],
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
    assert.equal(cls('x/main.cf', ['**'], ['x/**']), null);
    assert.equal(cls('node_modules/p/main.cf', ['node_modules/p']), 'pattern definite main.cf');
  });

  it('keeps explicitly named files whatever excludes say', () => {
    assert.equal(new PathClassifier([], ['**'])?.classify('x/main.cf', true)?.via, 'explicit');
  });
});

describe('isPlainVariantSuffix', () => {
  for (const s of ['proto', 'default', 'dist', 'rpmnew', 'prod', '20240101']) it(`${s} is plain`, () => assert.equal(isPlainVariantSuffix(s), true));
  for (const s of ['j2', 'ERB', 'prod.tmpl', 'bak', 'orig.1', 'old', 'swp', 'gz', 'save~', '']) it(`${s} is not`, () => assert.equal(isPlainVariantSuffix(s), false));
});
