import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerfile } from '../../../../src/sources/ecosystems/docker/dockerfile.js';
import { kickstart } from '../../../../src/sources/ecosystems/kickstart/kickstart.js';
import { packerHost } from '../../../../src/sources/ecosystems/packer/provisioners.js';
import { shellScript } from '../../../../src/sources/ecosystems/shell-scripts/scripts.js';
import { terraformHost } from '../../../../src/sources/ecosystems/terraform/user-data.js';
import { parseShell } from '../../../../src/sources/languages/shell/parse.js';
import { host, script } from './helpers.js';

const PIECES = ['postconf', ' -e ', 'a=b', "'", '"', '\\', '\n', '<<EOF', '<<-\'X\'', 'EOF\n', '$', '${', '$(', '`', '|', '||', '&&', ';', ';;', 'if ', 'then ', 'fi', 'case ', ' in ', ')', '(', '{', '}', '>', '>>', '/etc/postfix/main.cf', 'sed -i ', 's/^x.*/x = y/', 'tee -a ', 'echo ', '#', 'RUN ', 'FROM ', 'COPY ', '[', ']', '%post\n', '%end\n', 'user_data = <<-EOF\n', '%{', '$${', 'f() ', 'function g ', 'f ', 'g ', 'for x in ', 'do ', 'done', 'while ', 'until ', 'elif ', 'else ', 'esac', '. ./x.sh', 'source ', '"$@"', '${!P*}', '${x:8}', '${x//a/b}', '${x#*=}', '${!x}', 'local ', 'return ', 'exit ', 'shift ', '[[ ', ' ]]', '((', '))', 'arr=(', 'sh -c ', '$(dirname "$0")'];

function randomText(seed: number, length: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += PIECES[state % PIECES.length];
  }
  return out;
}

test('malformed input never throws, from every host', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const text = randomText(seed, 40);
    assert.doesNotThrow(() => script(text), `seed ${seed}`);
    for (const [format, path] of [[shellScript, 'a.sh'], [dockerfile, 'Dockerfile'], [terraformHost, 'a.tf'], [packerHost, 'a.pkr.hcl'], [kickstart, 'a.ks']] as const) {
      assert.doesNotThrow(() => host(format, path, text), `seed ${seed} ${path}`);
    }
  }
});

test('unterminated quotes and heredocs are non-fatal diagnostics at their offset', () => {
  const parsed = parseShell("echo 'abc\n");
  assert.deepEqual(parsed.diagnostics, [{ offset: 5, message: 'unterminated single quote' }]);
  const r = script('cat > /etc/postfix/main.cf <<EOF\na = b\n');
  assert.deepEqual(r.diagnostics.map((d) => [d.line, d.fatal]), [[3, false]]);
  assert.equal(r.edits[0]?.kind, 'write');
});

test('a large script is read in linear time', () => {
  const line = "postconf -e 'smtpd_client_restrictions = permit_mynetworks, reject' && echo \"x = y\" >> /etc/postfix/main.cf\n";
  const big = line.repeat(5000);
  const started = Date.now();
  const r = script(big);
  assert.equal(r.edits.length, 10000);
  assert.ok(Date.now() - started < 5000);
});
