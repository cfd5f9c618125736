// Browser tests: headless Chromium (Debian's, or CHROME_PATH) through Playwright, running the
// real @stripe/connect-js and @stripe/stripe-js loaders with only Stripe's CDN stood in for.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import {
  createStandInPage,
  stripeCdnCommands,
  summaryLineReporter,
} from './test/support/wtr-plugins.ts';
import { testEndpoint } from './test/support/test-endpoint.ts';
import { faultEndpointMiddleware } from './test/support/fault-endpoint.ts';
import { reactEsm } from './test/support/react-esm.ts';
import { chromiumLaunchOptions } from './packages/testing/src/chromium.ts';

/** Modules answered with another build: Vue's browser build, with the template compiler (the tests' templates are strings). */
const esmBuilds = {
  vue: '/node_modules/vue/dist/vue.esm-browser.prod.js',
};

export default {
  files: ['test/browser/**/*.test.ts', 'test/browser/**/*.test.tsx'],
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  concurrency: 2,
  middleware: [
    (ctx, next) => {
      if (!ctx.url.startsWith('/api/test/')) return next();
      // The test endpoint answers on the raw response.
      ctx.respond = false;
      ctx.status = 200;
      return testEndpoint(ctx.req, ctx.res, next);
    },
    faultEndpointMiddleware, // /api/fault: any answer the fault suite describes
  ],
  plugins: [
    {
      name: 'esm-builds',
      resolveImport: ({ source }) => esmBuilds[source],
    },
    reactEsm,
    esbuildPlugin({ ts: true, tsx: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    stripeCdnCommands,
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions(),
      createPage: createStandInPage,
    }),
  ],
  reporters: [defaultReporter(), summaryLineReporter()],
  testFramework: { config: { timeout: 10000 } },
  // The gate is for the whole suite; a run of chosen files (--files) skips it.
  coverage: !process.argv.includes('--files'),
  coverageConfig: {
    include: ['packages/core/src/**'],
    exclude: ['**/node_modules/**'],
    threshold: { statements: 90, branches: 85, functions: 90, lines: 90 },
    reportDir: 'coverage/browser',
  },
};
