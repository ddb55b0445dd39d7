import { readFileSync } from 'node:fs';
import { renderTemplate } from '../src/sources/template-languages.js';
import { markUncertain } from '../src/sources/render/mark-uncertain.js';
const text = readFileSync(process.argv[2], 'utf8');
const r = renderTemplate({ path: 'x/master.cf.j2', text }, { lookup: () => undefined });
console.log(JSON.stringify(r.diagnostics));
const f = markUncertain(r.fragment, text, 'master.cf');
console.log(f.text.split('\n').slice(0, 18).map((l, i) => `${i + 1}: ${l}`).join('\n'));
