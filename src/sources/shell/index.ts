/**
 * Shell and the hosts that carry it: scripts, kickstart %post, Dockerfiles,
 * Terraform user_data heredocs, Packer shell provisioners. Each turns its
 * file into edits (src/sources/edits.ts) without running anything.
 */
export { shellScript, kickstart } from './script.js';
export { dockerfile } from './dockerfile.js';
export { terraformHost, terraformHeredocs, type TerraformHeredoc } from './terraform.js';
export { packerHost } from './packer.js';
export { extractShellText, type ShellContext, type ShellOptions } from './extract.js';
export { MappedSource } from './mapped.js';
