/**
 * The Debian row of the packaged-main.cf table checked against Debian's own
 * postfix package on this machine: the debconf templates and maintainer
 * scripts it installs, and postconf reading the main.cf the postinst copies.
 * Where the package is not installed the test skips with a message (CI
 * installs postfix from Debian, so there it runs).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it, type TestContext } from 'node:test';
import { PACKAGED, UNSET_IN_EVERY_PACKAGED_MAIN_CF } from '../../src/sources/replay/base.js';
import { requireProgram } from '../helpers/oracle.js';
import { postconfOn } from '../helpers/postconf.js';

const TEMPLATES = '/var/lib/dpkg/info/postfix.templates';
const CONFIG = '/var/lib/dpkg/info/postfix.config';
const POSTINST = '/var/lib/dpkg/info/postfix.postinst';
const MAIN_CF_DEBIAN = '/usr/share/postfix/main.cf.debian';
const MASTER_CF_DIST = '/usr/share/postfix/master.cf.dist';

function packageFiles(t: TestContext): boolean {
  const missing = [TEMPLATES, CONFIG, POSTINST, MAIN_CF_DEBIAN, MASTER_CF_DIST].filter((f) => !existsSync(f));
  if (missing.length === 0) return true;
  if (process.env.RELAYGATE_REQUIRE_ORACLES === '1') throw new Error(`Debian's postfix package is not installed (${missing.join(', ')}), and RELAYGATE_REQUIRE_ORACLES=1 requires it`);
  t.skip(`Debian's postfix package is not installed (${missing[0]}): oracle test skipped`);
  return false;
}

/** The `Default:` of a debconf template. */
function templateDefault(name: string): string | undefined {
  const block = readFileSync(TEMPLATES, 'utf8').split('\n\n').find((b) => b.startsWith(`Template: ${name}\n`));
  return block?.split('\n').find((l) => l.startsWith('Default: '))?.slice('Default: '.length);
}

function debianValue(name: string): string | undefined {
  return PACKAGED.debian.parameters?.find(([n]) => n === name)?.[1];
}

describe("the Debian family's packaged main.cf, against Debian's postfix package", () => {
  it('a fresh noninteractive install answers "Internet Site", unless /etc/postfix/main.cf already exists', (t) => {
    if (!packageFiles(t)) return;
    assert.equal(templateDefault('postfix/main_mailer_type'), 'Internet Site');
    const config = readFileSync(CONFIG, 'utf8');
    // The only switch to "No configuration" is for a machine that already has a main.cf.
    assert.match(config, /if \(-f "\/etc\/postfix\/main\.cf"\) \{\s*set\("postfix\/main_mailer_type", "No configuration"\);/);
  });

  it('mynetworks and smtpd_relay_restrictions are what the postinst writes into a new main.cf', (t) => {
    if (!packageFiles(t)) return;
    assert.equal(templateDefault('postfix/mynetworks'), debianValue('mynetworks'));
    const postinst = readFileSync(POSTINST, 'utf8');
    assert.ok(postinst.includes(`postconf -e "smtpd_relay_restrictions=${debianValue('smtpd_relay_restrictions') ?? ''}"`));
    assert.ok(postinst.includes('cp /usr/share/postfix/main.cf.debian main.cf'));
  });

  it('inet_interfaces: all for Internet Site, loopback-only for Satellite system and Local only', (t) => {
    if (!packageFiles(t)) return;
    const postinst = readFileSync(POSTINST, 'utf8');
    const mapping = /case "\$mailer" in\s*"Local only"\)\s*val=loopback-only;[^\n]*\n\s*"Satellite system"\)\s*val=loopback-only;;\s*\*\)\s*val=(\w+);;/.exec(postinst);
    assert.equal(mapping?.[1], debianValue('inet_interfaces'));
  });

  it('compatibility_level, as postconf reads the copied main.cf.debian; no smtpd_client_restrictions anywhere', async (t) => {
    if (!packageFiles(t) || !requireProgram(t, 'postconf')) return;
    const [level, restrictions] = await postconfOn(readFileSync(MAIN_CF_DEBIAN, 'utf8'), readFileSync(MASTER_CF_DIST, 'utf8'), [['-h', 'compatibility_level'], ['-n']]);
    assert.equal(level?.stdout.trim(), debianValue('compatibility_level'));
    for (const name of UNSET_IN_EVERY_PACKAGED_MAIN_CF) {
      assert.equal(restrictions?.stdout.includes(`${name} =`), false);
      assert.equal(readFileSync(POSTINST, 'utf8').includes(name), false);
    }
  });

  it('the packaged master.cf has the smtp inet smtpd service relaygate assumes', async (t) => {
    if (!packageFiles(t) || !requireProgram(t, 'postconf')) return;
    const [services] = await postconfOn(readFileSync(MAIN_CF_DEBIAN, 'utf8'), readFileSync(MASTER_CF_DIST, 'utf8'), [['-M', 'smtp/inet']]);
    assert.match(services?.stdout ?? '', /^smtp\s+inet\s+n\s+-\s+y\s+-\s+-\s+smtpd$/m);
  });
});
