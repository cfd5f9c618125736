/** The few statistics the bench reports. */

export const median = (values: readonly number[]): number => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The `q` quantile (0…1) of `values`, by linear interpolation between the closest ranks. */
export const quantile = (values: readonly number[], q: number): number => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
};

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/**
 * Median of the ratios of `pairs` (numerator/denominator of each pair): the bench's ratio. Taken
 * per pair, so a machine that slows down for a while moves both sides of the pairs it touches.
 */
export const pairRatio = (pairs: ReadonlyArray<readonly [number, number]>): number =>
  median(pairs.map(([numerator, denominator]) => numerator / denominator));
