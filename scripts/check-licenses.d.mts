export declare const BUNDLES: string[];
export declare function bundledPackages(text: string, locked: Map<string, Set<string>>): { name: string; licence: string }[];
export declare function checkLicences(root?: string): { problems: string[]; packages: Map<string, string> };
