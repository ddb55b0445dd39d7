import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { parseMainCf } from '../../src/mta/postfix/main-cf.js';
import type { PostfixConfiguration } from '../../src/mta/postfix/model.js';
import { PROFILES } from '../../src/rules/profiles.js';
import { rule } from '../../src/rules/stig-postfix-relay.js';

// A template loop over unresolved data (`{% for k, v in merged.items() %}{{ k }} = {{ v }}`)
// renders a definition whose NAME is unknown: it may set any parameter.
const U = UNKNOWN_MARK;

function judge(text: string): Array<[number, number, string, string]> {
  const mainCf = parseMainCf({ path: 'templates/main.cf.j2', text });
  const config: PostfixConfiguration = {
    mta: 'postfix', files: ['templates/main.cf.j2'], form: 'jinja2', diagnostics: mainCf.diagnostics,
    directory: 'templates', mainCf, masterCf: null,
  };
  return rule.check(config, { profile: PROFILES.gen004710 }).map((r) => [r.span.line, r.span.column, r.level, r.certainty]);
}

describe('stig-postfix-relay: definitions with an unresolved parameter name', () => {
  it('turns a missing smtpd_client_restrictions into indeterminate, not a definite finding', () => {
    assert.deepEqual(judge(`${U} = ${U}\n`), [[1, 1, 'error', 'indeterminate']]);
  });

  it('turns a passing value defined before the unknown name into indeterminate, not a pass', () => {
    assert.deepEqual(judge(`smtpd_client_restrictions = permit_mynetworks, reject\n${U} = ${U}\n`), [[1, 29, 'error', 'indeterminate']]);
  });

  it('keeps a value defined after the unknown name definite', () => {
    assert.deepEqual(judge(`${U} = ${U}\nsmtpd_client_restrictions = permit_mynetworks, reject\n`), []);
    // The restrictions are known after it, but the unknown line may be inet_interfaces = loopback-only.
    assert.deepEqual(judge(`${U} = ${U}\nsmtpd_client_restrictions = permit, reject\n`), [[2, 29, 'error', 'indeterminate']]);
    assert.deepEqual(judge(`${U} = ${U}\ninet_interfaces = all\nsmtpd_client_restrictions = permit, reject\n`), [[3, 29, 'error', 'definite']]);
  });
});
