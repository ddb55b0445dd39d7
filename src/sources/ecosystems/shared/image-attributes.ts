import type { Position } from '../../../model/source.js';
import type { Span } from '../../../model/span.js';
import { distributionOfImage, distributionOfImageName, type Distribution } from '../../contracts/distributions.js';

/** A machine or container image a build or an instance starts from, named in an HCL or JSON attribute. */
export interface ImageEvidence {
  distribution: Distribution;
  evidence: string;
  span: Span;
}

/**
 * Attributes that name the image a Packer source or a Terraform instance
 * boots (never the image a build produces: `ami_name`, `image_name` of a
 * googlecompute output are left out). `image` is a container reference for
 * Packer's docker builder and Terraform's docker provider, a cloud image
 * name elsewhere: both readings are tried.
 */
const SOURCE_ATTRIBUTES = ['image', 'source_image', 'source_image_family', 'source_image_name', 'image_offer', 'image_publisher', 'image_family', 'image_id', 'iso_url', 'offer', 'publisher'];

/**
 * `name = "value"` (HCL) or `"name": "value"` (JSON) with a literal string
 * value. Linear: the value class stops at the closing quote or a newline.
 */
const ATTRIBUTE = new RegExp(`(?:^|[\\s{,])"?(${SOURCE_ATTRIBUTES.join('|')})"?[ \\t]*[=:][ \\t]*"([^"\\n]{1,300})"`, 'g');

/** An AMI filter (`source_ami_filter { filters = { name = "ubuntu/images/*" } }`, Terraform `data "aws_ami"` `values = [...]`). */
const AMI_FILTER = /\b(?:source_ami_filter|data[ \t]+"aws_ami")/g;
const FILTER_NAME = /(?<![A-Za-z0-9_-])"?name"?[ \t]*[=:][ \t]*"([^"\n]{1,300})"|values[ \t]*=[ \t]*\[[ \t]*"([^"\n]{1,300})"/g;

/** Every image a file names, with the attribute's span; values with interpolations (`${var.x}`, `{{user `x`}}`) say nothing. */
export function imagesNamed(text: string, position: (offset: number) => Position, file: string): ImageEvidence[] {
  const out: ImageEvidence[] = [];
  const add = (value: string, attribute: string, start: number, end: number): void => {
    if (value.includes('${') || value.includes('{{')) return;
    const distribution = (attribute === 'image' ? distributionOfImage(value) : null) ?? distributionOfImageName(value);
    if (distribution === null) return;
    const from = position(start);
    const to = position(end);
    out.push({ distribution, evidence: `${attribute} "${value}"`, span: { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column } });
  };
  for (const m of text.matchAll(ATTRIBUTE)) {
    const start = (m.index ?? 0) + m[0].indexOf(m[1] as string);
    add(m[2] as string, m[1] as string, start, (m.index ?? 0) + m[0].length);
  }
  for (const m of text.matchAll(AMI_FILTER)) {
    const at = (m.index ?? 0) + m[0].length;
    // The filter's values follow within its block; a Terraform filter's own `name = "name"` key says nothing and is skipped by add().
    for (const name of text.slice(at, at + 600).matchAll(FILTER_NAME)) {
      const value = (name[1] ?? name[2]) as string;
      add(value, 'AMI name filter', at + (name.index ?? 0), at + (name.index ?? 0) + name[0].length);
    }
  }
  return out;
}
