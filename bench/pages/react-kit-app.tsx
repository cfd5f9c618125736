/** The React app of the kit's page (see react-pages.ts): a `ConnectProvider` around the components. */
import { ConnectProvider } from '@connect-elements/react';
import { createElement, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BENCH_PUBLISHABLE_KEY, benchStage } from './react-shared.js';

/** The kit's provider names the components in its request itself (no list of names needed). */
export function mountApp(components: Array<ComponentType>, endpoint: string): void {
  createRoot(benchStage()).render(
    createElement(ConnectProvider, {
      publishableKey: BENCH_PUBLISHABLE_KEY,
      endpoint,
      children: components.map((component, index) => createElement(component, { key: index })),
    }),
  );
}
