import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN_MARK } from '../../../src/model/source.js';
import { splitPhysicalLines } from '../../../src/mta/exim/config-lines.js';
import { parseEximLines, type ParsedExim } from '../../../src/mta/exim/config.js';
import { splitEximList } from '../../../src/mta/exim/lists.js';
import { MappedText } from '../../../src/mta/exim/mapped-text.js';

function parse(text: string, files: Record<string, string> = {}): ParsedExim {
  return parseEximLines(splitPhysicalLines({ file: 'exim.conf', text }), {
    resolve: (name) => (files[name] === undefined ? null : { file: name, text: files[name] }),
  });
}

/** name=value of each main option, with the line it starts on. */
function options(p: ParsedExim): string[] {
  return p.options.map((o) => `${o.span.line} ${o.name}=${o.value === null ? String(o.bool) : o.value.text}${o.maybe ? ' (maybe)' : ''}`);
}

function fatal(p: ParsedExim): string[] {
  return p.diagnostics.filter((d) => d.fatal).map((d) => `${d.line}: ${d.message}`);
}

describe('Exim logical lines (readconf.c get_config_line)', () => {
  const cases: [string, string, string[]][] = [
    ['# is a comment only at the start of a line', 'qualify_domain = a # b\n  # indented comment\n', ['1 qualify_domain=a # b']],
    ['a backslash continues; the next line loses its leading white space', 'qualify_domain = a \\\n     b\n', ['1 qualify_domain=a b']],
    ['white space after the backslash is trimmed first', 'qualify_domain = a \\   \n  b\n', ['1 qualify_domain=a b']],
    ['a comment line inside a continuation is skipped', 'qualify_domain = a \\\n# not here\n  b\n', ['1 qualify_domain=a b']],
    ['a blank line ends a continuation', 'qualify_domain = a \\\n\nprimary_hostname = h\n', ['1 qualify_domain=a', '3 primary_hostname=h']],
    ['macros are substituted inside words', 'OPEN = 0\nqualify_domain = aOPENb\n', ['2 qualify_domain=a0b']],
    ['a longer macro defined first wins over its substring defined later', 'OPENER = 1\nOPEN = 0\nqualify_domain = OPENER\n', ['3 qualify_domain=1']],
    ['== redefines', 'X = a\nX == b\nqualify_domain = X\n', ['3 qualify_domain=b']],
    ['a macro value is expanded when it is defined', 'A = 1\nB = A2\nqualify_domain = B\n', ['3 qualify_domain=12']],
    ['.ifdef is true when a macro was substituted', 'X = 1\n.ifdef X\nqualify_domain = yes\n.else\nqualify_domain = no\n.endif\n', ['3 qualify_domain=yes']],
    ['.ifndef, .elifdef', '.ifndef X\nprimary_hostname = p\n.endif\n.ifdef X\nqualify_domain = 1\n.elifdef Y\nqualify_domain = 2\n.else\nqualify_domain = 3\n.endif\n', ['2 primary_hostname=p', '9 qualify_domain=3']],
    ['directives may be indented', 'X = 1\n  .ifdef X\n  qualify_domain = yes\n  .endif\n', ['3 qualify_domain=yes']],
    ['a built-in macro (_HAVE_...) is undecided', '.ifdef _HAVE_TLS\nqualify_domain = t\n.endif\n', ['2 qualify_domain=t (maybe)']],
    ['booleans: bare, no_, = false', 'split_spool_directory\nno_prdr_enable\nsmtp_enforce_sync = false\n', ['1 split_spool_directory=true', '2 prdr_enable=false', '3 smtp_enforce_sync=false']],
    ['quoted strings are de-quoted', 'qualify_domain = "a\\tb"\n', ['1 qualify_domain=a\tb']],
    ['hide', 'hide qualify_domain = secret\n', ['1 qualify_domain=secret']],
    ['.include of a file beside it', '.include other.conf\nprimary_hostname = p\n', ['1 qualify_domain=inc', '2 primary_hostname=p']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const p = parse(text, { 'other.conf': 'qualify_domain = inc\n' });
      assert.deepEqual(fatal(p), []);
      assert.deepEqual(options(p), expected);
    });
  }

  it('keeps where each value character was read: a continued value spans its lines, a macro points at its definition', () => {
    const p = parse('OPEN = 0.0.0.0/0\nhostlist relay = 10.0.0.0/8 : \\\n   OPEN\n');
    const list = p.lists[0];
    assert.ok(list);
    assert.equal(list.value.text, '10.0.0.0/8 : 0.0.0.0/0');
    const items = splitEximList(list.value, list.span).items;
    assert.deepEqual(
      items.map((i) => [i.text, i.span.line, i.span.column, i.span.endLine, i.span.endColumn]),
      [
        ['10.0.0.0/8', 2, 18, 2, 28],
        ['0.0.0.0/0', 1, 8, 1, 17],
      ],
    );
  });

  it('an .include relaygate cannot read is unknown, not an error', () => {
    const p = parse('.include /etc/exim/local.conf\nprimary_hostname = p\n');
    assert.deepEqual(fatal(p), []);
    assert.deepEqual(p.mainIncludes.map((s) => s.line), [1]);
    assert.deepEqual(p.unknowns.map((u) => u.what), ['.include /etc/exim/local.conf (not in the repository)']);
  });

  it('reads ACLs: verbs, conditions on the verb line and after it, negations, endpass; text after "name:" is ignored', () => {
    const p = parse('begin acl\ncheck_rcpt: accept\n  accept hosts = +relay\n         !verify = recipient\n  deny\n  accept domains = x\n    endpass\n    verify = recipient\n');
    assert.deepEqual(fatal(p), []);
    const acl = p.acls[0];
    assert.ok(acl);
    assert.equal(acl.name, 'check_rcpt');
    assert.deepEqual(
      acl.statements.map((s) => [s.verb, s.span.line, s.span.column, s.conditions.map((c) => `${c.negated ? '!' : ''}${c.name}${c.arg === null ? '' : `=${c.arg.text}`}`)]),
      [
        ['accept', 3, 3, ['hosts=+relay', '!verify=recipient']],
        ['deny', 5, 3, []],
        ['accept', 6, 3, ['domains=x', 'endpass', 'verify=recipient']],
      ],
    );
  });

  it('a macro definition ends an ACL (readconf_acl reads the next line as an ACL name)', () => {
    assert.deepEqual(fatal(parse('begin acl\na:\n  accept\nX = 1\n  deny\n')), ['5: missing or malformed ACL name']);
  });

  it('a value from an unresolved template is kept as unknown text', () => {
    const p = parse(`local_interfaces = ${UNKNOWN_MARK}\n`);
    assert.deepEqual(fatal(p), []);
    assert.equal(p.options[0]?.value?.text, UNKNOWN_MARK);
  });
});

describe('Exim refuses (exim -bV fails)', () => {
  const cases: [string, string, string][] = [
    ['an unknown main option', 'relay_everything = yes\n', '1: main option "relay_everything" unknown'],
    ['an option set twice', 'qualify_domain = a\nqualify_domain = b\n', '2: "qualify_domain" option set for the second time'],
    ['a value option without =', 'qualify_domain\n', '1: unexpected end of line (data missing) after qualify_domain'],
    ['no_ on a value option', 'no_qualify_domain\n', '1: negation prefix applied to a non-boolean option'],
    ['a bad boolean value', 'prdr_enable = maybe\n', '1: "maybe" is not a valid value for the "prdr_enable" option'],
    ['a macro defined twice with =', 'X = 1\nX = 2\n', '2: macro "X" is already defined (use "==" if you want to redefine it)'],
    ['a macro containing an earlier one', 'OPEN = 1\nOPENER = 2\n', '2: "OPENER" cannot be defined as a macro because previously defined macro "OPEN" is a substring'],
    ['a missing .endif', '.ifdef X\nqualify_domain = a\n', '1: Unexpected end of configuration file: .endif missing'],
    ['.endif without .ifdef', '.endif\n', '1: .endif without matching .ifdef'],
    ['an unknown section', 'begin acls_and_more\n', '1: "acls_and_more" is not a known configuration section name'],
    ['a repeated section', 'begin acl\nbegin acls\n', '2: "acls" section is repeated in the configuration file'],
    ['a missing quote', 'qualify_domain = "a\n', '1: missing quote at end of string value for qualify_domain'],
    ['an unknown ACL verb', 'begin acl\na:\n  permit\n', '3: error in ACL: unknown ACL verb "permit" in "permit"'],
    ['an unknown ACL condition', 'begin acl\na:\n  accept host = *\n', '3: error in ACL: unknown ACL condition/modifier in "accept host = *"'],
    ['a negated modifier', 'begin acl\na:\n  accept !message = x\n', '3: error in ACL: ACL error: negation is not allowed with "message"'],
    ['endpass on deny', 'begin acl\na:\n  deny endpass\n', '3: error in ACL: ACL error: "endpass" is not allowed with "deny"'],
    ['a condition without =', 'begin acl\na:\n  accept hosts *\n', '3: error in ACL: "=" missing after ACL "hosts" condition'],
    ['two ACLs of one name', 'begin acl\na:\n  accept\na:\n  deny\n', '4: there are two ACLs called "a"'],
    ['a router without a driver', 'begin routers\nr:\n  domains = x\n', '2: no driver defined for router r'],
    ['a router option before a router name', 'begin routers\n  driver = accept\n', '2: router name missing'],
    ['a named list without =', 'hostlist relay 1.2.3.4\n', `1: missing '=' after "relay"`],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(fatal(parse(text)), [expected]));
});

describe('Exim lists (string_nextinlist)', () => {
  const cases: [string, string[]][] = [
    ['a : b : c', ['a', 'b', 'c']],
    [' <; ::1 ; 127.0.0.1', ['::1', '127.0.0.1']],
    ['::::1 : 127.0.0.1', ['::1', '127.0.0.1']],
    [':', ['']],
    ['a : : b', ['a', '', 'b']],
    ['a :', ['a']],
    ['<, a,, b , c', ['a, b', 'c']],
    ['', []],
  ];
  for (const [text, items] of cases) {
    it(JSON.stringify(text), () => {
      const value = MappedText.of(text, 'f', 1, 1);
      assert.deepEqual(splitEximList(value, value.span()).items.map((i) => i.text), items);
    });
  }
});
