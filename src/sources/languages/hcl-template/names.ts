import type { TemplateTarget } from '../../contracts/template-language.js';

/** `main.cf.tftpl` -> main.cf (Terraform's recommended suffix for templatefile templates). */
export function terraformTarget(path: string): TemplateTarget | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!base.endsWith('.tftpl')) return null;
  const name = base.slice(0, -'.tftpl'.length);
  if (name === 'main.cf' || name === 'master.cf' || name === 'sendmail.cf') return name;
  if (name.endsWith('.mc')) return 'sendmail.mc';
  return null;
}
