import type { Certainty, Level, RuleResult } from '../model/finding.js';
import { isUnknown } from '../model/source.js';
import type { Span } from '../model/span.js';
import type { Configuration } from '../mta/configuration.js';
import { containsPublic, isWorldWide, readAddressList, type AddressItem } from '../mta/postfix/address-lists.js';
import type { EffectiveValue } from '../mta/postfix/effective.js';
import { smtpdListeners, type SmtpdListener } from '../mta/postfix/listeners.js';
import type { PostfixConfiguration } from '../mta/postfix/model.js';
import { describeListeners, locateValue, RelatedList, show, where } from './postfix-locate.js';
import { examples } from './examples/postfix-broad-mynetworks.js';
import type { Rule, RuleMeta } from './rule.js';

export const meta: RuleMeta = {
  id: 'postfix-broad-mynetworks',
  title: 'Postfix trusts too many clients (mynetworks)',
  description:
    'mynetworks trusts the world (0.0.0.0/0, ::/0, very short prefixes) or wide public ranges, or mynetworks_style = class/subnet decides it, on an smtpd other hosts can reach.',
  help:
    'permit_mynetworks (the first restriction of Postfix\'s default smtpd_relay_restrictions) lets every client in ' +
    'mynetworks relay mail anywhere. relaygate reads mynetworks as Postfix does (commas and/or whitespace, [ipv6]/n ' +
    'in brackets, !pattern excludes, the first match wins) and measures each network with CIDR arithmetic: a network ' +
    'wider than an IPv4 /8 or an IPv6 /16 that holds public addresses trusts "the world" (error); a public network ' +
    'wider than an IPv4 /24 or an IPv6 /48 trusts hosts that are probably not yours (warning). /file and type:table ' +
    'entries are read by Postfix at run time and are unknown here. When mynetworks is unset, mynetworks_style decides: ' +
    '"class" trusts the whole class A/B/C network of every interface and "subnet" (the default below ' +
    'compatibility_level 2) every subnet the host is attached to, which on a cloud or hosting network includes ' +
    'other customers (warning). Fix: list the networks you administer, e.g. mynetworks = 127.0.0.0/8 [::1]/128.',
  fix: 'List only the networks you administer, e.g. mynetworks = 127.0.0.0/8 [::1]/128 (or mynetworks_style = host).',
  defaultLevel: 'error',
  securitySeverity: 7.5,
  stig: false,
  examples,
};

const FIX = 'List only the networks you administer, e.g. mynetworks = 127.0.0.0/8 [::1]/128.';

function size(item: AddressItem): string {
  const block = item.block;
  if (block === undefined) return '';
  const bits = (block.address.kind() === 'ipv4' ? 32 : 128) - block.prefix;
  return bits > 64 ? `2^${bits} addresses` : `${(2 ** bits).toLocaleString('en-US')} addresses`;
}

/** An earlier `!pattern` whose network holds this whole one: the item never matches. */
function negatedEarlier(items: readonly AddressItem[], index: number): boolean {
  const block = items[index]?.block;
  if (block === undefined) return false;
  return items.slice(0, index).some(
    (i) => i.negated && i.block !== undefined && i.block.address.kind() === block.address.kind() && i.block.prefix <= block.prefix && block.address.match(i.block.address, i.block.prefix),
  );
}

interface Problem {
  level: Level;
  certainty: Certainty;
  what: string;
}

function problemsOf(value: EffectiveValue): Problem[] {
  if (value.unknown && !value.value.includes('\uE000')) {
    return [{ level: 'warning', certainty: 'indeterminate', what: 'may be redefined by a line whose parameter name relaygate could not resolve' }];
  }
  const items = readAddressList(value.value);
  const out: Problem[] = [];
  items.forEach((item, i) => {
    if (item.negated || negatedEarlier(items, i)) return;
    if (item.kind === 'static') out.push({ level: 'error', certainty: 'definite', what: `contains ${item.text}, which matches every client` });
    else if (item.kind === 'file' || item.kind === 'table') {
      out.push({ level: 'warning', certainty: 'indeterminate', what: `contains ${item.text}, whose entries relaygate cannot see` });
    } else if (item.kind === 'unresolved') {
      out.push({ level: 'warning', certainty: 'indeterminate', what: `contains ${show(item.text)}, from a template expression relaygate could not resolve` });
    } else if (item.block !== undefined) {
      const v4 = item.block.address.kind() === 'ipv4';
      if (isWorldWide(item.block)) {
        const everything = item.block.prefix === 0 ? ` (every ${v4 ? 'IPv4' : 'IPv6'} address)` : '';
        out.push({ level: 'error', certainty: 'definite', what: `contains ${item.text}${everything}: ${size(item)}, the public Internet` });
      } else if (containsPublic(item.block) && item.block.prefix < (v4 ? 24 : 48)) {
        out.push({ level: 'warning', certainty: 'definite', what: `contains the public network ${item.text} (${size(item)}, wider than a ${v4 ? '/24' : '/48'})` });
      }
    }
  });
  return out;
}

function result(level: Level, certainty: Certainty, message: string, fix: string, span: Span, related: RelatedList): RuleResult {
  return { ruleId: meta.id, level, certainty, mta: 'postfix', message, fix, ids: [], span, related: related.items };
}

interface Group {
  value: EffectiveValue;
  style: EffectiveValue;
  level: EffectiveValue;
  listeners: SmtpdListener[];
}

function check(config: PostfixConfiguration): RuleResult[] {
  const overlay = config.overlay;
  // Edits are judged on what they change: a mynetworks they set. (Debian's packaged
  // main.cf sets mynetworks itself, other bases are unknown, so a style edit alone says nothing.)
  if (overlay !== undefined && !overlay.touched.some((t) => t === 'mynetworks' || t.endsWith('/mynetworks') || isUnknown(t))) return [];
  let listeners = smtpdListeners(config).filter((l) => l.external !== false);
  // A master.cf alone: main.cf's mynetworks is unknown; only a service's own -o says anything.
  if (config.mainCf === null) listeners = listeners.filter((l) => l.smtpd.overrides.some((o) => o.name === 'mynetworks'));
  const groups = new Map<string, Group>();
  for (const listener of listeners) {
    const value = listener.parameters.get('mynetworks');
    const style = listener.parameters.get('mynetworks_style');
    const origin = value.origin.kind === 'default' ? `style:${style.value}:${style.origin.kind === 'default' ? '-' : style.origin.definition.span.line}` : `${value.origin.definition.span.file}:${value.origin.definition.span.line}`;
    const key = `${origin}\u0000${value.value}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { value, style, level: listener.parameters.get('compatibility_level'), listeners: [listener] });
    else group.listeners.push(listener);
  }
  const out: RuleResult[] = [];
  for (const group of groups.values()) {
    const exposed = group.listeners.some((l) => l.external === true);
    const reach = exposed ? 'accepts connections from any host' : 'may accept connections from other hosts';
    const who = describeListeners(group.listeners);
    if (overlay !== undefined && group.value.origin.kind === 'default') continue;
    if (group.value.origin.kind !== 'default') {
      const span = locateValue(group.value, config, ['mynetworks']);
      for (const p of problemsOf(group.value)) {
        const related = new RelatedList(span);
        related.addValue(group.value, 'mynetworks is set here');
        const override = group.value.origin.kind === 'override' ? ` (master.cf -o on ${group.value.origin.service.name})` : '';
        out.push(
          result(
            p.level,
            exposed ? p.certainty : 'indeterminate',
            `${who} ${reach}, and mynetworks = "${show(group.value.raw)}"${override} ${p.what}; ${p.certainty === 'definite' ? 'every client there' : 'whatever it trusts'} may relay through permit_mynetworks.`,
            FIX,
            span,
            related,
          ),
        );
      }
      continue;
    }
    const style = group.style;
    const styleText = style.value.trim().toLowerCase();
    if (style.unknown || (styleText !== 'class' && styleText !== 'subnet')) {
      if (style.unknown) {
        const span = locateValue(style, config, ['mynetworks_style']);
        out.push(result('warning', 'indeterminate', `${who} ${reach}, mynetworks is unset and mynetworks_style depends on a value relaygate could not resolve.`, FIX, span, new RelatedList(span)));
      }
      continue;
    }
    const span = style.origin.kind === 'default' ? locateValue(group.level, config, ['compatibility_level', 'mynetworks']) : locateValue(style, config);
    const related = new RelatedList(span);
    related.add(group.level.origin, 'compatibility_level is set here');
    const because =
      style.origin.kind === 'default'
        ? `mynetworks and mynetworks_style are unset, and compatibility_level ${group.level.origin.kind === 'default' ? '(unset, 0)' : `= ${show(group.level.value)} (${where(group.level.origin)})`} below 2 makes the style subnet`
        : `mynetworks is unset and mynetworks_style = ${styleText}`;
    const trusts =
      styleText === 'class'
        ? 'every client in the whole class A, B or C network of each of the host\'s addresses (a public /8, /16 or /24)'
        : 'every host on the subnets the host is attached to (on a cloud or hosting network, other customers too)';
    out.push(
      result(
        'warning',
        exposed ? 'definite' : 'indeterminate',
        `${who} ${reach}, and ${because}: permit_mynetworks trusts ${trusts}.`,
        'Set mynetworks explicitly (e.g. 127.0.0.0/8 [::1]/128), or mynetworks_style = host.',
        span,
        related,
      ),
    );
  }
  if (overlay === undefined) return out;
  return out.map((r) => ({ ...r, message: `${r.message} (Judged over ${overlay.assumed}.)` }));
}

export const rule: Rule = {
  meta,
  check(config: Configuration): RuleResult[] {
    return config.mta === 'postfix' ? check(config) : [];
  },
};
