/**
 * Debian's older exim4-config templates (exim4.conf.template and the conf.d
 * files of releases such as etch) hold `DEBCONFnameDEBCONF` strings that
 * update-exim4.conf replaced with values made from update-exim4.conf.conf
 * before Exim read the result (the templates say so in their header:
 * "Strings like DEBCONFsomethingDEBCONF are replaced by installation
 * dependent values by update-exim4.conf"). Exim itself never sees them.
 *
 * relaygate writes the value where it follows from the settings alone, as
 * the templates describe it: the dc_* value itself for the relay and host
 * settings; `@:localhost:` and dc_other_hostnames for the local domains;
 * `DC_minimaldns=1` when dc_minimaldns is true, else an empty line; for the
 * listener, `local_interfaces = dc_local_interfaces`, or an empty line (every
 * address) when it is empty; the hard-coded primary host name only in a
 * minimaldns setup, else nothing. Any other string, a setting relaygate cannot
 * read, or a value with characters whose treatment it does not know (`;`
 * lists, white space) is unknown: an unknown value after `=`, else unknown
 * text where the line stands. Without update-exim4.conf.conf every string
 * is unknown.
 */
import { UNKNOWN_MARK } from '../../model/source.js';
import type { PhysicalLine } from './config-lines.js';
import { type Debconf, debconfValue } from './debconf.js';
import { MappedText, MappedTextBuilder, type TextPosition } from './mapped-text.js';

const OPEN = 'DEBCONF';
const NAME_CHAR = /[A-Za-z0-9_]/;
/** Values written as they are: list items without separators relaygate would have to guess. */
const PLAIN_VALUE = /^[-0-9A-Za-z/.*@_:![\]]*$/;

interface Placeholder {
  from: number;
  to: number;
  name: string;
}

/** The `DEBCONFnameDEBCONF` strings of a line, left to right (one pass: each search starts where the last one ended). */
function placeholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  let at = text.indexOf(OPEN);
  while (at >= 0) {
    const close = text.indexOf(OPEN, at + OPEN.length);
    if (close < 0) break;
    let end = at + OPEN.length;
    while (end < close && NAME_CHAR.test(text[end] as string)) end++;
    if (end === close && close > at + OPEN.length) {
      out.push({ from: at, to: close + OPEN.length, name: text.slice(at + OPEN.length, close) });
      at = text.indexOf(OPEN, close + OPEN.length);
    } else {
      at = close;
    }
  }
  return out;
}

/** A value update-exim4.conf writes, with where each character comes from; null: unknown. */
type Value = MappedText | null;

function settingValue(conf: Debconf, name: string): { text: MappedText; anchor: TextPosition } | null {
  const v = debconfValue(conf, name);
  if (v.unknown || v.value.text.includes(UNKNOWN_MARK) || !PLAIN_VALUE.test(v.value.text)) return null;
  const span = v.span ?? { file: conf.file, line: 1, column: 1 };
  return { text: v.value, anchor: { file: span.file, line: span.line, column: span.column } };
}

function generated(text: string, at: TextPosition): MappedText {
  return MappedText.pinned(text, at.file, at.line, at.column);
}

function flag(conf: Debconf, name: string): 'true' | 'false' | null {
  const v = settingValue(conf, name);
  if (v === null) return null;
  return v.text.text.toLowerCase() === 'true' ? 'true' : 'false';
}

/** Strings that are a setting's value as it is. */
const DIRECT: ReadonlyMap<string, string> = new Map([
  ['relay_nets', 'dc_relay_nets'],
  ['relay_domains', 'dc_relay_domains'],
  ['readhost', 'dc_readhost'],
  ['smarthost', 'dc_smarthost'],
  ['configtype', 'dc_eximconfig_configtype'],
]);

function placeholderValue(conf: Debconf, name: string): Value {
  const setting = DIRECT.get(name);
  if (setting !== undefined) return settingValue(conf, setting)?.text ?? null;
  switch (name) {
    case 'local_domains': {
      const v = settingValue(conf, 'dc_other_hostnames');
      return v === null ? null : generated('@:localhost:', v.anchor).concat(v.text);
    }
    case 'minimaldns': {
      const v = settingValue(conf, 'dc_minimaldns');
      const on = flag(conf, 'dc_minimaldns');
      if (v === null || on === null) return null;
      return on === 'true' ? generated('DC_minimaldns=1', v.anchor) : MappedText.empty();
    }
    case '_hardcode_primary_hostname_':
      // `hostname --fqdn` of the machine that runs update-exim4.conf, in a minimaldns setup only.
      return flag(conf, 'dc_minimaldns') === 'false' ? MappedText.empty() : null;
    case 'listenonpublic': {
      const v = settingValue(conf, 'dc_local_interfaces');
      if (v === null) return null;
      return v.text.length === 0 ? MappedText.empty() : generated('local_interfaces = ', v.anchor).concat(v.text);
    }
    default:
      return null;
  }
}

/** `NAME = …` or `name = …` before the string: it is (part of) a value. */
const ASSIGNED = /^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*=/;

/** The lines Exim reads after update-exim4.conf has replaced the strings (conf null: no settings in the repository). */
export function replacePlaceholders(lines: readonly PhysicalLine[], conf: Debconf | null): PhysicalLine[] {
  return lines.map((line) => {
    if (line.unknown !== undefined || line.text.trimStart().startsWith('#')) return line;
    const found = placeholders(line.text);
    if (found.length === 0) return line;
    const raw = line.mapped ?? MappedText.of(line.text, line.file, line.line, 1);
    const out = new MappedTextBuilder();
    let last = 0;
    for (const p of found) {
      const value = conf === null ? null : placeholderValue(conf, p.name);
      out.append(raw.slice(last, p.from));
      if (value === null) {
        // Unknown text where the line stands, unless the string is part of a value.
        if (!ASSIGNED.test(line.text.slice(0, p.from))) return { ...line, unknown: `${OPEN}${p.name}${OPEN}` };
        const at = raw.position(p.from) ?? { file: line.file, line: line.line, column: p.from + 1 };
        out.char(UNKNOWN_MARK, at.file, at.line, at.column);
      } else out.append(value);
      last = p.to;
    }
    out.append(raw.slice(last));
    const mapped = out.build();
    return { text: mapped.text, file: line.file, line: line.line, mapped };
  });
}
