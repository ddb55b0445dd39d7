import { UNKNOWN_MARK } from '../../../model/source.js';
import { SourceMap, type Fragment, type MapSegment } from '../../contracts/fragment.js';

/**
 * debconf questions of the exim4-config package and the update-exim4.conf.conf
 * settings its config script writes from them (exim4-config 4.96, `config`:
 * `db_get exim4/dc_relay_nets` -> dc_relay_nets, `exim4/use_split_config` ->
 * dc_use_split_config, `exim4/hide_mailname` -> dc_hide_mailname; the other
 * `exim4/dc_*` questions keep their names).
 */
const QUESTIONS: ReadonlyMap<string, string> = new Map([
  ['exim4/dc_eximconfig_configtype', 'dc_eximconfig_configtype'],
  ['exim4/dc_local_interfaces', 'dc_local_interfaces'],
  ['exim4/dc_relay_nets', 'dc_relay_nets'],
  ['exim4/dc_relay_domains', 'dc_relay_domains'],
  ['exim4/dc_other_hostnames', 'dc_other_hostnames'],
  ['exim4/dc_readhost', 'dc_readhost'],
  ['exim4/dc_smarthost', 'dc_smarthost'],
  ['exim4/dc_minimaldns', 'dc_minimaldns'],
  ['exim4/use_split_config', 'dc_use_split_config'],
  ['exim4/hide_mailname', 'dc_hide_mailname'],
]);

/**
 * The config script's convert_to_short(): the configuration type is
 * answered with the choice's long text; any other answer leaves
 * dc_eximconfig_configtype empty (the script's `case` has no default).
 */
const CONFIG_TYPES: ReadonlyMap<string, string> = new Map([
  ['internet site; mail is sent and received directly using SMTP', 'internet'],
  ['mail sent by smarthost; received via SMTP or fetchmail', 'smarthost'],
  ['mail sent by smarthost; no local mail', 'satellite'],
  ['local delivery only; not on a network', 'local'],
  ['no configuration at this time', 'none'],
]);

/** `owner question type value` (debconf-set-selections(1)): fields split by white space, the value is the rest of the line. */
const SELECTION = /^[ \t]*(\S+)[ \t]+(\S+)[ \t]+(\S+)(?:[ \t](.*))?$/;

/**
 * The exim4-config answers in `input` (the text debconf-set-selections
 * reads, mapped to the host file) as update-exim4.conf.conf lines
 * (`dc_relay_nets='0.0.0.0/0'`), each value mapped to where the answer is
 * written; null when it answers none of them. Values holding a quote are
 * written unknown (the config script's quoting is not modelled).
 */
export function exim4Answers(input: Fragment): Fragment | null {
  const out: string[] = [];
  const segments: MapSegment[] = [];
  input.text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const m = SELECTION.exec(line);
    if (m === null || line.trimStart().startsWith('#')) return;
    const [, owner, question, , answer] = m;
    if (owner !== 'exim4-config' && owner !== 'exim4') return;
    const name = QUESTIONS.get(question ?? '');
    if (name === undefined) return;
    let value = (answer ?? '').trim();
    const valueColumn = value === '' ? line.length + 1 : line.lastIndexOf(value) + 1;
    const from = input.map.start(i + 1, valueColumn);
    const to = input.map.end(i + 1, valueColumn + Math.max(value.length, 1));
    if (name === 'dc_eximconfig_configtype' && !value.includes(UNKNOWN_MARK)) value = CONFIG_TYPES.get(value) ?? '';
    if (value.includes("'")) value = UNKNOWN_MARK;
    const prefix = `${name}='`;
    const text = `${prefix}${value}'`;
    out.push(text);
    segments.push({ line: out.length, column: 1, endColumn: text.length + 1, kind: 'expression', from, to });
  });
  if (out.length === 0) return null;
  return { file: input.file, text: `${out.join('\n')}\n`, form: input.form, map: new SourceMap(segments), maybeLines: new Set(), alternatives: [] };
}
