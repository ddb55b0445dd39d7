import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadPuppetVariables } from '../../../../src/sources/ecosystems/puppet/variables.js';
import { UNKNOWN } from '../../../../src/sources/contracts/values.js';
import { memoryRepository } from '../../../../src/sources/contracts/repository.js';

const TEMPLATE = 'modules/postfix/templates/main.cf.epp';
const INIT = "class postfix (\n  String $confdir = '/etc/postfix',\n  Array[String] $nets = ['127.0.0.0/8'],\n) {\n}\n";

function vars(files: Record<string, string>) {
  const tree: Record<string, string> = { 'modules/postfix/manifests/init.pp': INIT };
  for (const [path, text] of Object.entries(files)) tree[`modules/postfix/manifests/${path}`] = text;
  return loadPuppetVariables(TEMPLATE, memoryRepository(tree));
}

test('top-level assignments: literals, interpolation, local and qualified references, in order', () => {
  const v = vars({
    'files.pp': [
      '# class decoy { $x = 1 }',
      'class postfix::files {',
      "  $name    = 'main.cf'",
      '  $port    = 25',
      '  $on      = true',
      '  $list    = [',
      "    'a',",
      "    'b',",
      '  ]',
      "  $both    = ['x'] +",
      "    ['y']",
      "  $said    = 'c' # a comment ends the line, not the statement's value",
      '  $joined  = $list',
      "    .join(',')",
      "  $hash    = { 'k' => $port }",
      '  $path    = "${postfix::confdir}/${name}"',
      '  $top     = $::postfix::nets',
      '  $jail    = $on ? {',
      "    true    => 'y',",
      "    default => 'n',",
      '  }',
      '}',
      '',
    ].join('\n'),
  });
  assert.deepEqual(v.lookup('postfix::files::name'), { value: 'main.cf', origin: { file: 'modules/postfix/manifests/files.pp', line: 3 } });
  assert.equal(v.lookup('postfix::files::port')?.value, 25);
  assert.equal(v.lookup('postfix::files::on')?.value, true);
  assert.deepEqual(v.lookup('postfix::files::list')?.value, ['a', 'b']);
  assert.deepEqual(v.lookup('postfix::files::both')?.value, ['x', 'y']);
  assert.equal(v.lookup('postfix::files::joined')?.value, 'a,b');
  assert.equal(v.lookup('postfix::files::said')?.value, 'c');
  assert.deepEqual({ ...(v.lookup('postfix::files::hash')?.value as object) }, { k: 25 });
  assert.equal(v.lookup('postfix::files::path')?.value, '/etc/postfix/main.cf');
  assert.deepEqual(v.lookup('postfix::files::top')?.value, ['127.0.0.0/8']);
  assert.equal(v.lookup('postfix::files::jail')?.value, 'y');
  assert.equal(v.lookup('decoy::x'), undefined);
});

test("another class's own variables, read before or after it in the file list; a cycle is unknown, never a crash", () => {
  const v = vars({
    'a.pp': 'class postfix::a {\n  $x = "${postfix::z::y}-a"\n  $loop = $postfix::b::loop\n}\n',
    'b.pp': 'class postfix::b {\n  $loop = $postfix::a::loop\n}\n',
    'z.pp': "class postfix::z {\n  $y = 'z'\n}\n",
  });
  assert.equal(v.lookup('postfix::a::x')?.value, 'z-a');
  assert.equal(v.lookup('postfix::a::loop')?.value, UNKNOWN);
  assert.equal(v.lookup('postfix::b::loop')?.value, UNKNOWN);
});

test('function calls, facts, reassignment and branches relaygate does not decide are unknown; a lambda keeps its own', () => {
  const v = vars({
    'files.pp': [
      'class postfix::files {',
      "  $fn = lookup('postfix::x')",
      "  $tpl = template('postfix/a.erb', 'postfix/b.erb')",
      "  $fact = $facts['os']['family']",
      "  $twice = 'a'",
      "  $twice = 'b'",
      '  if $fact == \'Debian\' {',
      "    $maybe = 'debian'",
      '  } else {',
      "    $maybe = 'other'",
      '  }',
      '  case $fact {',
      "    'RedHat': { $case = 1 }",
      '    default: {}',
      '  }',
      "  ['a'].each |$i| {",
      "    $inner = 'x'",
      '  }',
      "  $__proto__ = 'p'",
      '}',
      '',
    ].join('\n'),
  });
  for (const name of ['fn', 'tpl', 'fact', 'twice', 'maybe', 'case']) assert.equal(v.lookup(`postfix::files::${name}`)?.value, UNKNOWN, name);
  assert.equal(v.lookup('postfix::files::inner'), undefined);
  assert.equal(v.lookup('postfix::files::__proto__')?.value, 'p');
  assert.equal(v.lookup('postfix::files::constructor'), undefined);
  assert.equal(v.lookup('postfix::files::toString'), undefined);
});

test('a defined type body: literal assignments are known, parameters it is given are not', () => {
  const v = vars({ 'map.pp': "define postfix::map (\n  String $type,\n) {\n  $dir = '/etc/postfix'\n  $file = \"${dir}/${title}\"\n}\n" });
  assert.equal(v.lookup('postfix::map::dir')?.value, '/etc/postfix');
  assert.equal(v.lookup('postfix::map::file')?.value, UNKNOWN);
});
