/** Semver order of two versions with prereleases (`3.3.45-preview-1` < `3.4.5-preview.0`). */
export function compareVersions(a: string, b: string): number;
/** The newest `-preview` version among `versions`; throws when there is none. */
export function newestPreview(versions: readonly string[]): string;
