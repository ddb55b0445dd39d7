import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../../../src/model/source.js';
import { mapped, script, text } from './helpers.js';

const KEY = { scope: 'setup.sh', directory: '/etc/postfix' };

test('postconf -e with several arguments: one set edit, one line per argument, quoted text keeps its columns, an unknown variable maps to its expansion', () => {
  const r = script("postconf -e myhostname=mx.example.com 'inet_interfaces = all' \"mynetworks=$NETS\"\n");
  assert.equal(r.edits.length, 1);
  const e = r.edits[0]!;
  assert.equal(e.kind, 'set');
  assert.deepEqual(e.key, KEY);
  assert.equal(e.maybe, false);
  assert.deepEqual(e.span, { file: 'setup.sh', line: 1, column: 1, endLine: 1, endColumn: 81 });
  assert.equal(text(e), `myhostname = mx.example.com\ninet_interfaces = all\nmynetworks = ${UNKNOWN_MARK}\n`);
  assert.deepEqual(mapped(e, 1, 1), [1, 13]);
  assert.deepEqual(mapped(e, 1, 14), [1, 24]); // the value keeps its own column
  assert.deepEqual(mapped(e, 2, 19), [1, 58]); // inside single quotes: its own column
  assert.deepEqual(mapped(e, 3, 1), [1, 64]);
  assert.deepEqual(mapped(e, 3, 14), [1, 75]); // $NETS
});

test('postconf -e with an argument whose `=` can only come from a command substitution: an unknown name, not a fatal error', () => {
  const r = script("postconf -e \"$(postconf | grep '^mynetworks =') 172.16.0.0/12\" \"relay_$(x)\" \"mydestination $(y)\"\n");
  assert.deepEqual(r.notes, []);
  assert.equal(r.edits.length, 1);
  // The first argument sets any parameter; the second one whose name starts
  // with relay_; the third mydestination, with the `=` in $(y).
  assert.equal(text(r.edits[0]), `${UNKNOWN_MARK} = ${UNKNOWN_MARK} 172.16.0.0/12\nrelay_${UNKNOWN_MARK} = ${UNKNOWN_MARK}\nmydestination = ${UNKNOWN_MARK}\n`);
  assert.deepEqual(mapped(r.edits[0]!, 1, 5), [1, 14]); // the value's unknown part is the substitution
  // Known text with a blank before the substitution ends the name there and wants `=`: fatal.
  const fatal = script('postconf -e "my networks $(y)"\n');
  assert.deepEqual(fatal.edits, []);
  assert.match(fatal.notes[0] ?? '', /postconf would exit with "missing '=' after attribute name/);
});

test('postconf without -e but with name=value edits (Postfix >= 2.8); a query does not', () => {
  assert.equal(text(script('postconf relayhost=[smtp.example.com]:587\n').edits[0]), 'relayhost = [smtp.example.com]:587\n');
  assert.deepEqual(script('postconf -n\npostconf -h inet_interfaces\n').edits, []);
});

test('postconf -X and -# give unset edits with the name span', () => {
  const r = script('postconf -X relayhost\npostconf -# smtpd_client_restrictions\n');
  assert.deepEqual(
    r.edits.map((e) => (e.kind === 'unset' ? [e.name, e.nameSpan.line, e.nameSpan.column, e.nameSpan.endColumn] : e.kind)),
    [['relayhost', 1, 13, 22], ['smtpd_client_restrictions', 2, 13, 38]],
  );
});

test('postconf -P gives a master-set edit; -c DIR changes the instance directory', () => {
  const r = script("postconf -c /etc/postfix-out -P 'submission/inet/smtpd_client_restrictions=permit'\n");
  const e = r.edits[0]!;
  assert.equal(e.kind, 'master-set');
  if (e.kind !== 'master-set') return;
  assert.deepEqual([e.service, e.type, e.parameter, e.value], ['submission', 'inet', 'smtpd_client_restrictions', 'permit']);
  assert.deepEqual(e.key, { scope: 'setup.sh', directory: '/etc/postfix-out' });
  assert.equal(e.valueSpan.line, 1);
  assert.equal(e.valueSpan.column, 76); // `permit` inside the quotes
  const c = script('postconf -c /etc/postfix-b -e inet_interfaces=all\n').edits[0]!;
  assert.deepEqual(c.key, { scope: 'setup.sh', directory: '/etc/postfix-b' });
});

test('echo > main.cf writes, echo >> appends, through a literal variable', () => {
  const r = script('CONF=/etc/postfix/main.cf\necho "inet_interfaces = all" > $CONF\necho relayhost = >> /etc/postfix/main.cf\n');
  assert.deepEqual(r.edits.map((e) => [e.kind, e.span.line, text(e)]), [
    ['write', 2, 'inet_interfaces = all\n'],
    ['append', 3, 'relayhost =\n'],
  ]);
  assert.deepEqual(mapped(r.edits[0]!, 1, 1), [2, 7]); // inside the quotes
  assert.deepEqual(mapped(r.edits[1]!, 1, 1), [3, 6]); // unquoted words keep their columns
  assert.deepEqual(mapped(r.edits[1]!, 1, 11), [3, 16]);
});

test('cd DIR then a relative target; $(...) in a heredoc is unknown', () => {
  const r = script('cd /etc/postfix-relay && echo "a = b" >> main.cf\ncat > /etc/postfix/main.cf <<EOF\nmyhostname = $(hostname -f)\nEOF\n');
  assert.deepEqual(r.edits.map((e) => [e.kind, e.key.directory, text(e)]), [
    ['append', '/etc/postfix-relay', 'a = b\n'],
    ['write', '/etc/postfix', `myhostname = ${UNKNOWN_MARK}\n`],
  ]);
});

test('printf with %s and \\n', () => {
  const r = script("printf '%s = %s\\n' inet_interfaces all >> /etc/postfix/main.cf\n");
  assert.equal(r.edits[0]!.kind, 'append');
  assert.equal(text(r.edits[0]), 'inet_interfaces = all\n');
  assert.deepEqual(mapped(r.edits[0]!, 1, 1), [1, 20]);
});

test('cat > main.cf with an unquoted heredoc: $x is unknown, \\$ is literal, lines keep their columns', () => {
  const r = script('cat > /etc/postfix/main.cf <<EOF\nmyhostname = $HOST\nmydestination = \\$myhostname\nEOF\n');
  const e = r.edits[0]!;
  assert.equal(e.kind, 'write');
  assert.equal(text(e), `myhostname = ${UNKNOWN_MARK}\nmydestination = $myhostname\n`);
  assert.deepEqual(mapped(e, 1, 1), [2, 1]);
  assert.deepEqual(mapped(e, 1, 14), [2, 14]);
  assert.deepEqual(mapped(e, 2, 17), [3, 18]); // the escaped $ itself
  assert.deepEqual(mapped(e, 2, 18), [3, 19]);
});

test('a quoted heredoc delimiter keeps $x literally; <<- strips tabs', () => {
  const r = script("cat >> /etc/postfix/main.cf <<-'EOF'\n\tsmtpd_banner = $myhostname ESMTP\n\tEOF\n");
  const e = r.edits[0]!;
  assert.equal(e.kind, 'append');
  assert.equal(text(e), 'smtpd_banner = $myhostname ESMTP\n');
  assert.deepEqual(mapped(e, 1, 16), [2, 17]);
});

test('tee -a fed by echo, and tee fed by its own heredoc', () => {
  const r = script('echo "mynetworks = 0.0.0.0/0" | sudo tee -a /etc/postfix/main.cf\ntee /etc/postfix/main.cf <<EOF\ninet_interfaces = all\nEOF\n');
  assert.deepEqual(r.edits.map((e) => [e.kind, text(e)]), [
    ['append', 'mynetworks = 0.0.0.0/0\n'],
    ['write', 'inet_interfaces = all\n'],
  ]);
  assert.deepEqual(mapped(r.edits[1]!, 1, 1), [3, 1]);
});

test('sed -i gives a sed edit: the script (several -e joined by newlines) mapped to its characters, -E and -n read', () => {
  const r = script("sed -i 's|^inet_interfaces.*|inet_interfaces = loopback-only|' /etc/postfix/main.cf\nsed -E -n -i -e '/^a/p' -e 's/(b)+/c/' /etc/postfix/master.cf\n");
  assert.deepEqual(
    r.edits.map((e) => (e.kind === 'sed' ? [e.kind, e.target, e.script.text, e.extended, e.quiet, e.maybe, e.span.line] : [e.kind])),
    [
      ['sed', 'main.cf', 's|^inet_interfaces.*|inet_interfaces = loopback-only|', false, false, false, 1],
      ['sed', 'master.cf', '/^a/p\ns/(b)+/c/', true, true, false, 2],
    ],
  );
  const e = r.edits[0]!;
  assert.ok(e.kind === 'sed');
  assert.deepEqual(e.script.map.start(1, 1), { line: 1, column: 9 });
  assert.deepEqual(e.script.map.start(1, 30), { line: 1, column: 38 });
});

test('a sed script GNU sed rejects changes nothing; one relaygate does not follow makes the parameters unknown, maybe, with a note', () => {
  const rejected = script("sed -i -E 's/*x/y/' /etc/postfix/main.cf\n");
  assert.deepEqual(rejected.edits, []);
  assert.match(rejected.notes[0] ?? '', /sed would exit with "Invalid preceding regular expression"/);
  const r = script("sed -i '/^x/{N;s/a/b/}' /etc/postfix/main.cf\n");
  assert.ok(r.edits.length > 0);
  assert.ok(r.edits.every((e) => e.kind === 'set-if-present' && e.maybe && text(e).includes(UNKNOWN_MARK)));
  assert.ok(r.edits.some((e) => e.kind === 'set-if-present' && e.name === 'inet_interfaces'));
  assert.equal(r.notes.length, 1);
  assert.match(r.notes[0]!, /^Shell code at "setup.sh" line 1, column 9: sed script .* is not followed \(the sed command N\)/);
});

test('commands under undecided if, case and || are maybe, && is not; a function body runs only when called', () => {
  const r = script(
    [
      'if [ -n "$RELAY" ]; then',
      '  postconf -e relayhost=a',
      'fi',
      'case "$X" in',
      '  a) postconf -e relayhost=b ;;',
      'esac',
      'test -f x || postconf -e relayhost=c',
      'true && postconf -e relayhost=d',
      'f() { postconf -e relayhost=e; }',
      'postconf -e relayhost=f',
      'g() { postconf -e relayhost=g; }',
      'g',
      '',
    ].join('\n'),
  );
  assert.deepEqual(r.edits.map((e) => [text(e).trim(), e.maybe, e.span.line]), [
    ['relayhost = a', true, 2],
    ['relayhost = b', true, 5],
    ['relayhost = c', true, 7],
    ['relayhost = d', false, 8],
    ['relayhost = f', false, 10],
    ['relayhost = g', false, 11],
  ]);
});

test('apt-get / dnf install postfix is base evidence', () => {
  const r = script('apt-get install -y postfix\ndnf -y install postfix mailx\n');
  assert.deepEqual(r.edits.map((e) => (e.kind === 'base' ? e.distribution : e.kind)), ['debian', 'rhel']);
});

test('an unknown target path that looks like postfix gives a note, not an edit', () => {
  const r = script('echo "x = y" > "$DIR/postfix/${NAME}"\n');
  assert.deepEqual(r.edits, []);
  assert.equal(r.notes.length, 1);
});

test('repository text never starts a note (a workflow command in a file stays inside the message)', () => {
  const r = script("sed -i '\n::error::pwned\ns/x/y/' /etc/postfix/main.cf\ncp x /etc/postfix/main.cf\n", '::error::file.sh');
  assert.ok(r.notes.length >= 1);
  for (const note of r.notes) {
    assert.ok(note.startsWith('Shell code at '), note);
    assert.ok(!/[\r\n]/.test(note), note);
  }
});

test('postconf -M / -Me / -MX / -M# / -F / -P / -PX give master.cf edits with their service patterns', () => {
  const r = script(
    [
      'postconf -Me submission/inet="submission inet n - y - - smtpd -o smtpd_tls_security_level=encrypt"',
      'postconf -M "2525/inet=2525 inet n - y - - smtpd"',
      'postconf -MX "*/inet" && postconf -M# relay/unix',
      'postconf -F smtp/inet/chroot=n "smtp/inet/command=postscreen"',
      "postconf -P '*/inet/smtpd_client_restrictions=permit_mynetworks' && postconf -PX smtp/inet/syslog_name",
      'postconf -M smtp/inet',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    r.edits.map((e) => {
      switch (e.kind) {
        case 'master-entry':
          return [e.kind, e.service, e.type, e.entry.text, e.span.line];
        case 'master-remove':
          return [e.kind, e.service, e.type, e.comment, e.span.line];
        case 'master-field':
          return [e.kind, e.service, e.type, e.field, e.value.text, e.span.line];
        case 'master-set':
          return [e.kind, e.service, e.type, e.parameter, e.value, e.span.line];
        case 'master-unset':
          return [e.kind, e.service, e.type, e.parameter, e.span.line];
        case 'append':
        case 'base':
        case 'link':
        case 'sed':
        case 'set-if-present':
        case 'set':
        case 'unset':
        case 'write':
          return [e.kind];
      }
    }),
    [
      ['master-entry', 'submission', 'inet', 'submission inet n - y - - smtpd -o smtpd_tls_security_level=encrypt\n', 1],
      ['master-entry', '2525', 'inet', '2525 inet n - y - - smtpd\n', 2],
      ['master-remove', '*', 'inet', false, 3],
      ['master-remove', 'relay', 'unix', true, 3],
      ['master-field', 'smtp', 'inet', 'chroot', 'n', 4],
      ['master-field', 'smtp', 'inet', 'command', 'postscreen', 4],
      ['master-set', '*', 'inet', 'smtpd_client_restrictions', 'permit_mynetworks', 5],
      ['master-unset', 'smtp', 'inet', 'syslog_name', 5],
    ],
  );
  // The entry keeps the argument's own columns (inside the quotes).
  const entry = r.edits[0]!;
  assert.ok(entry.kind === 'master-entry');
  assert.deepEqual(entry.entry.map.start(1, 1), { line: 1, column: 31 });
  const set = r.edits[6]!;
  assert.ok(set.kind === 'master-set');
  assert.deepEqual([set.valueSpan.line, set.valueSpan.column, set.valueSpan.endColumn], [5, 47, 64]);
});

test('a postconf master.cf command postconf rejects changes nothing, and says why', () => {
  for (const [command, why] of [
    ['postconf -Me smtp="smtp inet n - y - - smtpd"', '-Me, -MX or -M# requires service_name/type'],
    ["postconf -P 'smtp/inet/smtpd_client_restrictions=permit_mynetworks, reject'", '-Pe does not accept whitespace in parameter value'],
    ['postconf -F smtp/inet/bogus=n', 'invalid service attribute name: "bogus"'],
    ['postconf -F "smtp/inet/chroot=n y"', '-Fe does not accept whitespace in non-command field'],
    ['postconf -Me "smtp/inet=smtp inet n - y - smtpd"', 'bad field count: "smtp/inet=smtp inet n - y - smtpd"'],
    ['postconf -Me "smtp/inet=smtp tcp n - y - - smtpd"', 'invalid type field "tcp" in "smtp tcp n - y - - smtpd"'],
    ['postconf -MF smtp/inet/chroot=n', 'specify one of -M -F'],
    ['postconf -FX smtp/inet/chroot', 'with option -F, do not specify -X'],
    ['postconf -MX smtp/inet=x', '-X or -# requires names without value'],
    ['postconf -Me "smtp/inet=smtp inet n - y - - smtpd" "2525=x"', '-Me, -MX or -M# requires service_name/type'],
  ] as const) {
    const r = script(`${command}\n`);
    assert.deepEqual(r.edits, [], command);
    assert.equal(r.notes.length, 1, command);
    assert.ok(r.notes[0]!.includes(`postconf would exit with "${why}"`), `${command}: ${r.notes[0]}`);
  }
});
