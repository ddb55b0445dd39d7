import { renderWorkflowCommands } from './github-commands.js';
import { renderJson, type JsonReport } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderText } from './text.js';

export type Format = 'text' | 'json' | 'sarif' | 'markdown' | 'github';

/** The `--format` values, in the order the CLI's help lists them. */
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'markdown', 'github'];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export interface RenderOptions {
  sarif?: SarifOptions;
}

/** One report, any format; each output ends with a newline. */
export function render(format: Format, report: JsonReport, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, options.sarif);
    case 'markdown':
      return renderMarkdown(report);
    case 'github': {
      // From the CLI there is no job summary: point at the reports the CLI writes.
      const lines = renderWorkflowCommands(report, { reportHint: 'the full report (relaygate --format text, json or sarif)' });
      return lines.length > 0 ? `${lines.join('\n')}\n` : '';
    }
  }
}
