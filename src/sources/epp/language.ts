import { targetBySuffix } from '../erb/target.js';
import type { TemplateLanguage } from '../language.js';
import { renderEpp } from './index.js';
import { loadPuppetVariables } from './puppet-vars.js';

/** Puppet EPP templates (`templates/main.cf.epp`), variables from the module's manifests and Hiera data. */
export const language: TemplateLanguage = {
  form: 'epp',
  targetOf: (path) => targetBySuffix(path, '.epp'),
  variables: (path, repo, extra) => loadPuppetVariables(path, repo, extra),
  render: (file, vars) => renderEpp(file.path, file.text, vars),
};
