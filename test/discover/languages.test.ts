import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PathClassifier } from '../../src/discover/classify.js';
import { LANGUAGES, languageFor } from '../../src/sources/template-languages.js';

describe('discovery asks the template-language registry', () => {
  it('every registered language is asked, first claim wins; the candidate carries its form', () => {
    const classifier = new PathClassifier([], []);
    const of = (p: string): string | null => {
      const c = classifier.classify(p);
      return c === null ? null : `${c.roles.join('|')} ${c.template ?? 'plain'}`;
    };
    assert.deepEqual(
      [
        'roles/m/templates/main.cf.j2',
        'roles/m/templates/main.cf',
        'charts/mail/templates/main.cf',
        'cookbooks/m/templates/default/sendmail.mc.erb',
        'modules/m/templates/master.cf.epp',
        'docker/main.cf.tmpl',
        'docker/main.cf.template',
        'etc/postfix/main.cf',
      ].map(of),
      [
        'main.cf jinja2',
        // Ansible's template module renders a role's templates folder as Jinja2, suffix or not.
        'main.cf jinja2',
        // A Helm chart's templates are Go templates.
        'main.cf go-template',
        'sendmail.mc erb',
        'master.cf epp',
        'main.cf go-template',
        'main.cf envsubst',
        'main.cf plain',
      ],
    );
  });

  it('languageFor names the language and the mail file; forms are unique in the registry', () => {
    assert.deepEqual(
      (() => {
        const found = languageFor('a/sendmail.mc.jinja2');
        return found === null ? null : [found.language.form, found.target];
      })(),
      ['jinja2', 'sendmail.mc'],
    );
    assert.equal(languageFor('a/nginx.conf.j2'), null);
    const forms = LANGUAGES.map((l) => l.form);
    assert.equal(new Set(forms).size, forms.length);
  });
});
