import { CST, Lexer } from 'yaml';

/**
 * How deep a YAML document may nest before it is refused unread. The `yaml`
 * package composes nodes recursively: some thousands of nested `[` exhaust
 * V8's stack inside its regular-expression compiler, a fatal abort that no
 * try/catch sees (measured: 8 000 levels parse, 12 000 abort the process).
 * No configuration nests a hundredth as deep.
 */
export const MAX_YAML_DEPTH = 1000;

/** Line and column (1-based) of an offset of a text not parsed. */
export function offsetPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Where a YAML text nests deeper than MAX_YAML_DEPTH (an offset), or null.
 * Linear, on the package's own lexer (iterative): the bound counts open flow
 * collections, the line's indentation and the block indicators on the line
 * (`- - - x` nests three deep), an upper bound of the composer's depth.
 */
export function yamlTooDeep(text: string): number | null {
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let lineStart = true;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // Only these tokens change the nesting; every other kind (scalars, comments, tags...) leaves it.
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    else if (type === 'newline') {
      indent = 0;
      indicators = 0;
    } else if (type === 'space') {
      if (lineStart) indent = token.length;
    } else if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind') indicators++;
    lineStart = type === 'newline' || (lineStart && type === 'space');
    if (flow + indent + indicators > MAX_YAML_DEPTH) return offset;
    // The lexer's own markers (document start, scalar, flow error end) are not source text.
    if (type !== 'doc-mode' && type !== 'scalar' && type !== 'flow-error-end') offset += token.length;
  }
  return null;
}
