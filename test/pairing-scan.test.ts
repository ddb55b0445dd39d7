/**
 * Pair and judge only what is deployed. A deploy host format registered for
 * these tests stands for any ecosystem that states what it installs with
 * the deploy (`link`) edit of src/sources/contracts/edits.ts (Chef template
 * resources, Puppet file resources, Salt file.managed): its `deploy SRC DEST
 * [name=value...]` lines deploy SRC to DEST for the cookbook the file is in,
 * passing the variables to the template.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultOptions } from '../src/config/options.js';
import type { SourceFile } from '../src/model/source.js';
import { scan, type ScanResult } from '../src/scan.js';
import type { Edit, Extraction } from '../src/sources/contracts/edits.js';
import { type HostFormat } from '../src/sources/contracts/host-format.js';
import { normalize } from '../src/sources/contracts/repo-paths.js';
import { plainScope } from '../src/sources/contracts/variables.js';
import { registerHostFormat } from '../src/sources/host-formats.js';
import { temporaryTrees } from './helpers/temp-tree.js';
import { findingRows } from './helpers/finding-rows.js';

const deployFormat: HostFormat = {
  form: 'shell',
  matches: (p) => p.endsWith('deploy.recipe.txt'),
  extract(file: SourceFile): Extraction {
    const edits: Edit[] = [];
    const scope = file.path.slice(0, file.path.lastIndexOf('/'));
    file.text.split('\n').forEach((line, i) => {
      const [verb, source, destination, ...assignments] = line.trim().split(/\s+/);
      if (verb !== 'deploy' || source === undefined || destination === undefined) return;
      const target = destination.slice(destination.lastIndexOf('/') + 1);
      if (target !== 'main.cf' && target !== 'master.cf') return;
      // Keyed as ERB looks them up: a Chef `variables(restrictions: ...)` is `@restrictions` in the template.
      const values = Object.fromEntries(assignments.map((a) => [`@${a.slice(0, a.indexOf('='))}`, a.slice(a.indexOf('=') + 1).replaceAll('+', ' ')]));
      edits.push({
        kind: 'link',
        source: normalize(`${scope}/${source}`) ?? source,
        destination,
        target,
        key: { scope, directory: destination.slice(0, destination.lastIndexOf('/')) },
        span: { file: file.path, line: i + 1, column: 1, endLine: i + 1, endColumn: line.length + 1 },
        form: 'shell',
        maybe: false,
        ...(assignments.length > 0 ? { templateVariables: plainScope(values, file.path) } : {}),
      });
    });
    return { edits, diagnostics: [], notes: [] };
  },
};

let unregister: () => void = () => undefined;
before(() => {
  unregister = registerHostFormat(deployFormat);
});
after(() => unregister());

const tree = temporaryTrees('pairing');

function configurations(result: ScanResult): unknown[] {
  return result.configurations.map((c) => [c.files.join(','), c.form]);
}

/** Open to the STIG rule only: a Postfix 3 that starts, whose relay list is the level's default. */
const OPEN_MAIN = 'myhostname = mx.example.test\ninet_interfaces = all\ncompatibility_level = 3.6\n';
const EMPTY_MASTER = '# no services here\n';
const MAIN = 'mx/templates/main.cf.erb';
const MASTER = 'mx/templates/master.cf.erb';

describe('pairing: only files deployed to the same server are one configuration', () => {
  it('a main.cf template and an empty master.cf template that nothing deploys: each alone, not "nothing listens"', async () => {
    const result = await scan(defaultOptions(tree({ [MAIN]: OPEN_MAIN, [MASTER]: EMPTY_MASTER })));
    assert.deepEqual(configurations(result), [
      [MAIN, 'erb'],
      [MASTER, 'erb'],
    ]);
    // main.cf.erb runs with an unknown master.cf, whose stock smtp service every packaged master.cf has.
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', MAIN, 1, 1, 'definite']]);
  });

  it('the same two templates deployed to one server: nothing listens, no finding', async () => {
    const root = tree({ [MAIN]: OPEN_MAIN, [MASTER]: EMPTY_MASTER, 'mx/deploy.recipe.txt': 'deploy templates/main.cf.erb /etc/postfix/main.cf\ndeploy templates/master.cf.erb /etc/postfix/master.cf\n' });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(configurations(result), [[`mx/deploy.recipe.txt,${MAIN},${MASTER}`, 'shell']]);
    assert.deepEqual(findingRows(result.findings), []);
  });

  it('only main.cf deployed: that server runs the packaged master.cf; the undeployed master.cf template is judged alone', async () => {
    const master = 'smtp inet n - y - - smtpd\n';
    const root = tree({ [MAIN]: OPEN_MAIN, [MASTER]: master, 'mx/deploy.recipe.txt': 'deploy templates/main.cf.erb /etc/postfix/main.cf\n' });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(configurations(result), [
      [MASTER, 'erb'],
      [`mx/deploy.recipe.txt,${MAIN}`, 'shell'],
    ]);
    assert.deepEqual(findingRows(result.findings), [
      ['stig-postfix-relay', MAIN, 1, 1, 'definite'],
      ['stig-postfix-relay', MASTER, 1, 1, 'indeterminate'],
    ]);
  });

  it('main.cf and master.cf deployed to two different folders are two servers', async () => {
    const root = tree({
      [MAIN]: OPEN_MAIN,
      [MASTER]: EMPTY_MASTER,
      'mx/deploy.recipe.txt': 'deploy templates/main.cf.erb /etc/postfix/main.cf\ndeploy templates/master.cf.erb /etc/postfix-out/master.cf\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(configurations(result), [
      [`mx/deploy.recipe.txt,${MAIN}`, 'shell'],
      [`mx/deploy.recipe.txt,${MASTER}`, 'shell'],
    ]);
    assert.deepEqual(findingRows(result.findings), [['stig-postfix-relay', MAIN, 1, 1, 'definite']]);
  });

  it('the variables a deploying resource passes render the template', async () => {
    const main = 'inet_interfaces = all\nsmtpd_client_restrictions = <%= @restrictions %>\ncompatibility_level = 3.6\n';
    const unset = await scan(defaultOptions(tree({ [MAIN]: main, 'mx/deploy.recipe.txt': 'deploy templates/main.cf.erb /etc/postfix/main.cf\n' })));
    assert.deepEqual(findingRows(unset.findings), [['stig-postfix-relay', MAIN, 2, 29, 'indeterminate']]);
    const strict = await scan(defaultOptions(tree({ [MAIN]: main, 'mx/deploy.recipe.txt': 'deploy templates/main.cf.erb /etc/postfix/main.cf restrictions=permit_mynetworks,+reject\n' })));
    assert.deepEqual(findingRows(strict.findings), []);
    const weak = await scan(defaultOptions(tree({ [MAIN]: main, 'mx/deploy.recipe.txt': 'deploy templates/main.cf.erb /etc/postfix/main.cf restrictions=permit_mynetworks\n' })));
    assert.deepEqual(findingRows(weak.findings), [['stig-postfix-relay', MAIN, 2, 29, 'definite']]);
  });

  it('one template deployed by two cookbooks is judged in each', async () => {
    const root = tree({
      'shared/templates/main.cf.erb': OPEN_MAIN,
      'a/deploy.recipe.txt': 'deploy ../shared/templates/main.cf.erb /etc/postfix/main.cf\n',
      'b/deploy.recipe.txt': 'deploy ../shared/templates/main.cf.erb /etc/postfix/main.cf\n',
    });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(configurations(result), [
      ['a/deploy.recipe.txt,shared/templates/main.cf.erb', 'shell'],
      ['b/deploy.recipe.txt,shared/templates/main.cf.erb', 'shell'],
    ]);
  });

  it('plain files of one folder are one configuration directory: paired without a deploy', async () => {
    const root = tree({ 'etc/postfix/main.cf': OPEN_MAIN, 'etc/postfix/master.cf': EMPTY_MASTER });
    const result = await scan(defaultOptions(root));
    assert.deepEqual(configurations(result), [['etc/postfix/main.cf,etc/postfix/master.cf', 'plain']]);
    assert.deepEqual(findingRows(result.findings), []);
  });
});
