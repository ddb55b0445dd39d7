/**
 * The registry of host formats: every ecosystem's reader of provisioning
 * code that edits mail configuration, in the order discovery asks them.
 * Adding one is one import here and its entry in HOST_FORMATS.
 */
import { hasMailMarker, type HostFormat } from './contracts/host-format.js';
import { ansibleTasks } from './ecosystems/ansible/playbooks.js';
import { chefRecipes } from './ecosystems/chef/recipe-host.js';
import { chefWrapperMetadata } from './ecosystems/chef/wrapper-metadata.js';
import { puppetManifests } from './ecosystems/puppet/manifest-host.js';
import { cloudInit } from './ecosystems/cloud-init/cloud-config.js';
import { dockerfile } from './ecosystems/docker/dockerfile.js';
import { dockerMailserverOverrides } from './ecosystems/docker-mailserver/overrides.js';
import { kickstart } from './ecosystems/kickstart/kickstart.js';
import { helmConfigMaps } from './ecosystems/kubernetes/helm-configmaps.js';
import { kubernetes } from './ecosystems/kubernetes/manifests.js';
import { packerHost } from './ecosystems/packer/provisioners.js';
import { saltStates } from './ecosystems/salt/states.js';
import { delegation } from './ecosystems/shared/delegation.js';
import { shellScript } from './ecosystems/shell-scripts/scripts.js';
import { terraformHost } from './ecosystems/terraform/user-data.js';

/**
 * Every host format, in the order discovery asks them: the first that
 * matches wins. cloud-init first: its `#cloud-config` first line is the
 * most specific test; a Helm template of a ConfigMap before a plain manifest.
 */
export const HOST_FORMATS: HostFormat[] = [
  dockerMailserverOverrides,
  cloudInit,
  helmConfigMaps,
  kubernetes,
  ansibleTasks,
  saltStates,
  dockerfile,
  packerHost,
  terraformHost,
  kickstart,
  chefWrapperMetadata,
  delegation,
  chefRecipes,
  puppetManifests,
  shellScript,
];

/** The first host format that claims the file (after the mail-marker test), or null. */
export function hostFormatFor(path: string, head: string, formats: readonly HostFormat[] = HOST_FORMATS): HostFormat | null {
  if (!hasMailMarker(head)) return null;
  for (const format of formats) {
    try {
      if (format.matches(path, head)) return format;
    } catch {
      // A format's matcher must not stop discovery; it simply does not claim the file.
    }
  }
  return null;
}

/** Adds a host format at the end of the registry (tests, plugins); returns a function that removes it again. */
export function registerHostFormat(format: HostFormat): () => void {
  HOST_FORMATS.push(format);
  return () => {
    const at = HOST_FORMATS.indexOf(format);
    if (at >= 0) HOST_FORMATS.splice(at, 1);
  };
}
