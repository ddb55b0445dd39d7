export interface ReleaseFiles {
  packageJson: string;
  versionTs: string;
  changelog: string;
}
export function releaseProblems(version: string, files: ReleaseFiles): string[];
export function changelogSection(changelog: string, version: string): string | null;
export function majorTag(version: string): string;
