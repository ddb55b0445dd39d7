/** A template the renderer could not read (becomes `config-unreadable`). Positions are the template's, 1-based. */
export interface TemplateDiagnostic {
  line: number;
  column: number;
  message: string;
}
