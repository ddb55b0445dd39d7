import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN_MARK } from '../../../src/model/source.js';
import { PostfixParameters, definitionsOf } from '../../../src/mta/postfix/effective.js';
import { smtpdListeners } from '../../../src/mta/postfix/listeners.js';
import { interfacesAreLoopback, isLoopbackHost } from '../../../src/mta/postfix/loopback.js';
import { parseMainCf } from '../../../src/mta/postfix/main-cf.js';
import { parseMasterCf } from '../../../src/mta/postfix/master-cf.js';
import type { MasterService, PostfixConfiguration } from '../../../src/mta/postfix/model.js';
import { requireProgram } from '../../helpers/oracle.js';
import { collapse, postconfOn } from '../../helpers/postconf.js';

function main(text: string): PostfixParameters {
  return new PostfixParameters(parseMainCf({ path: 'main.cf', text }));
}

function service(master: string, name: string): MasterService {
  const found = parseMasterCf({ path: 'master.cf', text: master }).services.find((s) => s.name === name);
  assert.ok(found, `service ${name}`);
  return found;
}

function instance(mainText: string | null, masterText: string | null): PostfixConfiguration {
  return {
    mta: 'postfix',
    directory: '.',
    files: [],
    form: 'plain',
    diagnostics: [],
    mainCf: mainText === null ? null : parseMainCf({ path: 'main.cf', text: mainText }),
    masterCf: masterText === null ? null : parseMasterCf({ path: 'master.cf', text: masterText }),
  };
}

describe('PostfixParameters: main.cf', () => {
  it('takes the last definition and says which line it is', () => {
    const value = main('inet_interfaces = all\ninet_interfaces = loopback-only\n').get('inet_interfaces');
    assert.equal(value.value, 'loopback-only');
    assert.equal(value.origin.kind, 'main.cf');
    assert.equal(value.origin.kind === 'main.cf' && value.origin.definition.span.line, 2);
  });

  it('expands $name, ${name} and $(name), nested, and lists the definitions used', () => {
    const p = main('a = permit_mynetworks\nb = ${a}, $(c)\nc = reject\nsmtpd_client_restrictions = $b\n');
    const value = p.get('smtpd_client_restrictions');
    assert.equal(value.raw, '$b');
    assert.equal(value.value, 'permit_mynetworks, reject');
    assert.deepEqual(value.sources.map((s) => s.name), ['b', 'a', 'c']);
    assert.deepEqual(definitionsOf(value).map((d) => d.span.line), [4, 2, 1, 3]);
  });

  it('uses the built-in defaults, with their origin', () => {
    const p = main('myhostname = mx.example.com\n');
    assert.deepEqual([p.get('inet_interfaces').value, p.get('inet_interfaces').origin.kind], ['all', 'default']);
    assert.equal(p.get('smtpd_client_restrictions').value, '');
    assert.equal(p.get('smtpd_service_name').value, 'smtpd');
  });

  it('chooses compatibility_level dependent defaults', () => {
    const level0 = main('myhostname = mx\nmydomain = example.com\n');
    assert.equal(level0.get('smtpd_relay_restrictions').value, '');
    assert.equal(level0.get('mynetworks_style').value, 'subnet');
    assert.equal(level0.get('relay_domains').value, 'mx, localhost.example.com, localhost');
    const level1 = main('compatibility_level = 1\n');
    assert.equal(level1.get('smtpd_relay_restrictions').value, 'permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination');
    assert.equal(level1.get('mynetworks_style').value, 'subnet');
    const level36 = main('compatibility_level = 3.6\n');
    assert.equal(level36.get('mynetworks_style').value, 'host');
    assert.equal(level36.get('relay_domains').value, '');
    const indirect = main('compatibility_level = $level\nlevel = 2\n');
    assert.equal(indirect.get('mynetworks_style').value, 'host');
  });

  it('marks values built from unresolved template text', () => {
    const p = main(`x = ${UNKNOWN_MARK}\nsmtpd_client_restrictions = permit_mynetworks, $x\ncompatibility_level = ${UNKNOWN_MARK}\n`);
    assert.equal(p.get('smtpd_client_restrictions').unknown, true);
    assert.equal(p.get('inet_interfaces').unknown, false);
    assert.equal(p.get('mynetworks_style').unknown, true);
  });

  it('without a main.cf in the configuration, every parameter it would set is unknown', () => {
    const p = new PostfixParameters(null);
    const value = p.get('inet_interfaces');
    assert.equal(value.unknown, true);
    assert.deepEqual(value.origin, { kind: 'default', unknown: 'main.cf is not part of this configuration' });
    assert.equal(p.get('smtpd_client_restrictions').unknown, true);
  });

  it('edits over an unknown main.cf: unset parameters are unknown, except those no packaged main.cf sets', () => {
    const parsed = parseMainCf({ path: 'Dockerfile', text: 'myhostname = mx\n' });
    const p = new PostfixParameters({ ...parsed, unknownRest: { knownUnset: ['smtpd_client_restrictions'], why: 'the rest is unknown' } });
    assert.equal(p.get('myhostname').value, 'mx');
    assert.equal(p.get('inet_interfaces').unknown, true);
    assert.deepEqual(p.get('inet_interfaces').origin, { kind: 'default', unknown: 'the rest is unknown' });
    const restrictions = p.get('smtpd_client_restrictions');
    assert.deepEqual([restrictions.value, restrictions.unknown, restrictions.origin], ['', false, { kind: 'default' }]);
    // A level-dependent default follows an unknown compatibility_level.
    assert.equal(p.get('smtpd_relay_restrictions').unknown, true);
  });
});

describe('PostfixParameters: master.cf -o overrides', () => {
  const master =
    'submission inet n - y - - smtpd\n' +
    '  -o smtpd_client_restrictions=$mua_client_restrictions\n' +
    '  -o mua_client_restrictions=permit_sasl_authenticated,reject\n' +
    '  -o smtpd_client_restrictions=$mua_client_restrictions,$extra\n';
  const mainText = 'mua_client_restrictions = permit\nextra = dont_reject\nsmtpd_client_restrictions = permit_mynetworks, reject\n';

  it('lets the last -o of a name win for that service, expanding with its other overrides', () => {
    const p = main(mainText).forService(service(master, 'submission'));
    const value = p.get('smtpd_client_restrictions');
    assert.equal(value.origin.kind, 'override');
    assert.equal(value.origin.kind === 'override' && value.origin.definition.span.line, 4);
    assert.equal(value.value, 'permit_sasl_authenticated,reject,dont_reject');
    assert.deepEqual(
      value.sources.map((s) => [s.name, s.origin.kind]),
      [['mua_client_restrictions', 'override'], ['extra', 'main.cf']],
    );
  });

  it('leaves main.cf in force for everyone else', () => {
    assert.equal(main(mainText).get('smtpd_client_restrictions').value, 'permit_mynetworks, reject');
  });
});

describe('loopback', () => {
  it('knows loopback hosts and nothing else', () => {
    const cases: Array<[string, boolean | 'unknown']> = [
      ['127.0.0.1', true],
      ['127.3.4.5', true],
      ['::1', true],
      ['[::1]', true],
      ['::ffff:127.0.0.1', true],
      ['localhost', true],
      ['LOCALHOST', true],
      ['loopback-only', true],
      ['localhost.localdomain', false],
      ['mail.example.com', false],
      ['192.0.2.1', false],
      ['0.0.0.0', false],
      ['all', false],
      [`${UNKNOWN_MARK}`, 'unknown'],
    ];
    for (const [host, expected] of cases) assert.equal(isLoopbackHost(host), expected, host);
  });

  it('needs every inet_interfaces item to be loopback', () => {
    assert.equal(interfacesAreLoopback(['127.0.0.1', '[::1]']), true);
    assert.equal(interfacesAreLoopback(['127.0.0.1', '192.0.2.1']), false);
    assert.equal(interfacesAreLoopback(['127.0.0.1', UNKNOWN_MARK]), 'unknown');
    assert.equal(interfacesAreLoopback([UNKNOWN_MARK, '192.0.2.1']), false);
    assert.equal(interfacesAreLoopback([]), false);
  });
});

describe('smtpdListeners', () => {
  const shape = (config: PostfixConfiguration): Array<[string, string, boolean | 'unknown', boolean]> =>
    smtpdListeners(config).map((l) => [l.label, l.smtpd.name, l.external, l.stock]);

  it('assumes the stock smtp service without a master.cf', () => {
    assert.deepEqual(shape(instance('inet_interfaces = all\n', null)), [['*:smtp', 'smtp', true, true]]);
    assert.deepEqual(shape(instance('inet_interfaces = loopback-only\n', null)), [['*:smtp', 'smtp', false, true]]);
  });

  it('binds host:port services to their host, whatever inet_interfaces says', () => {
    const master = '127.0.0.1:smtp inet n - y - - smtpd\n192.0.2.1:2525 inet n - y - - smtpd\n[::1]:submission inet n - y - - smtpd\n';
    assert.deepEqual(shape(instance('inet_interfaces = loopback-only\n', master)), [
      ['127.0.0.1:smtp', '127.0.0.1:smtp', false, false],
      ['192.0.2.1:2525', '192.0.2.1:2525', true, false],
      ['[::1]:submission', '[::1]:submission', false, false],
    ]);
  });

  it('skips commented-out lines, unix services and bare pass services', () => {
    const master = '#smtp inet n - y - - smtpd\npickup unix n - y 60 1 pickup\nsmtpd pass - - y - - smtpd\n';
    assert.deepEqual(shape(instance('', master)), []);
  });

  it('follows postscreen to the pass service named by its smtpd_service_name', () => {
    const master =
      'smtp inet n - y - 1 postscreen -o smtpd_service_name=smtpd2\n' +
      'smtpd pass - - y - - smtpd\n' +
      'smtpd2 pass - - y - - smtpd -o smtpd_client_restrictions=reject\n';
    const [listener] = smtpdListeners(instance('', master));
    assert.equal(listener?.smtpd.name, 'smtpd2');
    assert.equal(listener?.parameters.get('smtpd_client_restrictions').value, 'reject');
  });
});

describe('oracle: postconf agrees with the effective values', () => {
  const MAIN_CASES = [
    '',
    'compatibility_level = 1\n',
    'compatibility_level = 2\n',
    'compatibility_level = 3.6\n',
    'compatibility_level = $lvl\nlvl = 3.7\n',
    'a = permit_mynetworks\nsmtpd_client_restrictions = $a,\n  reject\ninet_interfaces = 127.0.0.1, [::1]\n',
    'smtpd_client_restrictions = ${a?{$a, reject}:{permit}}\n',
    'smtpd_client_restrictions = permit\nsmtpd_client_restrictions = permit_mynetworks reject\n#inet_interfaces = all\n',
  ];
  const NAMES = ['inet_interfaces', 'smtpd_client_restrictions', 'smtpd_relay_restrictions', 'mynetworks_style'];

  it('main.cf: postconf -xh', async (t) => {
    if (!requireProgram(t, 'postconf')) return;
    for (const text of MAIN_CASES) {
      const [run] = await postconfOn(text, '', [['-xh', ...NAMES]]);
      assert.equal(run?.status, 0, run?.stderr);
      const p = main(text);
      assert.deepEqual(
        NAMES.map((n) => collapse(p.get(n).value)),
        (run?.stdout ?? '').split('\n').slice(0, NAMES.length).map(collapse),
        JSON.stringify(text),
      );
    }
  });

  it('master.cf: postconf -xP expands each override with its service\'s overrides', async (t) => {
    if (!requireProgram(t, 'postconf')) return;
    const mainText = 'foo = permit_mynetworks\nbar = reject\n';
    const master =
      'smtp inet n - y - - smtpd\n' +
      'submission inet n - y - - smtpd -o smtpd_client_restrictions=$foo,$bar -o foo=permit_sasl_authenticated\n' +
      '127.0.0.1:10025 inet n - n - - smtpd -o { smtpd_client_restrictions = $bar $foo }\n';
    const [run] = await postconfOn(mainText, master, [['-xP']]);
    assert.equal(run?.status, 0, run?.stderr);
    const theirs = (run?.stdout ?? '').trim().split('\n').sort();
    const p = main(mainText);
    const ours: string[] = [];
    for (const s of parseMasterCf({ path: 'master.cf', text: master }).services) {
      const sp = p.forService(s);
      for (const o of s.overrides) ours.push(`${s.name}/${s.type}/${o.name} = ${sp.get(o.name).value}`);
    }
    assert.deepEqual(ours.sort(), theirs);
  });
});
