import type { TemplateLanguage } from '../language.js';
import { loadChefVariables } from './chef-vars.js';
import { renderErb } from './index.js';
import { puppetErbVariables } from './puppet-erb-vars.js';
import { targetBySuffix } from './target.js';

/**
 * ERB templates: Chef's (`templates/default/main.cf.erb`, variables from the
 * cookbook, roles and environments) and those of Puppet modules (`@name` from
 * the module's class parameters and Hiera data).
 */
export const language: TemplateLanguage = {
  form: 'erb',
  targetOf: (path) => targetBySuffix(path, '.erb'),
  variables: (path, repo, extra) => puppetErbVariables(path, repo, extra) ?? loadChefVariables(path, repo, extra),
  render: (file, vars) => renderErb(file.path, file.text, vars),
};
