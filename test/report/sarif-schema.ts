import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';

/**
 * The SARIF 2.1.0 JSON Schema (OASIS, rtm.5), vendored with its licence in
 * fixtures/sarif/ from the npm package @microsoft/jest-sarif. It is written
 * in draft-04, hence ajv-draft-04.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(path.join(here, 'fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// strict: false: the schema uses keywords (format: uri-reference, ...) that ajv knows only as annotations.
// unicodeRegExp: false: its `language` pattern has a stray `]` that only a non-unicode RegExp accepts.
// ajv-draft-04 is CommonJS: under NodeNext its class is the default export's `default`.
const Ajv = (AjvDraft04 as unknown as { default: typeof AjvDraft04.default }).default;
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
const validate = ajv.compile(schema);

/** Schema violations of a SARIF log, as `instancePath: message` lines. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`);
}
