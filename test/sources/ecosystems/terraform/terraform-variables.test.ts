import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';
import { plainData } from '../../../../src/model/plain-data.js';
import { loadTerraformVariables, normalizePath } from '../../../../src/sources/ecosystems/terraform/variables.js';

test('normalizePath resolves . and .. and refuses to leave the root', () => {
  assert.equal(normalizePath('./a/../b/./c.tftpl'), 'b/c.tftpl');
  assert.equal(normalizePath('../x'), null);
});

test('templatefile in the template folder, a locals map, comments and heredocs around it', () => {
  const tf = [
    '/* mail relay */',
    'locals {',
    '  mail = {',
    '    interfaces = "loopback-only" # comment',
    '    networks   = ["127.0.0.0/8"]',
    '  }',
    '}',
    'resource "x" "y" {',
    '  user_data = <<-EOT',
    '    #!/bin/sh',
    '    echo "${var.unused}"',
    '  EOT',
    '  a = templatefile("${path.module}/main.cf.tftpl", local.mail)',
    '  b = templatefile("${path.module}/other.tftpl", { interfaces = "all" })',
    '}',
    '',
  ].join('\n');
  const repo = memoryRepository({ 'mod/main.tf': tf, 'mod/main.cf.tftpl': '' });
  const vars = loadTerraformVariables('mod/main.cf.tftpl', repo);
  assert.deepEqual(vars.diagnostics, []);
  assert.deepEqual(vars.call, { file: 'mod/main.tf', line: 13 });
  assert.deepEqual(vars.lookup('interfaces'), { value: 'loopback-only', origin: { file: 'mod/main.tf', line: 13 } });
  assert.deepEqual(vars.lookup('networks')?.value, ['127.0.0.0/8']);
  assert.equal(vars.lookup('missing'), undefined);
});

test('a map built from an unknown value makes every name unknown; a call naming another template is ignored', () => {
  const tf = 'module "m" {\n  content = templatefile("main.cf.tftpl", merge(var.a, var.b))\n}\n';
  const repo = memoryRepository({ 'main.tf': tf, 'main.cf.tftpl': '', 'other/main.cf.tftpl': '' });
  const vars = loadTerraformVariables('main.cf.tftpl', repo);
  assert.equal(typeof vars.lookup('anything')?.value, 'symbol');
  assert.equal(loadTerraformVariables('other/main.cf.tftpl', repo).call, null);
});

test('variable defaults: strings, numbers, bools, lists and maps; a .tf file that cannot be read is a diagnostic', () => {
  const variables = [
    'variable "s" { default = "all" }',
    'variable "n" {',
    '  default = 25',
    '}',
    'variable "b" { default = false }',
    'variable "m" {',
    '  default = { relay = "mx", "port" : 587 }',
    '}',
    '',
  ].join('\n');
  const main = 'x = templatefile("${path.module}/t/main.cf.tftpl", { s = var.s, n = var.n, b = var.b, m = var.m, r = var.m.relay, j = "${var.s}-${var.n}" })\n';
  const repo = memoryRepository({ 'm/variables.tf': variables, 'm/main.tf': main, 'm/broken.tf': 'x = "unterminated\n', 'm/t/main.cf.tftpl': '' });
  const vars = loadTerraformVariables('m/t/main.cf.tftpl', repo);
  assert.deepEqual(vars.diagnostics, [{ file: 'm/broken.tf', line: 1, column: 5, message: 'unterminated string' }]);
  assert.deepEqual(
    ['s', 'n', 'b', 'm', 'r', 'j'].map((k) => [k, vars.lookup(k)?.value, vars.lookup(k)?.origin?.line]),
    [
      ['s', 'all', 1],
      ['n', 25, 3],
      ['b', false, 5],
      // An HCL object is a map without a prototype (repository data, src/model/plain-data.ts).
      ['m', plainData({ relay: 'mx', port: 587 }), 7],
      ['r', 'mx', 1],
      ['j', 'all-25', 1],
    ],
  );
});
