import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type * as Sarif from 'sarif';
import { RULES } from '../../src/rules/index.js';
import { buildSarif, renderSarif, SARIF_MAX_RELATED_LOCATIONS, SARIF_MAX_RESULTS } from '../../src/report/sarif.js';
import { finding, report } from './fixture.js';
import { sarifSchemaErrors } from './sarif-schema.js';

/** Every path in the value that holds an empty (or blank) string: code scanning rejects them. */
function emptyStrings(value: unknown, path = '$'): string[] {
  if (typeof value === 'string') return value.trim().length === 0 ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyStrings(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...(k.length === 0 ? [`${path}.<empty key>`] : []), ...emptyStrings(v, `${path}.${k}`)]);
  }
  return [];
}

/**
 * The upload requirements of github-platform.md ("SARIF for code scanning"),
 * checked structurally since there is no network to ask GitHub.
 */
function codeScanningProblems(log: Sarif.Log): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const isText = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;
  const isLine = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
  need(isText(log.$schema), '$schema');
  need(log.version === '2.1.0', 'version');
  need(Array.isArray(log.runs) && log.runs.length >= 1 && log.runs.length <= 20, 'runs (1-20)');
  for (const [r, run] of (log.runs ?? []).entries()) {
    const driver = run.tool?.driver;
    need(isText(driver?.name), `runs[${r}].tool.driver.name`);
    const rules = driver?.rules ?? [];
    need(rules.length > 0, `runs[${r}].tool.driver.rules`);
    for (const [i, rule] of rules.entries()) {
      need(isText(rule.id), `rules[${i}].id`);
      need(isText(rule.shortDescription?.text), `rules[${i}].shortDescription.text`);
      need(isText(rule.fullDescription?.text), `rules[${i}].fullDescription.text`);
      need(isText(rule.help?.text), `rules[${i}].help.text`);
      const sev = rule.properties?.['security-severity'];
      need(typeof sev === 'string' && /^\d+\.\d$/.test(sev) && Number(sev) >= 0.1 && Number(sev) <= 10, `rules[${i}] security-severity`);
    }
    const ids = new Set(rules.map((rule) => rule.id));
    const results = run.results ?? [];
    need(results.length <= 25_000, `runs[${r}] at most 25,000 results`);
    for (const [i, res] of results.entries()) {
      need(isText(res.ruleId) && ids.has(res.ruleId!), `results[${i}].ruleId names a rule`);
      need(res.ruleIndex === undefined || rules[res.ruleIndex]?.id === res.ruleId, `results[${i}].ruleIndex`);
      need(isText(res.message?.text), `results[${i}].message.text`);
      const loc = res.locations?.[0]?.physicalLocation;
      const uri = loc?.artifactLocation?.uri;
      need(isText(uri) && !uri!.startsWith('/') && !uri!.includes('\\') && !/^[a-z]+:/i.test(uri!), `results[${i}] relative POSIX uri`);
      const region = loc?.region;
      need(isLine(region?.startLine), `results[${i}].region.startLine`);
      if (region?.endLine !== undefined) need(region.endLine >= region.startLine!, `results[${i}] endLine >= startLine`);
      if (region?.endColumn !== undefined) {
        need(region.startColumn !== undefined, `results[${i}] endColumn needs startColumn`);
        if ((region.endLine ?? region.startLine) === region.startLine) need(region.endColumn > region.startColumn!, `results[${i}] endColumn > startColumn`);
      }
      // upload-sarif computes primaryLocationLineHash itself and warns when a tool writes an inconsistent one.
      need(res.partialFingerprints?.['primaryLocationLineHash'] === undefined, `results[${i}] leaves primaryLocationLineHash to upload-sarif`);
      need(isText(res.partialFingerprints?.['relaygate/v1']), `results[${i}].partialFingerprints['relaygate/v1']`);
      need((res.locations?.length ?? 0) + (res.relatedLocations?.length ?? 0) <= 1000, `results[${i}] at most 1,000 locations`);
    }
  }
  for (const p of emptyStrings(log)) problems.push(`empty string at ${p}`);
  for (const e of sarifSchemaErrors(log)) problems.push(`schema: ${e}`);
  return problems;
}

describe('SARIF', () => {
  it('describes every rule of RULES with the fields code scanning needs', () => {
    const log = buildSarif(report([]));
    assert.deepEqual(codeScanningProblems(log), []);
    const rules = log.runs[0]!.tool.driver.rules!;
    assert.deepEqual(
      rules.map((r) => r.id),
      RULES.map((r) => r.meta.id),
    );
    assert.ok(rules.some((r) => r.id === 'invalid-suppression'));
    const stig = rules.find((r) => r.id === 'stig-postfix-relay')!;
    assert.equal(stig.name, 'StigPostfixRelay');
    assert.equal(stig.defaultConfiguration?.level, 'error');
    assert.equal(stig.properties?.['security-severity'], '8.0');
    assert.deepEqual(stig.properties?.['tags'], ['security', 'stig', 'mail-relay']);
    assert.equal(stig.properties?.['precision'], 'very-high');
    assert.ok(stig.help?.markdown?.includes('GEN004710'));
    assert.equal(stig.helpUri, 'https://github.com/relaygate/relaygate/blob/v1.2.3/docs/rules/stig-postfix-relay.md');
    assert.ok(stig.help?.markdown?.endsWith('[Rule documentation](https://github.com/relaygate/relaygate/blob/v1.2.3/docs/rules/stig-postfix-relay.md)'));
    const unreadable = rules.find((r) => r.id === 'config-unreadable')!;
    assert.deepEqual(unreadable.properties?.['tags'], ['security', 'mail-relay']);
  });

  it('writes the envelope and driver exactly', () => {
    const log = buildSarif(report([]));
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'relaygate');
    assert.equal(run.tool.driver.version, '1.2.3');
    assert.equal(run.tool.driver.informationUri, 'https://github.com/relaygate/relaygate');
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.invocations, [{ executionSuccessful: true }]);
    assert.equal(run.properties, undefined);
  });

  it('maps a finding to a result with region, fingerprint, related locations and STIG ids', () => {
    const f = finding({
      related: [{ file: 'group_vars/all.yml', line: 3, column: 5, message: 'value comes from here' }],
    });
    const log = buildSarif(report([f]));
    assert.deepEqual(codeScanningProblems(log), []);
    const ruleIndex = RULES.findIndex((r) => r.meta.id === 'stig-postfix-relay');
    assert.deepEqual(log.runs[0]!.results, [
      {
        ruleId: 'stig-postfix-relay',
        ruleIndex,
        level: 'error',
        message: {
          text: 'smtpd_client_restrictions is empty, so any client may relay. Fix: Set smtpd_client_restrictions = permit_mynetworks, reject.',
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'roles/mail/main.cf', uriBaseId: '%SRCROOT%' },
              region: { startLine: 12, endLine: 12, startColumn: 1, endColumn: 30 },
            },
          },
        ],
        partialFingerprints: { 'relaygate/v1': '0123456789abcdef0123456789abcdef' },
        relatedLocations: [
          {
            id: 1,
            physicalLocation: {
              artifactLocation: { uri: 'group_vars/all.yml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 5 },
            },
            message: { text: 'value comes from here' },
          },
        ],
        properties: {
          certainty: 'definite',
          mta: 'postfix',
          stigIds: ['GEN004710', 'V-218553'],
          fix: 'Set smtpd_client_restrictions = permit_mynetworks, reject.',
        },
      },
    ]);
  });

  it('marks inline suppressions inSource with the reason; baseline matches are unchanged, not suppressed', () => {
    const log = buildSarif(
      report([
        finding({ suppressed: { kind: 'inline', reason: 'ISSO ticket 42', file: 'roles/mail/main.cf', line: 11 } }),
        finding({ line: 20, endLine: 20, suppressed: { kind: 'baseline', reason: 'recorded in the baseline' } }),
        finding({ line: 30, endLine: 30 }),
      ]),
    );
    assert.deepEqual(codeScanningProblems(log), []);
    const [a, b, c] = log.runs[0]!.results!;
    assert.deepEqual(a!.suppressions, [
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'ISSO ticket 42',
        location: {
          physicalLocation: { artifactLocation: { uri: 'roles/mail/main.cf', uriBaseId: '%SRCROOT%' }, region: { startLine: 11 } },
        },
      },
    ]);
    // Known debt is not accepted risk: no suppression, and baselineState on every result of the run.
    assert.equal(b!.suppressions, undefined);
    assert.deepEqual([a!.baselineState, b!.baselineState, c!.baselineState], ['new', 'unchanged', 'new']);
  });

  it('writes no baselineState when no baseline was matched', () => {
    const log = buildSarif(report([finding()]));
    assert.equal(log.runs[0]!.results![0]!.baselineState, undefined);
  });

  it('turns replacements into a fix: one artifactChange per file, deletions without insertedContent', () => {
    const f = finding({
      replacements: [
        { file: 'roles/mail/main.cf', line: 12, column: 48, endLine: 12, endColumn: 54, text: 'reject' },
        { file: 'roles/mail/main.cf', line: 14, column: 1, endLine: 15, endColumn: 1, text: '' },
        { file: 'roles/mail/defaults/main.yml', line: 3, column: 1, endLine: 3, endColumn: 1, text: '  - reject\n' },
      ],
    });
    const log = buildSarif(report([f]), { root: 'infra' });
    assert.deepEqual(codeScanningProblems(log), []);
    assert.deepEqual(log.runs[0]!.results![0]!.fixes, [
      {
        description: { text: 'Set smtpd_client_restrictions = permit_mynetworks, reject.' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'infra/roles/mail/main.cf', uriBaseId: '%SRCROOT%' },
            replacements: [
              { deletedRegion: { startLine: 12, startColumn: 48, endLine: 12, endColumn: 54 }, insertedContent: { text: 'reject' } },
              { deletedRegion: { startLine: 14, startColumn: 1, endLine: 15, endColumn: 1 } },
            ],
          },
          {
            artifactLocation: { uri: 'infra/roles/mail/defaults/main.yml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 1 }, insertedContent: { text: '  - reject\n' } }],
          },
        ],
      },
    ]);
    assert.equal(buildSarif(report([finding()])).runs[0]!.results![0]!.fixes, undefined);
  });

  it('writes URIs relative to the repository root when the scan root is below it', () => {
    const f = finding({
      file: 'ansible/main.cf',
      related: [{ file: 'ansible/vars.yml', line: 2, message: 'from here' }],
      suppressed: { kind: 'inline', reason: 'lab', file: 'ansible/main.cf', line: 11 },
    });
    const uris = (root: string | undefined): string[] => {
      const res = buildSarif(report([f]), root === undefined ? {} : { root }).runs[0]!.results![0]!;
      return [
        res.locations![0]!.physicalLocation!.artifactLocation!.uri!,
        res.relatedLocations![0]!.physicalLocation!.artifactLocation!.uri!,
        res.suppressions![0]!.location!.physicalLocation!.artifactLocation!.uri!,
      ];
    };
    assert.deepEqual(uris('examples'), ['examples/ansible/main.cf', 'examples/ansible/vars.yml', 'examples/ansible/main.cf']);
    assert.deepEqual(uris('deploy/mail/'), ['deploy/mail/ansible/main.cf', 'deploy/mail/ansible/vars.yml', 'deploy/mail/ansible/main.cf']);
    assert.deepEqual(uris(''), ['ansible/main.cf', 'ansible/vars.yml', 'ansible/main.cf']);
    assert.deepEqual(uris(undefined), ['ansible/main.cf', 'ansible/vars.yml', 'ansible/main.cf']);
  });

  it('writes the category as runAutomationDetails.id, with the trailing slash upload-sarif uses', () => {
    assert.deepEqual(buildSarif(report([]), { category: 'relaygate-nightly' }).runs[0]!.automationDetails, { id: 'relaygate-nightly/' });
    assert.deepEqual(buildSarif(report([]), { category: 'mail/' }).runs[0]!.automationDetails, { id: 'mail/' });
    assert.equal(buildSarif(report([]), { category: '  ' }).runs[0]!.automationDetails, undefined);
    assert.deepEqual(codeScanningProblems(buildSarif(report([finding()]), { category: 'x' })), []);
  });

  it('never writes an empty string, even for findings with empty fields', () => {
    const f = finding({
      message: '',
      fix: '',
      ids: ['', 'GEN004710'],
      fingerprint: '',
      related: [{ file: 'x.yml', line: 1, message: '' }],
      suppressed: { kind: 'inline', reason: '' },
    });
    const log = buildSarif(report([f]));
    assert.deepEqual(emptyStrings(log), []);
    assert.deepEqual(codeScanningProblems(log), []);
    const res = log.runs[0]!.results![0]!;
    assert.equal(res.message.text, 'stig-postfix-relay finding.');
    assert.equal(res.partialFingerprints!['relaygate/v1'], 'stig-postfix-relay:roles/mail/main.cf:12');
    assert.deepEqual(res.properties?.['stigIds'], ['GEN004710']);
    assert.deepEqual(res.suppressions, [{ kind: 'inSource', status: 'accepted' }]);
  });

  it('validates against the SARIF 2.1.0 schema, and the schema check can fail', () => {
    assert.deepEqual(sarifSchemaErrors(buildSarif(report([finding()]))), []);
    const broken = buildSarif(report([finding()])) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    assert.ok(sarifSchemaErrors(broken).some((e) => e.startsWith('/runs/0/results/0/level')), sarifSchemaErrors(broken).join('\n'));
  });

  it('keeps regions valid: columns only when they form a range, multi-line ends kept', () => {
    const log = buildSarif(
      report([
        finding({ line: 4, column: 1, endLine: 6, endColumn: 1 }),
        finding({ line: 5, column: 3, endLine: 5, endColumn: 3 }),
        finding({ line: 0, column: 0, endLine: 0, endColumn: 0 }),
      ]),
    );
    assert.deepEqual(codeScanningProblems(log), []);
    assert.deepEqual(
      log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.region),
      [
        { startLine: 4, endLine: 6, startColumn: 1, endColumn: 1 },
        { startLine: 5, endLine: 5, startColumn: 3 },
        { startLine: 1, endLine: 1 },
      ],
    );
  });

  it('percent-encodes paths into relative URIs', () => {
    const log = buildSarif(report([finding({ file: './my role/main:cf#1.cf' })]));
    assert.equal(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'my%20role/main%3Acf%231.cf');
  });

  it('gives a rule id RULES does not know its own descriptor', () => {
    const log = buildSarif(report([finding({ ruleId: 'some-future-rule', mta: 'exim' })]));
    assert.deepEqual(codeScanningProblems(log), []);
    const rules = log.runs[0]!.tool.driver.rules!;
    assert.equal(rules.length, RULES.length + 1);
    assert.equal(rules[RULES.length]!.id, 'some-future-rule');
    assert.equal(rules[RULES.length]!.helpUri, 'https://github.com/relaygate/relaygate#rules');
    assert.equal(log.runs[0]!.results![0]!.ruleIndex, RULES.length);
  });

  it(`caps related locations at ${SARIF_MAX_RELATED_LOCATIONS} locations per result`, () => {
    const related = Array.from({ length: 1500 }, (_, i) => ({ file: 'vars.yml', line: i + 1, message: 'here' }));
    const log = buildSarif(report([finding({ related })]));
    assert.deepEqual(codeScanningProblems(log), []);
    const res = log.runs[0]!.results![0]!;
    assert.equal(res.relatedLocations!.length, 999);
    assert.equal(res.properties?.['relatedLocationsOmitted'], 501);
  });

  it(`truncates to ${SARIF_MAX_RESULTS} results by severity and records it`, () => {
    const findings = [
      // Notes first in the report: they must be the ones dropped.
      ...Array.from({ length: 20 }, (_, i) => finding({ level: 'note', line: i + 1, endLine: i + 1, fingerprint: `note${i}` })),
      ...Array.from({ length: 10 }, (_, i) =>
        finding({ level: 'error', line: i + 1, endLine: i + 1, fingerprint: `supp${i}`, suppressed: { kind: 'baseline', reason: 'old' } }),
      ),
      ...Array.from({ length: SARIF_MAX_RESULTS - 5 }, (_, i) =>
        finding({ level: i % 2 ? 'error' : 'warning', line: i + 1, endLine: i + 1, fingerprint: `f${i}` }),
      ),
    ];
    const log = buildSarif(report(findings));
    const run = log.runs[0]!;
    const results = run.results!;
    assert.equal(results.length, SARIF_MAX_RESULTS);
    // All active errors and warnings kept, 5 notes kept, no suppressed result kept.
    assert.equal(results.filter((r) => r.level === 'note').length, 5);
    assert.equal(results.filter((r) => r.suppressions !== undefined).length, 0);
    // The report's order is kept among the survivors.
    assert.deepEqual(
      results.slice(0, 6).map((r) => r.partialFingerprints!['relaygate/v1']),
      ['note0', 'note1', 'note2', 'note3', 'note4', 'f0'],
    );
    assert.deepEqual(run.properties, { truncated: true, totalResults: 25_025, omittedResults: 25 });
    assert.equal(run.invocations![0]!.toolExecutionNotifications![0]!.level, 'warning');
    assert.equal(
      run.invocations![0]!.toolExecutionNotifications![0]!.message.text,
      '25 of 25025 results were left out: GitHub code scanning accepts at most 25000 per run, so the most severe were kept. The JSON report lists every finding.',
    );
    assert.deepEqual(codeScanningProblems(log), []);
  });

  it('shrinks to the gzip cap, most severe first, and says so', () => {
    // Incompressible messages, so the size grows with the number of results.
    let seed = 7;
    const noise = (): string => Array.from({ length: 300 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join('');
    const findings = Array.from({ length: 400 }, (_, i) =>
      finding({ level: i < 100 ? 'error' : 'note', line: i + 1, endLine: i + 1, fingerprint: `f${i}`, message: noise() }),
    );
    const log = buildSarif(report(findings), { maxGzipBytes: 60_000 });
    const size = gzipSync(JSON.stringify(log, null, 2)).length;
    assert.ok(size <= 60_000, `${size} bytes`);
    const run = log.runs[0]!;
    const kept = run.results!.length;
    assert.ok(kept > 100 && kept < 400, `${kept} results`);
    assert.equal(run.results!.filter((r) => r.level === 'error').length, 100);
    assert.deepEqual(run.properties, { truncated: true, totalResults: 400, omittedResults: 400 - kept });
    assert.equal(
      run.invocations![0]!.toolExecutionNotifications![0]!.message.text,
      `${400 - kept} of 400 results were left out: GitHub code scanning accepts at most 60000 bytes of gzip-compressed SARIF, so the most severe were kept. The JSON report lists every finding.`,
    );
    assert.deepEqual(codeScanningProblems(log), []);
    assert.equal(buildSarif(report(findings)).runs[0]!.properties, undefined);
  });

  it('renders indented JSON with a final newline', () => {
    const text = renderSarif(report([finding()]));
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(JSON.parse(text), buildSarif(report([finding()])));
  });
});
