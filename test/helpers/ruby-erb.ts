import { spawnSync } from 'node:child_process';

/**
 * Renders ERB templates with Ruby itself, for differential tests on our own
 * generated fixtures only (never on repository content): Puppet's template()
 * is `ERB.new(text, trim_mode: '-')`, Chef's template resource is
 * `Erubis::Eruby.new(text)` (Erubis 2.7, trim on).
 */
export type RubyEngine = 'erb-dash' | 'erubis';

export interface RubyCase {
  engine: RubyEngine;
  template: string;
  /** Instance variables (`@name`), plain JSON data. */
  ivars: Record<string, unknown>;
  /** Chef's `node`: a Hash read with string keys. */
  node?: Record<string, unknown>;
}

/** Ruby's answer: the rendered text, or why it refused (a SyntaxError at compile time, an exception at run time). */
export type RubyResult = { text: string } | { error: 'syntax' | 'runtime'; message: string };

const SCRIPT = String.raw`
require 'erb'
require 'json'
require 'erubis'
cases = JSON.parse(STDIN.read)
out = cases.map do |c|
  context = Object.new
  c['ivars'].each { |k, v| context.instance_variable_set("@#{k}", v) }
  node = c['node']
  context.define_singleton_method(:node) { node }
  bind = context.instance_eval { binding }
  begin
    text = if c['engine'] == 'erubis'
      Erubis::Eruby.new(c['template']).result(bind)
    else
      ERB.new(c['template'], trim_mode: '-').result(bind)
    end
    { 'text' => text }
  rescue SyntaxError => e
    { 'error' => 'syntax', 'message' => e.message.lines.first.to_s.strip }
  rescue StandardError => e
    { 'error' => 'runtime', 'message' => "#{e.class}: #{e.message.lines.first.to_s.strip}" }
  end
end
STDOUT.write(JSON.generate(out))
`;

/** Renders every case in one Ruby process (bounded in time). */
export function renderWithRuby(cases: readonly RubyCase[]): RubyResult[] {
  const result = spawnSync('ruby', ['-e', SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`ruby failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as RubyResult[];
}

/** Whether Ruby with both ERB engines is usable here (erubis is the Debian package ruby-erubis). */
export function haveRubyErb(): boolean {
  const result = spawnSync('ruby', ['-rerb', '-rerubis', '-e', 'exit 0'], { encoding: 'utf8', timeout: 20_000 });
  return result.status === 0;
}
