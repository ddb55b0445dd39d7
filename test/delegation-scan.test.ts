/**
 * Mail configuration delegated to a dependency or a base image the
 * repository does not hold: a note that names it, not silence.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../src/config/options.js';
import { scan } from '../src/scan.js';
import { temporaryTrees } from './helpers/temp-tree.js';

const tree = temporaryTrees('delegation');

const SUFFIX = 'which is not in the repository; relaygate does not judge it';

const ROWS: { name: string; files: Record<string, string>; notes: string[] }[] = [
  {
    // Its `node['postfix']['main']` attributes, when it sets any, are judged (test/shapes/chef-wrapper-shapes.test.ts).
    name: 'a Chef cookbook that depends on a Postfix cookbook',
    files: {
      'metadata.rb': "name 'site-mail'\nversion '0.1.0'\ndepends 'postfix-full'\ndepends 'apt'\n",
      'recipes/default.rb': "node.default['postfix']['aliases'] = { 'root' => 'ops' }\ninclude_recipe 'postfix-full'\n",
    },
    notes: [`metadata.rb:3: the mail configuration is delegated to the cookbook postfix-full, ${SUFFIX}`],
  },
  {
    name: 'the dependency is in the repository: no note',
    files: { 'cookbooks/site/metadata.rb': "name 'site'\ndepends 'postfix'\n", 'cookbooks/postfix/metadata.rb': "name 'postfix'\n" },
    notes: [],
  },
  {
    name: 'test cookbooks that depend on the repository itself: no note',
    files: { 'metadata.rb': "name 'postfix-relay'\n", 'test/cookbooks/t/metadata.rb': "name 't'\ndepends 'postfix-relay'\n" },
    notes: [],
  },
  {
    name: 'an Ansible role depending on a Postfix role; its galaxy tags are no dependency',
    files: { 'meta/main.yml': 'galaxy_info:\n  galaxy_tags:\n    - postfix\n    - mail\ndependencies:\n  - role: geerlingguy.postfix\n' },
    notes: [`meta/main.yml:6: the mail configuration is delegated to the role geerlingguy.postfix, ${SUFFIX}`],
  },
  {
    name: 'requirements.yml and a playbook that only applies the role',
    files: {
      'requirements.yml': '- src: geerlingguy.postfix\n  version: 3.0.0\n',
      'site.yml': '- hosts: mail\n  roles:\n    - geerlingguy.postfix\n',
    },
    notes: [
      `requirements.yml:1: the mail configuration is delegated to the role geerlingguy.postfix, ${SUFFIX}`,
      `site.yml:3: the mail configuration is delegated to the role geerlingguy.postfix, ${SUFFIX}`,
    ],
  },
  {
    name: 'a Dockerfile built on a mail-server image',
    files: { Dockerfile: 'FROM boky/postfix:v4.0\nENV ALLOWED_SENDER_DOMAINS=example.test\n' },
    notes: [`Dockerfile:1: the mail configuration is delegated to the base image boky/postfix:v4.0, ${SUFFIX}`],
  },
];

describe('delegated mail configuration is a note', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const result = await scan(defaultOptions(tree(row.files)));
      assert.deepEqual(result.findings, []);
      assert.deepEqual(
        result.notes.filter((n) => n.includes('is delegated to')),
        row.notes,
      );
    });
  }
});
