import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleResult } from '../../../src/model/finding.js';
import type { Configuration } from '../../../src/mta/configuration.js';
import { rule as postfixRelay } from '../../../src/rules/stig-postfix-relay.js';
import { PROFILES } from '../../../src/rules/profiles.js';
import { memoryRepository } from '../../../src/sources/contracts/repository.js';
import { shellScript } from '../../../src/sources/ecosystems/shell-scripts/scripts.js';
import { assembleInstances } from '../../../src/sources/replay/instances.js';

function judge(path: string, text: string): RuleResult[] {
  const configs: Configuration[] = assembleInstances([shellScript.extract({ path, text }, memoryRepository({ [path]: text }))], new Map());
  return configs.flatMap((c) => postfixRelay.check(c, { profile: PROFILES.gen004710 }));
}

function rows(results: RuleResult[]): unknown[] {
  return results.map((r) => [r.span.file, r.span.line, r.span.column, r.certainty]);
}

describe('postconf -e with a parameter name relaygate cannot read may set any parameter', () => {
  it('a loop over the runtime environment: indeterminate, at the edit whose name is unknown', () => {
    const text = ['#!/bin/bash', 'postconf -e "myhostname = relay.example.test"', 'for var in ${!MTA_*}; do', '  postconf -e "${var#MTA_}=${!var}"', 'done', 'exec postfix start-fg', ''].join('\n');
    const results = judge('start.sh', text);
    assert.deepEqual(rows(results), [['start.sh', 4, 16, 'indeterminate']]);
    assert.match(results[0]?.message ?? '', /may be redefined by a line whose parameter name relaygate could not resolve/);
  });

  it('restrictions that pass, then `postconf -e "$KEY=$VALUE"`: no longer a pass', () => {
    const strict = 'postconf -e inet_interfaces=all "smtpd_client_restrictions=permit_mynetworks, reject"\n';
    assert.deepEqual(rows(judge('setup.sh', strict)), []);
    assert.deepEqual(rows(judge('setup.sh', `${strict}postconf -e "$KEY=$VALUE"\n`)), [['setup.sh', 1, 60, 'indeterminate']]);
    // Set again after the unknown one: known again.
    assert.deepEqual(rows(judge('setup.sh', `${strict}postconf -e "$KEY=$VALUE"\npostconf -e "smtpd_client_restrictions=permit_mynetworks, reject" inet_interfaces=all\n`)), []);
  });

  it('a name with known characters can only be a name that fits them', () => {
    const text = ['postconf -e inet_interfaces=all smtpd_client_restrictions=permit_mynetworks', 'for c in $CLASSES; do postconf -e "${c}_notice_recipient=postmaster"; done', ''].join('\n');
    assert.deepEqual(rows(judge('notify.sh', text)), [['notify.sh', 1, 59, 'definite']]);
  });
});
