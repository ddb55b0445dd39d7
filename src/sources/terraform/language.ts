import type { TemplateTarget } from '../index.js';
import type { TemplateLanguage } from '../language.js';
import { loadTerraformVariables } from './module-vars.js';
import { renderTerraformTemplate } from './render.js';

/** `main.cf.tftpl` -> main.cf (Terraform's recommended suffix for templatefile templates). */
export function terraformTarget(path: string): TemplateTarget | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!base.endsWith('.tftpl')) return null;
  const name = base.slice(0, -'.tftpl'.length);
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name.endsWith('.mc')) return 'sendmail.mc';
  return null;
}

/**
 * Terraform templates rendered by `templatefile(...)`: variables from the
 * call's literal map (and the module's variable defaults and locals it
 * references).
 */
export const language: TemplateLanguage = {
  form: 'terraform',
  targetOf: terraformTarget,
  variables: (path, repo, extra) => loadTerraformVariables(path, repo, extra),
  render: renderTerraformTemplate,
};
