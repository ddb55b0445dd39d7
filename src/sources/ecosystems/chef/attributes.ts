import { LineIndex } from '../../../model/source.js';
import { UNKNOWN } from '../../contracts/values.js';
import { readRubyLiteral } from '../../languages/ruby-erb/ruby-literal.js';
import { OPENS, RubyLines } from './ruby-lines.js';

/** Chef precedence levels an attributes file or recipe can set (`set` is the old name of `normal`). */
export type ChefPrecedence = 'default' | 'force_default' | 'normal' | 'override' | 'force_override';

export interface AttributeAssignment {
  precedence: ChefPrecedence;
  /** Keys below `node`, symbols as their names (Chef treats `:a` and `'a'` alike). */
  path: string[];
  /** The literal value, or UNKNOWN for a value we do not read (a call, a variable, a conditional assignment). */
  value: unknown;
  line: number;
}

const TARGET = /^(?:node\.)?(default|normal|override|force_default|force_override|set)((?:\s*\[\s*(?:'[^'\n]*'|"[^"\n#]*"|:[A-Za-z_][A-Za-z0-9_]*)\s*\])+)\s*=(?![=~])/;
const KEY = /\[\s*(?:'([^'\n]*)'|"([^"\n#]*)"|:([A-Za-z_][A-Za-z0-9_]*))\s*\]/g;

/**
 * Reads the literal attribute assignments of a cookbook's `attributes/*.rb`
 * without running it. An assignment inside a conditional (`if`, `case`,
 * a modifier `if`/`unless`) may or may not happen: its value is UNKNOWN.
 */
export function readChefAttributes(text: string): AttributeAssignment[] {
  const index = new LineIndex(text);
  const assignments: AttributeAssignment[] = [];
  const lines = RubyLines.of(text);
  for (let read = lines.next(); read !== null; read = lines.next()) {
    const { text: line, start: lineStart } = read;
    const target = TARGET.exec(line);
    if (target === null) {
      if (OPENS.test(line)) lines.depth++;
      continue;
    }
    const level = target[1] as string;
    const precedence: ChefPrecedence = level === 'set' ? 'normal' : (level as ChefPrecedence);
    const path = [...(target[2] as string).matchAll(KEY)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
    const literal = readRubyLiteral(text, lineStart + target[0].length);
    let value: unknown = UNKNOWN;
    if (literal !== null) {
      const restEnd = text.indexOf('\n', literal.end);
      const rest = text.slice(literal.end, restEnd < 0 ? text.length : restEnd).trim();
      if (rest === '' || rest.startsWith('#')) value = literal.value;
      // A multi-line literal: continue after it.
      if (restEnd > lines.pos) lines.pos = restEnd + 1;
      else if (restEnd < 0) lines.pos = text.length;
    }
    if (lines.depth > 0) value = UNKNOWN;
    assignments.push({ precedence, path, value, line: index.position(lineStart).line });
  }
  return assignments;
}
