import assert from 'node:assert/strict';
import path from 'node:path/posix';
import { test } from 'node:test';
import { LineIndex, UNKNOWN_MARK } from '../../../../src/model/source.js';
import type { Edit, Extraction } from '../../../../src/sources/contracts/edits.js';
import { Environment } from '../../../../src/sources/languages/shell/environment.js';
import { extractShellText } from '../../../../src/sources/languages/shell/extract.js';
import { ShellValue } from '../../../../src/sources/languages/shell/values.js';

const U = UNKNOWN_MARK;

/** Runs `text` as `file`; `files` are what `.`/`source` and script runs can read (relative to the reading file, else to the root). */
function run(text: string, files: Record<string, string> = {}, file = 'run.sh', environment?: Environment): Extraction {
  const index = new LineIndex(text);
  return extractShellText(text, (o) => index.position(o), { file, scope: file, form: 'shell', maybe: false }, {
    ...(environment === undefined ? {} : { environment }),
    resolve: (p, cwd, from) => {
      void cwd;
      if (p.startsWith('/')) return null;
      for (const full of [path.normalize(path.join(path.dirname(from), p)), path.normalize(p)]) {
        const found = files[full];
        if (found !== undefined) return { file: full, text: found };
      }
      return null;
    },
  });
}

/** `[kind, maybe, text or name, file:line of the edit]` of each edit. */
function rows(r: Extraction): unknown[][] {
  return r.edits.map((e) => [e.kind, e.maybe, 'fragment' in e ? e.fragment.text : 'name' in e ? e.name : '', `${e.span.file}:${e.span.line}`]);
}

/** Where character (line, column) of an edit's fragment comes from: `file:line:column`. */
function from(edit: Edit | undefined, line: number, column: number): string {
  if (edit === undefined || !('fragment' in edit)) throw new Error('no fragment');
  const at = edit.fragment.map.locateStart(line, column);
  return `${at.file ?? edit.fragment.file}:${at.position.line}:${at.position.column}`;
}

test('a function wrapping postconf, in a sourced file: its calls are postconf calls with their arguments', () => {
  const lib = ['set_param() {', '  echo "setting $1"', '  postconf -e "$1 = $2"', '}', ''].join('\n');
  const r = run(['. ./lib.sh', 'set_param inet_interfaces all', 'set_param mynetworks 127.0.0.0/8', ''].join('\n'), { 'lib.sh': lib });
  assert.deepEqual(rows(r), [
    ['set', false, 'inet_interfaces = all\n', 'lib.sh:3'],
    ['set', false, 'mynetworks = 127.0.0.0/8\n', 'lib.sh:3'],
  ]);
  // The name and the value come from the call's arguments, in run.sh.
  assert.equal(from(r.edits[0], 1, 1), 'run.sh:2:11');
  assert.equal(from(r.edits[0], 1, 19), 'run.sh:2:27');
  assert.equal(from(r.edits[1], 1, 14), 'run.sh:3:22');
  assert.deepEqual(r.runs, ['lib.sh']);
});

test('a function body alone is not an edit; a wrapper with "$@" and shift passes the remaining arguments', () => {
  assert.deepEqual(run('f() { postconf -e relayhost=x; }\n').edits, []);
  const r = run(['do_postconf() {', '  local quiet=$1', '  shift', '  postconf "$@"', '}', 'do_postconf -q -e "smtpd_client_restrictions=permit_mynetworks,reject" myhostname=a', ''].join('\n'));
  assert.deepEqual(rows(r), [['set', false, 'smtpd_client_restrictions = permit_mynetworks,reject\nmyhostname = a\n', 'run.sh:4']]);
  assert.equal(from(r.edits[0], 1, 29), 'run.sh:6:46');
});

test('a function called under an undecided condition: its local variables hold what the call gives them; what its own conditions set stays unknown', () => {
  const r = run(
    [
      'pc() { local k=$1; local v; v=$2; postconf -e "$k=$v"; }',
      'pc smtpd_client_restrictions permit_mynetworks,reject',
      'if [ -n "$X" ]; then pc smtp_sasl_auth_enable yes; fi',
      'f() { local k=relayhost; if [ -n "$Y" ]; then k=myhostname; fi; postconf -e "$k=a"; }',
      'f',
      'g=1; if [ -n "$X" ]; then g=2; fi; postconf -e "mydomain=$g"',
      '',
    ].join('\n'),
  );
  assert.deepEqual(rows(r), [
    ['set', false, 'smtpd_client_restrictions = permit_mynetworks,reject\n', 'run.sh:1'],
    ['set', true, 'smtp_sasl_auth_enable = yes\n', 'run.sh:1'],
    ['set', false, `${U} = a\n`, 'run.sh:4'],
    ['set', false, `mydomain = ${U}\n`, 'run.sh:6'],
  ]);
});

test('a loop over ${!PREFIX*}: one edit per known variable, then one for the names the environment may add', () => {
  const env = new Environment();
  const src = { file: 'Dockerfile', text: 'ENV POSTFIX_mynetworks=0.0.0.0/0 POSTFIX_myhostname=mx\n', position: (o: number) => ({ line: 1, column: o + 1 }) };
  env.assign('POSTFIX_mynetworks', ShellValue.literal('0.0.0.0/0', src, 23), ShellValue.literal('POSTFIX_mynetworks', src, 4), false, true);
  env.assign('POSTFIX_myhostname', ShellValue.literal('mx', src, 52), ShellValue.literal('POSTFIX_myhostname', src, 33), false, true);
  env.assign('OTHER', ShellValue.generated('x'), ShellValue.generated('OTHER'), false, true);
  const r = run('for e in ${!POSTFIX_*}; do postconf -e "${e:8}=${!e}"; done\n', {}, 'run', env);
  assert.deepEqual(rows(r), [
    ['set', false, 'myhostname = mx\n', 'run:1'],
    ['set', false, 'mynetworks = 0.0.0.0/0\n', 'run:1'],
    ['set', true, `${U} = ${U}\n`, 'run:1'],
  ]);
  // `${e:8}` keeps the ENV line's columns for the name, `${!e}` the value's.
  assert.equal(from(r.edits[1], 1, 1), 'Dockerfile:1:13');
  assert.equal(from(r.edits[1], 1, 14), 'Dockerfile:1:24');
  const last = r.edits[2];
  assert.ok(last?.kind === 'set');
  assert.deepEqual(last.unknownNameExcludes, ['myhostname', 'mynetworks']);
});

test('${x#p}, ${x%%p}, ${x/a/b}, ${x//a/b}, ${x^^}, ${x:-d}, ${x:=d}, ${x:+w} on known values', () => {
  const r = run(
    [
      'v=MTA_relayhost',
      'postconf -e "${v#MTA_}=a" "${v%%host}=b" "${v/relay/x}=c" "${v//a/_}=d" "${v^^}=e"',
      'postconf -e "nets=${UNSET:-127.0.0.0/8}" "a=${UNSET2:=dflt}" "b=$UNSET2" "c=${v:+set}" "d=${UNSET3:+no}"',
      'postconf -e "e=$NOT_DEFINED_ANYWHERE"',
      '',
    ].join('\n'),
  );
  assert.deepEqual(r.edits.map((e) => ('fragment' in e ? e.fragment.text : '')), [
    'relayhost = a\nMTA_relay = b\nMTA_xhost = c\nMTA_rel_yhost = d\nMTA_RELAYHOST = e\n',
    'nets = 127.0.0.0/8\na = dflt\nb = dflt\nc = set\nd = \n',
    `e = ${U}\n`,
  ]);
  // A default value maps to where it is written.
  assert.equal(from(r.edits[1], 1, 8), 'run.sh:3:28');
});

test('if and case on known strings take their branch; unknown ones make every branch maybe', () => {
  const r = run(
    [
      'MODE=relay',
      'if [ "$MODE" = relay ]; then postconf -e a=1; else postconf -e a=2; fi',
      'if [ -z "$MODE" ]; then postconf -e b=1; elif [ -n "$MODE" ]; then postconf -e b=2; fi',
      'case "$MODE" in rel*) postconf -e c=1 ;; *) postconf -e c=2 ;; esac',
      'if [ -n "$RUNTIME" ]; then postconf -e d=1; else postconf -e d=2; fi',
      '[ "$MODE" != relay ] && postconf -e e=1',
      '[ "$MODE" != relay ] || postconf -e f=1',
      '',
    ].join('\n'),
  );
  assert.deepEqual(rows(r).map((x) => [x[2], x[1]]), [
    ['a = 1\n', false],
    ['b = 2\n', false],
    ['c = 1\n', false],
    ['d = 1\n', true],
    ['d = 2\n', true],
    ['f = 1\n', false],
  ]);
});

test('for over known words runs each, a glob or unknown list may run once with an unknown value', () => {
  const r = run(['for c in error bounce; do postconf -e "${c}_notice_recipient=pm"; done', 'for f in /etc/postfix/conf.d/*.cf; do postconf -e "x=$f"; done', ''].join('\n'));
  assert.deepEqual(rows(r).map((x) => [x[2], x[1]]), [
    ['error_notice_recipient = pm\n', false],
    ['bounce_notice_recipient = pm\n', false],
    [`x = ${U}\n`, true],
  ]);
});

test('an early return under an undecided condition makes the rest of the function maybe; an exit under one does not (a failing start, or work already done)', () => {
  const r = run(
    [
      'setup() {',
      '  [ -z "$RELAYHOST" ] && return',
      '  postconf -e relayhost=x',
      '}',
      '[ -z "$MAILNAME" ] && { echo missing; exit 1; }',
      'if [ -f /etc/configured ]; then exit 0; fi',
      'setup',
      'postconf -e myhostname=y',
      '',
    ].join('\n'),
  );
  assert.deepEqual(rows(r).map((x) => [x[2], x[1]]), [
    ['relayhost = x\n', true],
    ['myhostname = y\n', false],
  ]);
  assert.deepEqual(run('exit 0\npostconf -e a=b\n').edits, []);
});

test('scripts run by path or through sh get the exported variables and their own arguments', () => {
  const child = 'postconf -e "relayhost=$RELAY" "mynetworks=$1" "x=$LOCALONLY"\n';
  const r = run(['export RELAY=mx.example', 'LOCALONLY=1', './conf/set.sh 10.0.0.0/8', 'sh -c "postconf -e a=\\$RELAY"', ''].join('\n'), { 'conf/set.sh': child });
  assert.deepEqual(rows(r), [
    ['set', false, `relayhost = mx.example\nmynetworks = 10.0.0.0/8\nx = ${U}\n`, 'conf/set.sh:1'],
    ['set', false, 'a = mx.example\n', 'run.sh:4'],
  ]);
  assert.deepEqual(r.runs, ['conf/set.sh']);
});

test('$(dirname "$0") finds the files beside the script; a brace group redirected into main.cf writes its output', () => {
  const r = run(['. "$(dirname "$0")/lib/common.sh"', '{ echo "inet_interfaces = $IFACE"; printf "%s\\n" "mynetworks = 127.0.0.0/8"; } > /etc/postfix/main.cf', ''].join('\n'), { 'bin/lib/common.sh': 'IFACE=loopback-only\n' }, 'bin/start.sh');
  assert.deepEqual(rows(r), [['write', false, 'inet_interfaces = loopback-only\nmynetworks = 127.0.0.0/8\n', 'bin/start.sh:2']]);
  assert.equal(from(r.edits[0], 1, 19), 'bin/lib/common.sh:1:7');
});

test('bounded: recursion stops at the depth limit, endless work at the step limit, with a note', () => {
  const r = run('f() { f; postconf -e a=b; }\nf\n');
  assert.equal(r.edits.length, 24);
  assert.ok(r.notes.some((n) => /deeper than 24 levels/.test(n)));
  const many = run('g() { postconf -e a=b; }\n' + 'for i in 1 2 3 4 5 6 7 8 9 10; do for j in 1 2 3 4 5 6 7 8 9 10; do for k in 1 2 3 4 5 6 7 8 9 10; do for l in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21; do g; done; done; done; done\n');
  assert.ok(many.notes.some((n) => /reading stopped after 20000 commands/.test(n)));
  assert.ok(many.edits.length < 20_000);
});

test('a function called by a computed name: every function whose name fits may run', () => {
  const r = run(['do_pre_regen() { postconf -e a=1; }', 'do_post_regen() { postconf -e b=1; }', 'other() { postconf -e c=1; }', '"do_$1_regen" x', ''].join('\n'));
  assert.deepEqual(rows(r).map((x) => [x[2], x[1], x[3]]), [
    ['a = 1\n', true, 'run.sh:1'],
    ['b = 1\n', true, 'run.sh:2'],
  ]);
});

test('a program that is not a shell script, given main.cf and name=value words: those parameters are unknown, with a note', () => {
  const r = run(['tools/setconf.py /etc/postfix/main.cf \\', '  inet_interfaces=all \\', '  mynetworks=127.0.0.0/8', ''].join('\n'), { 'tools/setconf.py': '#!/usr/bin/python3\nimport sys\n' }, 'setup/mail.sh');
  assert.deepEqual(rows(r), [['set', true, `inet_interfaces = ${U}\nmynetworks = ${U}\n`, 'setup/mail.sh:1']]);
  assert.equal(from(r.edits[0], 1, 1), 'setup/mail.sh:2:3');
  assert.equal(from(r.edits[0], 1, 19), 'setup/mail.sh:2:19');
  assert.deepEqual(r.runs, undefined);
  assert.match(r.notes[0] ?? '', /^Shell code at "setup\/mail.sh" line 1, column 18: "setconf.py" writes main.cf \(inet_interfaces, mynetworks\); relaygate does not read that program/);
});

test('a function called three times that runs eval on postconf: one note at the eval, not three', () => {
  const r = run(['apply() {', '  eval "postconf -e $1"', '}', 'apply a=1', 'apply b=2', 'apply c=3', ''].join('\n'));
  assert.deepEqual(r.notes, ['Shell code at "run.sh" line 2, column 3: eval runs text relaygate does not read; mail configuration may differ from what relaygate judges']);
});
