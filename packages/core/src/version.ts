/** This package's version, for telling two copies on one page apart. */
export const VERSION = '0.1.0';
