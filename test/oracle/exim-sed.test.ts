// `sed -i` on update-exim4.conf.conf, differentially: GNU sed itself edits
// the packaged settings file relaygate assumes after `apt-get install
// exim4-daemon-light`, Debian's update-exim4.conf builds the configuration
// from it and exim answers an SMTP dialogue from an outside client
// (`exim4 -bh`); relaygate scans a Dockerfile running the same sed. The
// relay verdicts must agree. Every script empties dc_local_interfaces, so
// exposure (which -bh does not test) is the same on both sides; the client
// is outside every network the scripts name but the world-wide ones.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import { scan } from '../../src/scan.js';
import { PACKAGED_SETTINGS } from '../../src/sources/replay/other-mtas.js';
import { EXIM, eximCheck, requireUnpacked, updateExim4Conf } from '../helpers/mta-oracles.js';
import { temporaryTrees } from '../helpers/temp-tree.js';

const tree = temporaryTrees('exim-sed-oracle');

interface Script {
  expressions: string[];
  extended?: boolean;
}

const EVERYWHERE = 's/^dc_local_interfaces=.*/dc_local_interfaces=/';
const INTERNET = 's/^dc_eximconfig_configtype=.*/dc_eximconfig_configtype=internet/';

const SCRIPTS: Script[] = [
  { expressions: [EVERYWHERE] },
  { expressions: [EVERYWHERE, INTERNET] },
  { expressions: [EVERYWHERE, INTERNET, 's|^dc_relay_nets=.*|dc_relay_nets=0.0.0.0/0|'] },
  { expressions: [EVERYWHERE, INTERNET, 's|^dc_relay_nets=.*|dc_relay_nets=10.0.0.0/8|'] },
  { expressions: [EVERYWHERE, INTERNET, 's/^(dc_relay_nets)=.*/\\1=198.51.100.0\\/24/'], extended: true },
  { expressions: [EVERYWHERE, INTERNET, '/^dc_relay_nets=/d', '$a dc_relay_nets=*'] },
  { expressions: [EVERYWHERE, INTERNET, '/^dc_relay_nets=/c dc_relay_nets=192.0.2.0/24'] },
  { expressions: [EVERYWHERE, 's/^dc_eximconfig_configtype=.*/dc_eximconfig_configtype=smarthost/', 's|^dc_relay_nets=.*|dc_relay_nets=*|'] },
  { expressions: [EVERYWHERE, INTERNET, 's|^dc_relay_networks=.*|dc_relay_nets=*|'] },
  { expressions: ['s/^dc_/#dc_/', EVERYWHERE, INTERNET, 's|^#dc_relay_nets=.*|dc_relay_nets=*|'] },
];

/** GNU sed on the packaged file (the system's sed; the scripts are this test's own). */
function realSed(script: Script): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-sed-'));
  try {
    const file = path.join(dir, 'update-exim4.conf.conf');
    writeFileSync(file, `${PACKAGED_SETTINGS.join('\n')}\n`);
    const args = ['-i', ...(script.extended === true ? ['-E'] : []), ...script.expressions.flatMap((e) => ['-e', e]), file];
    const run = spawnSync('sed', args, { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ours(script: Script): Promise<'open' | 'closed' | 'unknown'> {
  const expressions = script.expressions.map((e) => `-e '${e}'`).join(' ');
  const dockerfile = `FROM debian:12\nRUN apt-get install -y exim4-daemon-light\nRUN sed -i ${script.extended === true ? '-E ' : ''}${expressions} /etc/exim4/update-exim4.conf.conf\n`;
  const result = await scan(defaultOptions(tree({ Dockerfile: dockerfile })));
  const found = result.findings.filter((f) => f.ruleId === 'exim-open-relay');
  if (found.length === 0) return 'closed';
  return found.every((f) => f.certainty === 'definite') ? 'open' : 'unknown';
}

test('exim oracle: sed -i on the packaged update-exim4.conf.conf, applied by GNU sed, built by update-exim4.conf, answered by exim -bh', async (t: TestContext) => {
  if (!requireUnpacked(t, EXIM)) return;
  const verdicts: string[] = [];
  for (const script of SCRIPTS) {
    const built = await updateExim4Conf(realSed(script));
    assert.equal(built.status, 0, built.stderr);
    const real = await eximCheck(built.config, '203.0.113.5', 'user@foreign.invalid', 'a@example.org', true);
    assert.ok(real.valid, real.error);
    const expected = real.rcpt.startsWith('250') ? 'open' : 'closed';
    const mine = await ours(script);
    verdicts.push(expected);
    assert.equal(mine, expected, `${script.expressions.join(' ; ')}: exim "${real.rcpt}", relaygate ${mine}`);
  }
  // Both outcomes are exercised.
  assert.ok(verdicts.includes('open') && verdicts.includes('closed'), verdicts.join(', '));
});
