export const GENERATED_HEADER: string;
export const INDEX_START: string;
export const INDEX_END: string;
/** `payout-details` → `CePayoutDetails`. */
export function className(name: string): string;
/** `index.ts` with its component exports replaced by those of `componentNames`. */
export function indexWithComponents(index: string, componentNames: readonly string[]): string;
/** The generated core files (unformatted), by path from the package root. */
export function coreFiles(componentNames: readonly string[], index: string): Map<string, string>;
