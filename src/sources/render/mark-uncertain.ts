import type { Fragment } from '../contracts/fragment.js';
import { markAlternatives, markMaybeParameters, markUnknownLines } from './uncertain-parameters.js';
import { markUncertainServices } from './uncertain-services.js';

/**
 * A rendered template's text with what may or may not be there marked
 * unknown (./uncertain-parameters.ts, ./uncertain-services.ts), for the mail
 * file it becomes: the same marks whether the template was found by its
 * name or reached through the resource that deploys it.
 */
export function markUncertain(fragment: Fragment, templateText: string, role: string): Fragment {
  if (role === 'master.cf') return markUncertainServices(fragment, templateText);
  if (role !== 'main.cf') return fragment;
  return markAlternatives(markMaybeParameters(markUnknownLines(fragment)), templateText);
}
