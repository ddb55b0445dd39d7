import { LineIndex, type Position, type SourceFile } from '../../../model/source.js';
import type { Diagnostic } from '../../../model/span.js';
import type { Extraction } from '../../contracts/edits.js';
import type { HostFormat } from '../../contracts/host-format.js';
import { SourceMap, type Fragment, type MapSegment } from '../../contracts/fragment.js';
import type { RenderedTemplate } from '../../contracts/template-language.js';
import type { RepositoryReader } from '../../contracts/repository.js';
import type { VariableScope } from '../../contracts/variables.js';
import { extractKubernetesText } from './manifests.js';
import { loadHelmVariables } from './helm-values.js';
import { renderGoTemplate } from '../../languages/go-template/index.js';

/**
 * A rendered offset -> the template's line and column: an offset of
 * `fragment.text` goes to its rendered (line, column), then through the
 * fragment's SourceMap. What extractKubernetesText needs to put a ConfigMap
 * key's content back on the Helm template.
 */
export function composePosition(fragment: Fragment): (offset: number) => Position {
  const index = new LineIndex(fragment.text);
  return (offset) => {
    const rendered = index.position(Math.max(0, Math.min(offset, fragment.text.length)));
    return fragment.map.start(rendered.line, rendered.column);
  };
}

export interface HelmManifest extends RenderedTemplate {
  /** The rendered manifest under the template's path (what `helm template` would print, unknowns marked). */
  rendered: SourceFile;
  /** Template lines (1-based) whose output may or may not be there (an unresolved `if`, a `range` over unknown data). */
  maybeTemplateLines: Set<number>;
}

/**
 * Renders a Helm `templates/*.yaml` with the chart's values, so that a
 * ConfigMap or Secret it produces can be read by the Kubernetes extractor.
 */
export function renderHelmManifest(file: SourceFile, repo: RepositoryReader, extra: VariableScope[] = []): HelmManifest {
  const vars = loadHelmVariables(file.path, repo, extra);
  const result = renderGoTemplate(file, vars, { yamlManifest: true });
  const maybeTemplateLines = new Set<number>();
  for (const line of result.fragment.maybeLines) {
    for (const segment of result.fragment.map.segments) if (segment.line === line) maybeTemplateLines.add(segment.from.line);
  }
  return { ...result, rendered: { path: file.path, text: result.fragment.text }, maybeTemplateLines };
}

const TEMPLATE_YAML = /(?:^|\/)templates\/(?:[^/]+\/)*[^/]+\.(?:ya?ml|tpl)$/;
const KIND_LINE = /^kind:[ \t]*["']?(?:ConfigMap|Secret)\b/m;

/**
 * Helm templates that render a ConfigMap or Secret (`templates/configmap.yaml`
 * with a `main.cf: |` key): rendered with the chart's values, then read by
 * the Kubernetes extractor, every position mapped back to the template. An
 * edit whose lines come from an unresolved branch is `maybe`.
 */
export const helmConfigMaps: HostFormat = {
  form: 'kubernetes',
  matches: (path, head) => TEMPLATE_YAML.test(path) && head.includes('{{') && KIND_LINE.test(head),
  extract(file: SourceFile, repo: RepositoryReader): Extraction {
    const manifest = renderHelmManifest(file, repo);
    const templateDiagnostics: Diagnostic[] = manifest.diagnostics.map((d) => ({ file: file.path, line: d.line, column: d.column, message: `Go template: ${d.message}`, fatal: true }));
    if (templateDiagnostics.length > 0) return { edits: [], diagnostics: templateDiagnostics, notes: [] };
    const extraction = extractKubernetesText(manifest.rendered.text, composePosition(manifest.fragment), file.path);
    for (const edit of extraction.edits) {
      if (!('fragment' in edit)) continue;
      edit.fragment = withExpressionTags(edit.fragment, manifest.fragment);
      const fragment = edit.fragment;
      for (const segment of fragment.map.segments) {
        if (manifest.maybeTemplateLines.has(segment.from.line) && fragment.text.split('\n')[segment.line - 1]?.trim()) fragment.maybeLines.add(segment.line);
      }
      if (manifest.maybeTemplateLines.has(edit.span.line)) edit.maybe = true;
    }
    const notes = manifest.skipped.map((s) => `${file.path}:${s.line}:${s.column}: ${s.tag} is not evaluated; its output is unknown`);
    return { edits: extraction.edits, diagnostics: extraction.diagnostics, notes: [...extraction.notes, ...notes] };
  },
};

/**
 * A position function maps each character to one template position, so the
 * extractor maps the output of `{{ ... }}` character by character to the
 * tag's start. Segments that land on a tag's start become that tag's
 * expression segment again: a value's span then ends where the tag ends.
 */
function withExpressionTags(fragment: Fragment, manifest: Fragment): Fragment {
  const tags = new Map<string, MapSegment>();
  for (const segment of manifest.map.segments) if (segment.kind === 'expression') tags.set(`${segment.from.line}:${segment.from.column}`, segment);
  if (tags.size === 0) return fragment;
  const segments = fragment.map.segments.map((segment): MapSegment => {
    const tag = segment.kind === 'literal' ? tags.get(`${segment.from.line}:${segment.from.column}`) : undefined;
    return tag === undefined ? segment : { ...segment, kind: 'expression', from: tag.from, to: tag.to };
  });
  return { ...fragment, map: new SourceMap(segments) };
}
