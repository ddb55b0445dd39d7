import path from 'node:path/posix';
import type { SourceFile } from '../../model/source.js';
import { parseAccessMap } from './access-map.js';
import { analyseCf } from './cf.js';
import { analyseMc } from './mc.js';
import type { SendmailConfiguration } from './model.js';

function stem(file: string): string {
  return path.join(path.dirname(file), path.basename(file, path.extname(file)));
}

/**
 * Groups sendmail files into configurations and analyses them. A .mc and the
 * .cf of the same name in the same directory are one configuration, judged
 * from the .mc (the .cf is what m4 built from it); a .cf alone (sendmail.cf,
 * submit.cf) is judged from its own lines and rulesets.
 */
/** A .mc by discovery's judgement (content), else by name. */
function isMc(file: SourceFile): boolean {
  return file.role ? file.role === 'sendmail.mc' : file.path.endsWith('.mc');
}

export function assembleSendmail(all: SourceFile[]): SendmailConfiguration[] {
  const files = all.filter((f) => f.role !== 'sendmail.access');
  const mcByStem = new Map<string, SourceFile>();
  for (const f of files) if (isMc(f)) mcByStem.set(stem(f.path), f);
  const cfWithMc = new Set<string>();
  for (const f of files) if (!isMc(f) && mcByStem.has(stem(f.path))) cfWithMc.add(f.path);

  const out: SendmailConfiguration[] = [];
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (isMc(f)) {
      const cf = files.find((g) => cfWithMc.has(g.path) && stem(g.path) === stem(f.path)) ?? null;
      out.push({
        mta: 'sendmail',
        files: cf ? [f.path, cf.path] : [f.path],
        form: 'plain',
        mc: f.path,
        cf: cf?.path ?? null,
        ...analyseMc(f),
      });
    } else if (!cfWithMc.has(f.path)) {
      out.push({ mta: 'sendmail', files: [f.path], form: 'plain', mc: null, cf: f.path, ...analyseCf(f) });
    }
  }
  attachAccessMaps(out, all.filter((f) => f.role === 'sendmail.access'));
  return out;
}

/**
 * An access map source belongs to the sendmail configurations of its own
 * directory (`/etc/mail/access` beside `/etc/mail/sendmail.mc`); one with no
 * configuration beside it is judged alone, over a sendmail relaygate cannot see.
 */
function attachAccessMaps(configurations: SendmailConfiguration[], accessFiles: SourceFile[]): void {
  for (const file of [...accessFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const map = parseAccessMap(file);
    const directory = path.dirname(file.path);
    const owners = configurations.filter((c) => c.mc !== null || c.cf !== null).filter((c) => path.dirname(c.mc ?? c.cf ?? '') === directory);
    for (const owner of owners) {
      owner.accessMaps = [...(owner.accessMaps ?? []), map];
      owner.files = [...owner.files, file.path].sort();
    }
    if (owners.length > 0) continue;
    configurations.push({
      mta: 'sendmail',
      files: [file.path],
      form: 'plain',
      mc: null,
      cf: null,
      listeners: [],
      features: [],
      promiscuousRelay: { enabled: false, span: null },
      relayDomains: [],
      unknowns: [],
      cfInclude: null,
      diagnostics: [],
      accessMaps: [map],
    });
  }
}
