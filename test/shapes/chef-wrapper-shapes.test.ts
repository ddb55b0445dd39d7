/**
 * A Chef wrapper cookbook that configures Postfix through the attributes of
 * a Postfix cookbook it depends on but the repository does not hold
 * (`depends 'postfix-full'`, `node.default['postfix']['main'][...]`):
 * reconstructed small, exact rule, file, line, column and certainty.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { temporaryTrees } from '../helpers/temp-tree.js';
import type { FindingRow as Row } from '../helpers/finding-rows.js';
import { itScansShapes } from '../helpers/scan-shapes.js';

const tree = temporaryTrees('chef-wrapper');

interface Shape {
  name: string;
  files: Record<string, string>;
  findings: Row[];
  configurations: number;
  /** Notes expected to be among the scan's notes (starts). */
  notes: string[];
}

const METADATA = { 'metadata.rb': "name 'mx'\nversion '1.0.0'\ndepends 'postfix-full', '~> 0.1'\n" };
const MAIN_NOTE = "recipes/default.rb:1: node['postfix']['main'] attributes are rendered into main.cf by the cookbook postfix-full";

const SHAPES: Shape[] = [
  {
    name: 'inet_interfaces = all set for the external cookbook, restrictions left to it: indeterminate, with a note',
    files: { ...METADATA, 'recipes/default.rb': "node.default['postfix']['main']['inet_interfaces'] = 'all'\ninclude_recipe 'postfix-full'\n" },
    findings: [['stig-postfix-relay', 'metadata.rb', 3, 1, 'indeterminate']],
    configurations: 1,
    notes: ['metadata.rb:3: the mail configuration is delegated to the cookbook postfix-full', MAIN_NOTE],
  },
  {
    name: 'smtpd_client_restrictions set as a list (rendered joined with commas): the STIG reading is satisfied',
    files: {
      ...METADATA,
      'recipes/default.rb': "node.default['postfix']['main']['inet_interfaces'] = 'all'\nnode.default['postfix']['main']['smtpd_client_restrictions'] = %w(permit_mynetworks reject)\n",
    },
    findings: [],
    configurations: 1,
    notes: [MAIN_NOTE],
  },
  {
    name: 'a bare permit first in the restrictions the wrapper sets, on every address: definite, at the assignment',
    files: {
      ...METADATA,
      'recipes/default.rb': "node.default['postfix']['main']['inet_interfaces'] = 'all'\nnode.default['postfix']['main']['smtpd_client_restrictions'] = 'permit, reject'\n",
    },
    findings: [['stig-postfix-relay', 'recipes/default.rb', 2, 1, 'definite']],
    configurations: 1,
    notes: [MAIN_NOTE],
  },
  {
    name: 'the same restrictions without inet_interfaces: whether smtpd listens beyond loopback is the external cookbook\'s, indeterminate',
    files: { ...METADATA, 'recipes/default.rb': "node.default['postfix']['main']['smtpd_client_restrictions'] = 'permit, reject'\n" },
    findings: [['stig-postfix-relay', 'recipes/default.rb', 1, 1, 'indeterminate']],
    configurations: 1,
    notes: [MAIN_NOTE],
  },
  {
    name: 'an override in an attributes file beats a default set later by a recipe: loopback only passes',
    files: {
      ...METADATA,
      'attributes/default.rb': "override['postfix']['main']['inet_interfaces'] = 'loopback-only'\n",
      'recipes/default.rb': "node.default['postfix']['main']['inet_interfaces'] = 'all'\n",
    },
    findings: [],
    configurations: 1,
    notes: ["attributes/default.rb:1: node['postfix']['main'] attributes are rendered into main.cf by the cookbook postfix-full"],
  },
  {
    name: 'master services for postfix-full are noted as not judged',
    files: {
      ...METADATA,
      'recipes/default.rb': "node.default['postfix']['master']['inet:2525']['command'] = 'smtpd'\nnode.default['postfix']['main']['inet_interfaces'] = 'all'\n",
    },
    findings: [['stig-postfix-relay', 'metadata.rb', 3, 1, 'indeterminate']],
    configurations: 1,
    notes: ["recipes/default.rb:1: node['postfix']['master'] services are rendered into master.cf by the cookbook postfix-full, which is not in the repository; they are not judged"],
  },
  {
    name: 'no postfix attributes: nothing to judge, the delegation note stays',
    files: { ...METADATA, 'recipes/default.rb': "include_recipe 'postfix-full'\n" },
    findings: [],
    configurations: 0,
    notes: ['metadata.rb:3: the mail configuration is delegated to the cookbook postfix-full'],
  },
];

describe('Chef wrapper cookbooks of an external Postfix cookbook', () => {
  itScansShapes(SHAPES, tree, {
    also: (result, shape) => {
      for (const note of shape.notes) assert.ok(result.notes.some((n) => n.startsWith(note)), `note ${note} in ${JSON.stringify(result.notes)}`);
    },
  });
});
