import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Lexer } from '../../../src/mta/opensmtpd/lexer.js';
import { parseSmtpdConf } from '../../../src/mta/opensmtpd/parser.js';
import { UNKNOWN_MARK } from '../../../src/model/source.js';

function tokens(text: string, macros: Record<string, string> = {}): string[] {
  const lexer = new Lexer({ file: 'f', text }, (name) => (name in macros ? { value: macros[name] as string } : null));
  const out: string[] = [];
  for (let t = lexer.next(); t.kind !== 'eof'; t = lexer.next()) {
    out.push(t.kind === 'string' || t.kind === 'number' ? `${t.kind}:${t.text}@${t.span.line}:${t.span.column}` : t.kind === 'nl' ? 'NL' : t.kind);
  }
  return out;
}

describe('smtpd.conf tokens (parse.y yylex)', () => {
  const cases: [string, string, string[], Record<string, string>?][] = [
    ['keywords are exact, words are strings', 'match From any', ['match', 'string:From@1:7', 'any', 'NL']],
    ['a comment anywhere a token starts; the end of the file reads as one more newline', 'listen on lo # all\n', ['listen', 'on', 'string:lo@1:11', 'NL', 'NL']],
    ['# inside a word is not a comment', 'a#b', ['string:a@1:1', 'NL']],
    ['a backslash-newline joins lines', 'listen \\\n  on', ['listen', 'on', 'NL']],
    ['quoted strings are never keywords and may span lines (the newline is dropped)', '"any" \'a\nb\'', ['string:any@1:1', 'string:ab@1:7', 'NL']],
    ['numbers end at white space , / } = )', 'port 25 10/8 10.0.0.1 -1 -', ['port', 'number:25@1:6', 'number:10@1:9', '/', 'number:8@1:12', 'string:10.0.0.1@1:14', 'number:-1@1:23', '-', 'NL']],
    ['=> is one token', 'a => b', ['string:a@1:1', '=>', 'string:b@1:6', 'NL']],
    ['punctuation ends a word: < > { } , ! =', 'from src <t>,{a}!b=c', ['from', 'src', '<', 'string:t@1:11', '>', ',', '{', 'string:a@1:15', '}', '!', 'string:b@1:18', '=', 'string:c@1:20', 'NL']],
    ['a macro is read again as tokens, at the $name', 'from $x for', ['from', 'any', 'for', 'NL'], { x: 'any' }],
    ['a macro holding several words', 'listen on $x', ['listen', 'on', 'string:0.0.0.0@1:11', 'port', 'number:25@1:11', 'NL'], { x: '0.0.0.0 port 25' }],
    ['a CR is a token of its own', 'a\r\n', ['string:a@1:1', '\r', 'NL', 'NL']],
  ];
  for (const [name, text, expected, macros] of cases) it(name, () => assert.deepEqual(tokens(text, macros), expected));

  it('a word or number longer than parse.y\'s 8 KiB buffer is "string too long": the rest of its line is skipped', () => {
    for (const long of ['a'.repeat(9000), '1'.repeat(9000)]) {
      const lexer = new Lexer({ file: 'f', text: `listen on ${long} port 25\nmatch` }, () => null);
      assert.deepEqual([lexer.next().kind, lexer.next().kind, lexer.next().kind, lexer.next().kind], ['listen', 'on', 'error', 'match']);
      assert.deepEqual(lexer.errors, [{ span: { file: 'f', line: 1, column: 11, endLine: 1, endColumn: 12 }, message: 'string too long' }]);
    }
  });
});

describe('smtpd.conf model', () => {
  it('listeners, actions, tables and rules with their options', () => {
    const text = [
      'table lan { 192.168.0.0/16, 10.0.0.0/8 }',
      'table users file:/etc/mail/users',
      'listen on lo',
      'listen on 0.0.0.0 port 587 tls-require auth <users> tag SUBMIT',
      'action "local" maildir "~/Maildir" alias <lan>',
      'action "out" relay host "smtp://192.0.2.1" tls',
      'match from src <lan> for any action "out"',
      'match !from local tag SUBMIT for domain { example.org } action "local"',
      'match from mail-from "a@b" for rcpt-to "c@d" reject',
      '',
    ].join('\n');
    const { config, diagnostics } = parseSmtpdConf({ file: 'smtpd.conf', text });
    // alias <lan> is a list, not pairs: smtpd refuses it, and the action is not declared.
    assert.deepEqual(diagnostics.map((d) => `${d.line}: ${d.message}`), ['5: table "lan" may not be used for alias lookups', '8: no such dispatcher: local']);
    assert.deepEqual(
      config.listeners.map((l) => `${l.kind} ${l.on} ${l.port} ${l.tls} ${l.auth} ${l.tag}`),
      ['socket socket null none none null', 'interface lo null none none null', 'interface 0.0.0.0 587 tls-require required SUBMIT'],
    );
    assert.deepEqual([...config.actions.values()].map((a) => `${a.name} ${a.kind}`), ['out relay']);
    assert.deepEqual(
      config.rules.map((r) => `${r.span.line} ${r.conditions.map((c) => `${c.negated ? '!' : ''}${c.kind}:${c.what}${c.implied ? '(implied)' : ''}@${c.span.column}`).join(' ')} -> ${r.action ?? 'reject'}`),
      ['7 from:src@7 for:any@22 -> out', '9 from:any(implied)@7 mail-from:from mail-from@7 for:any(implied)@28 rcpt-to:for rcpt-to@28 -> reject'],
    );
    assert.deepEqual(config.tables.get('lan')?.entries?.map((e) => e.key), ['192.168.0.0/16', '10.0.0.0/8']);
    assert.equal(config.tables.get('users')?.entries, null);
  });

  it('a failed statement is skipped to its end, as parse.y does', () => {
    const { config } = parseSmtpdConf({ file: 'smtpd.conf', text: 'match from any for any action "nope"\naction "a" relay\nmatch from any for any action "a"\n' });
    assert.deepEqual(config.rules.map((r) => r.span.line), [3]);
  });

  it('an include relaygate cannot read stands where it is: as a rule and a listener it does not know', () => {
    const { config, diagnostics } = parseSmtpdConf({ file: 'smtpd.conf', text: 'include "/etc/mail/more.conf"\n' });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config.rules.map((r) => [r.span.line, r.unknown]), [[1, true]]);
    assert.deepEqual(config.includes.map((s) => [s.line, s.column, s.endColumn]), [[1, 1, 30]]);
  });
});

describe('smtpd.conf statements holding values relaygate could not resolve', () => {
  const M = UNKNOWN_MARK;
  const parse = (text: string) => parseSmtpdConf({ file: 'f', text }, () => null);
  it('a statement that fails on an unknown word leaves only an unknown rule, not the rule it had parsed', () => {
    const { config, diagnostics } = parse(`listen on 0.0.0.0\naction "r" relay\nmatch from any for any action "r" ${M}\n`);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      config.rules.map((r) => [r.span.line, r.span.column, r.unknown === true, r.action]),
      [[3, 1, true, null]],
    );
  });
  it('a statement whose first word is unknown may be a rule or a listener: no "no rules" error', () => {
    const { config, diagnostics } = parse(`action "r" relay\n${M}\n`);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config.rules.map((r) => [r.span.line, r.unknown === true]), [[2, true]]);
    // Line 1: the local socket smtpd always listens on.
    assert.deepEqual(config.listeners.map((l) => [l.span.line, l.unknown === true]), [[1, false], [2, true]]);
  });
});
