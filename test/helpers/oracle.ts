import { spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';

const cache = new Map<string, boolean>();

/** true when `name` is found on PATH (or is an executable path). */
export function haveProgram(name: string): boolean {
  let found = cache.get(name);
  if (found === undefined) {
    const result = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' });
    found = result.status === 0 && result.stdout.trim() !== '';
    cache.set(name, found);
  }
  return found;
}

/**
 * For oracle tests: returns true when the program is there. When it is not,
 * skips the test with a visible message and returns false — unless
 * RELAYGATE_REQUIRE_ORACLES=1, where a missing program fails the test.
 */
export function requireProgram(t: TestContext, name: string): boolean {
  if (haveProgram(name)) return true;
  if (process.env.RELAYGATE_REQUIRE_ORACLES === '1') {
    throw new Error(`${name} not installed, and RELAYGATE_REQUIRE_ORACLES=1 requires it`);
  }
  t.skip(`${name} not installed: oracle test skipped`);
  return false;
}

/**
 * For oracles that neither npm nor Debian provides (terraform): CI cannot
 * install them, so a missing program skips with a visible message even when
 * RELAYGATE_REQUIRE_ORACLES=1. Use requireProgram for everything .ci/run installs.
 */
export function optionalProgram(t: TestContext, name: string, why: string): boolean {
  if (haveProgram(name)) return true;
  t.skip(`${name} not installed (${why}): oracle test skipped`);
  return false;
}

/**
 * For oracles that are a library rather than a program (Python's jinja2):
 * `available` says whether it can be loaded. Like requireProgram: a visible
 * skip when it is missing, a failure under RELAYGATE_REQUIRE_ORACLES=1.
 */
export function requireOracle(t: TestContext, name: string, available: boolean): boolean {
  if (available) return true;
  if (process.env.RELAYGATE_REQUIRE_ORACLES === '1') {
    throw new Error(`${name} not installed, and RELAYGATE_REQUIRE_ORACLES=1 requires it`);
  }
  t.skip(`${name} not installed: oracle test skipped`);
  return false;
}
