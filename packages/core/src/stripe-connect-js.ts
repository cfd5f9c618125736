/**
 * The side-effect-free build of `@stripe/connect-js` (nothing loads until an instance is made),
 * as its ES module: the `pure.js` entry is CommonJS that re-exports another file, whose names
 * some bundlers cannot see (Turbopack, in a Next.js server component) and a browser cannot
 * import. The compiler reads the published `dist/pure.d.ts` for it (see `paths` in
 * tsconfig.json); public types are imported from the package root.
 */
import {
  ConnectElementCommonMethodConfig,
  ConnectElementCustomMethodConfig,
  connectElementTagNames,
  loadConnectAndInitialize,
} from '@stripe/connect-js/dist/pure.esm.js';

export {
  ConnectElementCommonMethodConfig,
  ConnectElementCustomMethodConfig,
  connectElementTagNames,
  loadConnectAndInitialize,
};
