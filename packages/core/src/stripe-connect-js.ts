/**
 * The side-effect-free build of `@stripe/connect-js` (nothing loads until an instance is made).
 * Its `pure.d.ts` points at the package's TypeScript sources, so the compiler reads the
 * published `dist/pure.d.ts` instead (see `paths` in tsconfig.json); public types are imported
 * from the package root.
 */
export {
  ConnectElementCommonMethodConfig,
  ConnectElementCustomMethodConfig,
  connectElementTagNames,
  loadConnectAndInitialize,
} from '@stripe/connect-js/pure.js';
