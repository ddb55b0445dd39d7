import { RULES } from '../rules/index.js';

/** The project's home; rule pages live under docs/rules/ in it. */
export const REPOSITORY_URL = 'https://github.com/relaygate/relaygate';

/**
 * The page of a rule at the release that produced the report
 * (`blob/v1.2.3/docs/rules/<id>.md`), so a link keeps showing the text
 * that matched the finding after the rule changes. A rule this version does
 * not know links to the README's rule table instead.
 */
export function ruleDocUrl(ruleId: string, version: string): string {
  if (!RULES.some((r) => r.meta.id === ruleId)) return `${REPOSITORY_URL}#rules`;
  return `${REPOSITORY_URL}/blob/v${encodeURIComponent(version)}/docs/rules/${ruleId}.md`;
}
