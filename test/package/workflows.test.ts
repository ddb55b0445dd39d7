import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

const workflows = readdirSync('.github/workflows')
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => [f, parse(readFileSync(`.github/workflows/${f}`, 'utf8')) as Workflow] as const);
const steps = workflows.flatMap(([file, w]) => Object.entries(w.jobs).flatMap(([job, j]) => j.steps.map((s) => ({ file, job, step: s }))));

/** Actions whose first major on Node 24 is known (github-platform.md: Node 20 is gone from runners). */
const NODE24_MAJOR: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 6,
  'github/codeql-action/upload-sarif': 4,
};

describe('.github/workflows', () => {
  it('parse, and every known action is on a Node 24 major', () => {
    assert.ok(workflows.length > 0);
    for (const { file, job, step } of steps) {
      if (step.uses === undefined || step.uses.startsWith('./')) continue;
      const [name, ref] = step.uses.split('@');
      const min = NODE24_MAJOR[name!];
      if (min !== undefined) assert.ok(Number(/^v(\d+)/.exec(ref ?? '')?.[1]) >= min, `${file} ${job}: ${step.uses}`);
    }
  });

  it('the self-test scans the examples with annotations on and uploads the SARIF with its category', () => {
    const selfTest = workflows.find(([f]) => f === 'ci.yml')![1].jobs['self-test']!;
    const scan = selfTest.steps.find((s) => s.id === 'open')!;
    assert.notEqual(scan.with?.['annotations'], 'none');
    assert.equal(scan.with?.['category'], 'relaygate-examples');
    const upload = selfTest.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.equal(upload.with?.['category'], 'relaygate-examples');
    assert.equal(selfTest.permissions?.['security-events'], 'write');
  });

  it('CI runs the packed-tarball test on a fresh build', () => {
    const checkDist = workflows.find(([f]) => f === 'ci.yml')![1].jobs['check-dist']!;
    const runs = checkDist.steps.map((s) => s.run ?? '');
    assert.ok(runs.indexOf('npm run test:pack') > runs.indexOf('npm run build'), runs.join(' | '));
  });
});
