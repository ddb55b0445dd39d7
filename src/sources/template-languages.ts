/**
 * The registry of template languages: for each language relaygate renders,
 * which file names are templates of mail files, where their variables come
 * from and how they render. The renderers are the languages' own
 * (src/sources/languages/); file names that only a tool gives meaning to and
 * every variable source are the ecosystems' (src/sources/ecosystems/). This
 * is the one place that says which tools use which language.
 * Adding a language is one entry in LANGUAGES.
 */
import type { Form } from '../model/configuration.js';
import type { SourceFile } from '../model/source.js';
import { targetBySuffix, type LanguageVariables, type RenderedTemplate, type TemplateDiagnostic, type TemplateLanguage, type TemplateTarget } from './contracts/template-language.js';
import type { VariableScope } from './contracts/variables.js';
import { ansibleRoleTemplate } from './ecosystems/ansible/role-templates.js';
import { loadAnsibleVariables } from './ecosystems/ansible/variables.js';
import { loadChefVariables } from './ecosystems/chef/variables.js';
import { helmChartTemplate } from './ecosystems/kubernetes/helm-templates.js';
import { loadHelmVariables } from './ecosystems/kubernetes/helm-values.js';
import { isPuppetErbScope, puppetErbVariables } from './ecosystems/puppet/erb-variables.js';
import { loadPuppetVariables } from './ecosystems/puppet/variables.js';
import { isSaltScope, saltFormulaOf, saltScope, saltVariables } from './ecosystems/salt/variables.js';
import { JINJA2_NAMESPACES } from './ecosystems/shared/jinja2-namespaces.js';
import { loadTerraformVariables } from './ecosystems/terraform/variables.js';
import { envsubstTarget } from './languages/envsubst/names.js';
import { renderEnvsubst } from './languages/envsubst/render.js';
import { goTemplateSyntaxError, hasGoActionSyntax, renderGoTemplate } from './languages/go-template/index.js';
import { goTemplateSuffixTarget } from './languages/go-template/names.js';
import { terraformTarget } from './languages/hcl-template/names.js';
import { renderTerraformTemplate } from './languages/hcl-template/render.js';
import { ANSIBLE_OPTIONS, jinja2SyntaxError, renderJinja2Template, type Jinja2Options } from './languages/jinja2/index.js';
import { hashCommentsInert, targetOf } from './languages/jinja2/names.js';
import { renderEpp } from './languages/puppet-epp/index.js';
import { renderErb } from './languages/ruby-erb/index.js';
import { hasErbStyleTags, renderUnknownEngine } from './languages/unknown-engine/render.js';

/**
 * Renders a Jinja2 template as the scan does: Ansible's template-module
 * options unless others are given, with the tool namespaces repository
 * templates call (Salt's `salt['pillar.get']`).
 */
export function renderTemplate(file: SourceFile, vars: VariableScope, options: Jinja2Options = ANSIBLE_OPTIONS): RenderedTemplate {
  return renderJinja2Template(file, vars, { namespaces: JINJA2_NAMESPACES, ...options });
}

/**
 * Jinja2 (Ansible, Salt): `main.cf.j2`, `sendmail.mc.jinja2`, and anything in
 * an Ansible role's `templates/`. A Salt formula (a folder with
 * defaults.yaml or map.jinja) reads its own pillar.example and
 * defaults.yaml; anything else is read as Ansible (role defaults and vars,
 * group_vars/all). Salt's templates (a formula's, or one a `file.managed`
 * state renders) keep the newline after block tags; Ansible's lose it.
 */
export const jinja2: TemplateLanguage = {
  form: 'jinja2',
  targetOf: (path) => targetOf(path) ?? ansibleRoleTemplate(path),
  variables: (path, repo, extra) =>
    saltFormulaOf(path, repo) !== null ? saltVariables(path, repo, extra) : loadAnsibleVariables(path, repo, extra),
  render: (file, vars) => renderTemplate(file, vars, { ...ANSIBLE_OPTIONS, trimBlocks: !isSaltScope(vars), hashComments: hashCommentsInert(file.path) }),
};

/**
 * ERB templates: Chef's (`templates/default/main.cf.erb`, variables from the
 * cookbook, roles and environments; rendered as Erubis does) and those of
 * Puppet modules (`@name` from the module's class parameters and Hiera data;
 * rendered as Ruby's ERB with trim mode `-` does).
 */
export const erb: TemplateLanguage = {
  form: 'erb',
  targetOf: (path) => targetBySuffix(path, '.erb'),
  variables: (path, repo, extra) => puppetErbVariables(path, repo, extra) ?? loadChefVariables(path, repo, extra),
  render: (file, vars) => renderErb(file.path, file.text, vars, isPuppetErbScope(vars) ? 'erb-dash' : 'erubis'),
};

/** Puppet EPP templates (`templates/main.cf.epp`), variables from the module's manifests and Hiera data. */
export const epp: TemplateLanguage = {
  form: 'epp',
  targetOf: (path) => targetBySuffix(path, '.epp'),
  variables: (path, repo, extra) => loadPuppetVariables(path, repo, extra),
  render: (file, vars) => renderEpp(file.path, file.text, vars),
};

/** Go template names: by suffix, or a mail file in a Helm chart's `templates/` folder. */
export function goTemplateTarget(path: string): TemplateTarget | null {
  return goTemplateSuffixTarget(path) ?? helmChartTemplate(path);
}

/**
 * Go templates: Helm charts (variables from the chart's values.yaml and
 * Chart.yaml) and other `.tmpl` files (variables from --vars only).
 */
export const goTemplate: TemplateLanguage = {
  form: 'go-template',
  targetOf: goTemplateTarget,
  variables: (path, repo, extra) => loadHelmVariables(path, repo, extra),
  render: renderGoTemplate,
};

/**
 * Terraform templates rendered by `templatefile(...)`: variables from the
 * call's literal map (and the module's variable defaults and locals it
 * references).
 */
export const terraform: TemplateLanguage = {
  form: 'terraform',
  targetOf: terraformTarget,
  variables: (path, repo, extra) => loadTerraformVariables(path, repo, extra),
  render: renderTerraformTemplate,
};

/**
 * envsubst-style templates (`envsubst < main.cf.template > main.cf` in a
 * container entrypoint). Their variables are the deploying machine's
 * environment, which the repository does not hold: only the user's --vars
 * files give values; every other `$VAR` is unknown.
 */
export const envsubst: TemplateLanguage = {
  form: 'envsubst',
  targetOf: envsubstTarget,
  variables(_path, _repo, extra): LanguageVariables {
    const lookup = (name: string) => {
      for (const scope of extra) {
        const found = scope.lookup(name);
        if (found !== undefined) return found;
      }
      return undefined;
    };
    return { lookup, lookupOrigin: (name) => lookup(name)?.origin ?? undefined, diagnostics: [] };
  },
  render: renderEnvsubst,
};

/**
 * A template of an engine relaygate does not know. No name selects it: a
 * file is read so only when its syntax fits none of the languages its
 * ambiguous extension suggests (`formBySyntax`). It has no variables.
 */
export const unknownEngine: TemplateLanguage = {
  form: 'unknown-template',
  targetOf: () => null,
  variables: () => ({ lookup: () => undefined, diagnostics: [] }),
  render: (file) => renderUnknownEngine(file),
};

/**
 * Every template language relaygate renders, in the order discovery asks
 * them: the first whose `targetOf` names a mail file wins.
 */
export const LANGUAGES: readonly TemplateLanguage[] = [jinja2, erb, epp, goTemplate, terraform, envsubst, unknownEngine];

/**
 * Extensions several engines use: `.tpl` is Go's, Rex's (Perl `<%= %>`),
 * Smarty's, PHP's; `.tmpl` Go's and Python Jinja2's; `.template` and `.in`
 * envsubst's, consul-template's, autoconf's. For these the extension only
 * suggests a language, and the file's syntax decides (`formBySyntax`).
 */
const AMBIGUOUS_SUFFIX = /\.(?:tpl|tmpl|template|in)$/;

/** Whether `path`'s template extension leaves its language open. */
export function hasAmbiguousSuffix(path: string): boolean {
  return AMBIGUOUS_SUFFIX.test(path.slice(path.lastIndexOf('/') + 1));
}

/** A closed `{{ ... }}` on one line: Go template (and consul-template) syntax, which envsubst has not. */
function hasDoubleBraceTags(text: string): boolean {
  for (const line of text.split('\n')) {
    const at = line.indexOf('{{');
    if (at >= 0 && line.indexOf('}}', at + 2) > at) return true;
  }
  return false;
}

/**
 * The language a template named with an ambiguous extension is read in,
 * from its syntax, never from a guess: ERB-style `<% %>` tags fit neither
 * Go templates nor envsubst, so such a file is a template of an unknown
 * engine (its tags unknown, never `config-unreadable`: only the real engine
 * could reject it); a `.template` with `{{ }}` tags is a Go template
 * (consul-template, gomplate), not envsubst input. A name whose extension
 * says its language (`.erb`, `.j2`, `.gotmpl`, `.ctmpl`) keeps it.
 */
export function formBySyntax(path: string, text: string, chosen: Form): Form {
  if (!hasAmbiguousSuffix(path) || (chosen !== 'go-template' && chosen !== 'envsubst')) return chosen;
  if (hasErbStyleTags(text)) return 'unknown-template';
  if (chosen === 'envsubst' && hasDoubleBraceTags(text)) return 'go-template';
  return chosen;
}

/** `{% ... %}` on one line: a Jinja2 (or Twig, Nunjucks...) statement tag, which Go templates do not have. */
function hasStatementTags(text: string): boolean {
  for (const line of text.split('\n')) {
    const at = line.indexOf('{%');
    if (at >= 0 && line.indexOf('%}', at + 2) > at) return true;
  }
  return false;
}

/**
 * The language of a mail file whose plain name says none (`main.cf`,
 * `files/smtpd.conf`) but whose text has template tags: the syntax decides.
 * Statement tags `{% %}` are Jinja2's (Go templates have none), so such a
 * file is Jinja2 when Jinja2 parses it. A file of `{{ }}` tags only is a Go
 * template (gomplate, gucci, consul-template) when its actions are written
 * as only Go writes them (`{{ .FQDN }}`, `{{ if .X }}`, `{{ end }}`) and Go
 * parses it, or when Jinja2 rejects it and Go does not; otherwise Jinja2
 * (`{{ name }}`, Salt's `{{ salt['pillar.get']('a') }}`). A file neither
 * parses is a template of an engine relaygate does not know (`misfit`: why
 * Jinja2 rejects it, for a note), never config-unreadable: the name does
 * not say which engine would reject it.
 */
export function formOfPlainTemplate(text: string): { form: Form; misfit: TemplateDiagnostic | null } {
  const jinja = jinja2SyntaxError(text);
  if (hasStatementTags(text)) return jinja === null ? { form: 'jinja2', misfit: null } : { form: 'unknown-template', misfit: jinja };
  if (jinja === null && !hasGoActionSyntax(text)) return { form: 'jinja2', misfit: null };
  if (goTemplateSyntaxError(text) === null) return { form: 'go-template', misfit: null };
  return jinja === null ? { form: 'jinja2', misfit: null } : { form: 'unknown-template', misfit: jinja };
}

/** The language that renders `path` and the mail file it renders, or null when no language claims it. */
export function languageFor(path: string): { language: TemplateLanguage; target: TemplateTarget } | null {
  return claimedBy(path) ?? claimedBy(variantTemplateName(path));
}

function claimedBy(path: string | null): { language: TemplateLanguage; target: TemplateTarget } | null {
  if (path === null) return null;
  for (const language of LANGUAGES) {
    const target = language.targetOf(path);
    if (target !== null) return { language, target };
  }
  return null;
}

/**
 * `templates/master.cf.debian.erb` -> `templates/master.cf.erb`: a module
 * keeps one template of main.cf or master.cf per system or flavour, with a
 * word between the file's name and the template extension
 * (`master.cf.default.erb`, `main.cf.redhat.j2`); the extension still says
 * the language, and the name says the file it renders. Null for any other name.
 */
function variantTemplateName(path: string): string | null {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  const role = base.startsWith('main.cf.') ? 'main.cf' : base.startsWith('master.cf.') ? 'master.cf' : null;
  const dot = base.lastIndexOf('.');
  if (role === null || dot <= role.length) return null;
  return `${path.slice(0, slash + 1)}${role}${base.slice(dot)}`;
}

/** The registered language of a form (the candidate carries the form). */
export function languageOfForm(form: string): TemplateLanguage | undefined {
  return LANGUAGES.find((l) => l.form === form);
}

/** Template suffixes of the languages, for a template whose name does not say what it renders (`relay.erb`). */
const SUFFIX_FORMS: readonly (readonly [RegExp, string])[] = [
  [/\.(?:j2|jinja2?)$/, 'jinja2'],
  [/\.erb$/, 'erb'],
  [/\.epp$/, 'epp'],
  [/\.(?:tmpl|tpl|gotmpl|ctmpl)$/, 'go-template'],
  [/\.tftpl$/, 'terraform'],
];

/**
 * The language of a template by its suffix alone: a file that a deploying
 * resource names as a template (Chef `template` with `source 'relay.erb'`)
 * renders whatever mail file it becomes.
 */
export function languageOfSuffix(path: string): TemplateLanguage | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const form = SUFFIX_FORMS.find(([suffix]) => suffix.test(base))?.[1];
  return form === undefined ? undefined : languageOfForm(form);
}

/**
 * `combined` (a deploying resource's variables over a language's own) is
 * rendered by the engine that renders `from` (Salt's Jinja2 options for a
 * `file.managed` state's variables); returns `combined`.
 */
export function renderedLike(combined: VariableScope, ...from: (VariableScope | null)[]): VariableScope {
  return from.some((s) => s !== null && isSaltScope(s)) ? saltScope(combined) : combined;
}
