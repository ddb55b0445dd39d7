import assert from 'node:assert/strict';
import { it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import { scan, type ScanResult } from '../../src/scan.js';
import { findingRows, type FindingRow } from './finding-rows.js';
import { withoutRelayRules } from './relay-rules-off.js';

/** A small repository of a real shape and what relaygate finds in it (the Postfix and sendmail relay rules off, unless the checks say otherwise). */
export interface ScanShape {
  name: string;
  files: Record<string, string>;
  findings: FindingRow[];
  /** How many configurations the scan assembles, or the files of each; not checked when absent. */
  configurations?: number | string[][];
}

/** A shape whose provisioning code deploys servers: the files of each configuration it makes. */
export type DeployShape = ScanShape & { configurations: string[][] };

export interface ShapeChecks<S extends ScanShape> {
  /** Run every rule, as a user's scan does; otherwise the Postfix and sendmail relay rules are off (./relay-rules-off.ts). */
  allRules?: boolean;
  /**
   * Compare the configurations' files in the scan's order; otherwise they are
   * compared sorted (configurations and the files of each), for trees whose
   * order is not the point.
   */
  inOrder?: boolean;
  /** More to assert about a shape's scan. */
  also?: (result: ScanResult, shape: S) => void;
}

const sorted = (configurations: readonly (readonly string[])[]): string[][] => configurations.map((files) => [...files].sort()).sort();

/** One test a shape: its tree scans to exactly its findings (rule, file, line, column, certainty) and configurations. */
export function itScansShapes<S extends ScanShape>(shapes: readonly S[], tree: (files: Record<string, string>) => string, checks: ShapeChecks<S> = {}): void {
  for (const shape of shapes) {
    it(shape.name, async () => {
      const options = defaultOptions(tree(shape.files));
      const result = await scan(checks.allRules === true ? options : withoutRelayRules(options));
      assert.deepEqual(findingRows(result.findings), shape.findings, JSON.stringify(result.findings.map((f) => f.message)));
      const expected = shape.configurations;
      if (typeof expected === 'number') assert.equal(result.configurations.length, expected);
      else if (expected !== undefined) {
        const files = result.configurations.map((c) => c.files);
        if (checks.inOrder === true) assert.deepEqual(files, expected);
        else assert.deepEqual(sorted(files), sorted(expected));
      }
      checks.also?.(result, shape);
    });
  }
}
