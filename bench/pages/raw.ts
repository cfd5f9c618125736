/** The raw variant's module: Stripe's own loader and nothing else (see probe.ts `runRaw`). */
import { loadConnectAndInitialize } from '@stripe/connect-js/dist/pure.esm.js';

declare global {
  interface Window {
    benchRaw?: { loadConnectAndInitialize: typeof loadConnectAndInitialize };
  }
}

window.benchRaw = { loadConnectAndInitialize };
