// The types of the ES module builds of Stripe's loaders that the kit imports, which their packages
// publish without usable declarations: those of the CommonJS builds beside them. (Not `paths`
// entries in tsconfig.json: bundlers that read `paths`, such as Turbopack, would resolve the
// imports to these type files.)
declare module '@stripe/connect-js/dist/pure.esm.js' {
  export * from '@stripe/connect-js/dist/pure.js';
}

declare module '@stripe/stripe-js/dist/pure.mjs' {
  export * from '@stripe/stripe-js/dist/pure.js';
}
