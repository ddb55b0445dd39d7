// Differential test: our ERB renderer against Ruby itself (Erubis for Chef,
// ERB with trim mode '-' for Puppet), on generated templates over literal data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { plainScope } from '../../src/sources/contracts/variables.js';
import { renderErb } from '../../src/sources/languages/ruby-erb/index.js';
import { requireProgram } from '../helpers/oracle.js';
import { Random } from '../helpers/random.js';
import { haveRubyErb, renderWithRuby, type RubyCase, type RubyEngine } from '../helpers/ruby-erb.js';

const STRINGS = ['all', 'loopback-only', '127.0.0.1', '', 'permit_mynetworks, reject', 'Mx'];
type Kind = 'string' | 'nil' | 'bool' | 'number' | 'list' | 'hash';

interface Data {
  ivars: Record<string, unknown>;
  kinds: Record<string, Kind>;
}

function data(random: Random): Data {
  const ivars: Record<string, unknown> = {};
  const kinds: Record<string, Kind> = {};
  for (const name of ['a', 'b', 'c', 'l', 'm', 'h']) {
    const kind: Kind = name === 'l' || name === 'm' ? 'list' : name === 'h' ? 'hash' : random.pick(['string', 'string', 'string', 'nil', 'bool', 'number'] as const);
    kinds[name] = kind;
    ivars[name] =
      kind === 'string' ? random.pick(STRINGS)
      : kind === 'nil' ? null
      : kind === 'bool' ? random.chance(0.5)
      : kind === 'number' ? random.pick([0, 25, 587])
      : kind === 'list' ? random.pick([[], ['a'], ['x', 'y', 'z'], ['127.0.0.1', '[::1]']])
      : random.pick([{}, { k: 'v' }, { inet_interfaces: 'all', mynetworks: '127.0.0.0/8' }]);
  }
  return { ivars, kinds };
}

/** Generates templates in the subset our renderer claims, with every trim form of both engines. */
class Generator {
  private depth = 0;
  private locals: string[] = [];

  constructor(
    private readonly random: Random,
    private readonly d: Data,
    private readonly engine: RubyEngine,
  ) {}

  /**
   * A `case`/`when` tag: Ruby accepts nothing between `case` and `when`, so
   * it is mostly written the way each engine trims away (Erubis: alone on
   * its line; ERB: `-%>`), and sometimes not (a template both must refuse).
   */
  private caseTag(code: string): string {
    if (this.random.chance(0.03)) return this.tag(code);
    const close = this.engine === 'erubis' ? this.random.pick([' %>', ' -%>']) : ' -%>';
    return `${this.engine === 'erubis' ? this.indent() : ''}${this.open()} ${code}${close}\n`;
  }

  private indent(): string {
    return this.random.pick(['', '', '', ' ', '  ', '\t']);
  }

  private open(): string {
    return this.random.pick(['<%', '<%', '<%-']);
  }

  private close(): string {
    return this.random.pick([' %>', ' -%>', ' -%>', '%>']);
  }

  /** A code tag on its own line, or inline after some text, ending its line or not. */
  private tag(code: string): string {
    const tag = `${this.indent()}${this.open()} ${code}${this.close()}`;
    return this.random.chance(0.85) ? `${tag}\n` : `${tag}${this.random.pick(['', ' ', 'x = 1\n'])}`;
  }

  private scalar(): string {
    const names = ['a', 'b', 'c'];
    const name = this.random.pick(names);
    if (this.locals.length > 0 && this.random.chance(0.5)) return this.random.pick(this.locals);
    const kind = this.d.kinds[name];
    if (kind === 'string' && this.random.chance(0.3)) return `@${name}${this.random.pick(['.upcase', '.downcase', '.strip', '.length', '.empty?'])}`;
    return `@${name}`;
  }

  private condition(): string {
    const s = this.scalar();
    return this.random.pick([
      s,
      `!${s}`,
      `(${s})`,
      `${s} == '${this.random.pick(STRINGS)}'`,
      `${s} != nil`,
      `${s}.nil?`,
      `@l.empty?`,
      `${s} && @b`,
      `${s} || @c`,
      `@m.include?('a')`,
      `@h.key?('k')`,
    ]);
  }

  private output(): string {
    const expression = this.random.pick([
      this.scalar(),
      this.scalar(),
      `@l.join(', ')`,
      `@m.join(' ')`,
      `@l.length`,
      `"<${this.scalar()}>"`,
      `'lit'`,
      `${this.scalar()} ? 'yes' : 'no'`,
      `@h.length`,
    ]);
    const open = this.random.pick(['<%=', '<%=', '<%= ']);
    const close = this.random.pick([' %>', ' -%>', '%>']);
    return `${this.indent()}${this.random.pick(['', 'name = ', 'smtpd_banner = '])}${open} ${expression}${close}${this.random.pick(['\n', '\n', '', ' # c\n'])}`;
  }

  block(): string {
    const parts: string[] = [];
    const count = 1 + this.random.int(3);
    for (let i = 0; i < count; i++) parts.push(this.item());
    return parts.join('');
  }

  private nested(body: () => string): string {
    this.depth++;
    try {
      return body();
    } finally {
      this.depth--;
    }
  }

  private item(): string {
    const choice = this.depth >= 3 ? this.random.int(3) : this.random.int(10);
    switch (choice) {
      case 0:
        return `${this.indent()}${this.random.pick(['inet_interfaces = all', 'mynetworks = 127.0.0.0/8', '# comment', ''])}\n`;
      case 1:
        return this.output();
      case 2:
        return this.random.chance(0.5) ? `${this.indent()}<%# note %>${this.random.pick(['\n', ''])}` : `${this.indent()}<%%= not a tag %>\n`;
      case 3:
      case 4: {
        const keyword = this.random.pick(['if ', 'if ', 'unless ', 'if']);
        const test = keyword === 'if' ? `(${this.condition()})` : this.condition();
        let out = this.tag(`${keyword}${test}`) + this.nested(() => this.block());
        if (keyword !== 'unless ' && this.random.chance(0.4)) out += this.tag(`elsif ${this.condition()}`) + this.nested(() => this.block());
        if (this.random.chance(0.5)) out += this.tag('else') + this.nested(() => this.block());
        return out + this.tag('end');
      }
      case 5: {
        const variable = this.random.pick(['x', 'item']);
        const list = this.random.pick(['@l', '@m', '@l.sort', '@m.uniq']);
        const open = this.random.chance(0.8) ? `${list}.each do |${variable}|` : `${list}.each_with_index do |${variable}, i|`;
        this.locals.push(variable);
        try {
          return this.tag(open) + this.nested(() => this.block()) + this.tag('end');
        } finally {
          this.locals.pop();
        }
      }
      case 6: {
        this.locals.push('k', 'v');
        try {
          return this.tag('@h.each do |k, v|') + `${this.indent()}<%= k %> = <%= v %>\n` + this.tag('end');
        } finally {
          this.locals.splice(-2);
        }
      }
      case 7:
      case 8: {
        if (this.random.chance(0.5)) return this.item();
        const options = () => this.random.pick([`'${this.random.pick(STRINGS)}'`, 'nil', 'String', `'all', 'Mx'`, '25', 'true']);
        let out = this.caseTag(`case ${this.scalar()}`);
        // Text before the first `when` is a syntax error in Ruby (unless trimmed away).
        if (this.random.chance(0.1)) out += this.random.pick(['\n', ' ', 'stray\n']);
        const branches = 1 + this.random.int(3);
        for (let i = 0; i < branches; i++) out += this.caseTag(`when ${options()}`) + this.nested(() => this.block());
        if (this.random.chance(0.5)) out += this.caseTag('else') + this.nested(() => this.block());
        return out + this.caseTag('end');
      }
      default: {
        const local = this.random.pick(['y', 'z']);
        return this.tag(`${local} = ${this.random.pick(["'v'", '@a', '1'])}`) + `${this.indent()}<%= ${local} %>\n`;
      }
    }
  }
}

interface Outcome {
  agreedText: number;
  agreedRejected: number;
  unknown: number;
  failures: string[];
  /** Ruby's refusals by message, to see what the generator exercises. */
  refusals: Map<string, number>;
}

function compare(engine: RubyEngine, seed: number, count: number): Outcome {
  const random = new Random(seed);
  const cases: (RubyCase & { kinds: Data['kinds'] })[] = [];
  for (let i = 0; i < count; i++) {
    const d = data(random);
    const generator = new Generator(random, d, engine);
    // Now and then a stray `end`/`else`/`when`: Ruby refuses it, and so must we.
    const stray = random.chance(0.06) ? random.pick(['<% end %>\n', '<% else -%>\n', '<% when 1 -%>\n', '<% elsif @a %>\n']) : '';
    cases.push({ engine, template: generator.block() + stray + generator.block(), ivars: d.ivars, kinds: d.kinds });
  }
  const ruby = renderWithRuby(cases.map(({ engine: e, template, ivars }) => ({ engine: e, template, ivars })));
  const outcome: Outcome = { agreedText: 0, agreedRejected: 0, unknown: 0, failures: [], refusals: new Map() };
  cases.forEach((c, i) => {
    const scope = plainScope(Object.fromEntries(Object.entries(c.ivars).map(([k, v]) => [`@${k}`, v])));
    const ours = renderErb('t.erb', c.template, scope, engine);
    const theirs = ruby[i];
    const label = `${engine} #${i} ${JSON.stringify(c.template)} ivars=${JSON.stringify(c.ivars)}`;
    if (theirs === undefined) return;
    if (!('text' in theirs)) {
      const reason = `${theirs.error}: ${theirs.message.replace(/^\S*:\d+: /, '').replace(/\(.*?\):\d+:?\s*/, '')}`;
      outcome.refusals.set(reason, (outcome.refusals.get(reason) ?? 0) + 1);
    }
    if (ours.diagnostics.length > 0) {
      // config-unreadable only for what Ruby rejects.
      if ('text' in theirs) outcome.failures.push(`${label}: we reject (${ours.diagnostics[0]?.message}), Ruby renders ${JSON.stringify(theirs.text)}`);
      else outcome.agreedRejected++;
      return;
    }
    if (!('text' in theirs)) {
      if (theirs.error === 'syntax') outcome.failures.push(`${label}: Ruby rejects (${theirs.message}), we render ${JSON.stringify(ours.fragment.text)}`);
      else outcome.unknown++; // a run-time error (a method on nil): we may render it as unknown
      return;
    }
    const known = !ours.fragment.text.includes(UNKNOWN_MARK) && ours.fragment.maybeLines.size === 0 && ours.fragment.alternatives.length === 0;
    if (!known) {
      outcome.unknown++;
      return;
    }
    if (ours.fragment.text === theirs.text) outcome.agreedText++;
    else outcome.failures.push(`${label}: we render ${JSON.stringify(ours.fragment.text)}, Ruby ${JSON.stringify(theirs.text)}`);
  });
  return outcome;
}

for (const engine of ['erubis', 'erb-dash'] as const) {
  test(`ERB differential (${engine === 'erubis' ? "Erubis, Chef's engine" : "ERB trim_mode '-', Puppet's engine"}): same text, same refusals`, (t) => {
    if (!requireProgram(t, 'ruby')) return;
    if (!haveRubyErb()) {
      if (process.env.RELAYGATE_REQUIRE_ORACLES === '1') throw new Error('ruby-erubis not installed, and RELAYGATE_REQUIRE_ORACLES=1 requires it');
      t.skip('ruby-erubis not installed: oracle test skipped');
      return;
    }
    const outcome = compare(engine, engine === 'erubis' ? 1009 : 2003, 600);
    t.diagnostic(`${engine}: ${outcome.agreedText} same text, ${outcome.agreedRejected} rejected by both, ${outcome.unknown} unknown or run-time errors`);
    const top = [...outcome.refusals].sort((a, b) => b[1] - a[1]).slice(0, 4);
    t.diagnostic(`Ruby's refusals: ${top.map(([m, n]) => `${n}x ${m}`).join('; ')}`);
    assert.deepEqual(outcome.failures.slice(0, 5), []);
    // The generator must exercise both sides: templates both render, and templates both refuse.
    assert.ok(outcome.agreedText > 300, `only ${outcome.agreedText} templates rendered alike`);
    assert.ok(outcome.agreedRejected > 5, `only ${outcome.agreedRejected} templates refused alike`);
  });
}
