/**
 * The React app of Stripe's page (see react-pages.ts), as Stripe's docs write it: the Connect
 * instance made once in state with `loadConnectAndInitialize`, its `fetchClientSecret` posting
 * the same body the kit posts, and `ConnectComponentsProvider` around the components.
 */
import { loadConnectAndInitialize } from '@stripe/connect-js/dist/pure.esm.js';
import { ConnectComponentsProvider } from '@stripe/react-connect-js';
import { createElement, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BENCH_PUBLISHABLE_KEY, benchStage } from './react-shared.js';

export function mountApp(
  components: Array<ComponentType>,
  endpoint: string,
  names: string[],
): void {
  function App() {
    const [connectInstance] = useState(() =>
      loadConnectAndInitialize({
        publishableKey: BENCH_PUBLISHABLE_KEY,
        fetchClientSecret: async () => {
          const response = await fetch(endpoint, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ components: names }),
          });
          return ((await response.json()) as { client_secret: string }).client_secret;
        },
      }),
    );
    return createElement(ConnectComponentsProvider, {
      connectInstance,
      children: components.map((component, index) => createElement(component, { key: index })),
    });
  }
  createRoot(benchStage()).render(createElement(App));
}
