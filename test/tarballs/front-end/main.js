// A page built by Vite from the installed packages: the core's elements in the HTML, registered
// by its define entry, and a React app of the React wrappers.
import '@connect-elements/core/define.js';
import { ConnectProvider, Payments } from '@connect-elements/react';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')).render(
  createElement(
    ConnectProvider,
    { publishableKey: 'pk_test_tarball_react', endpoint: '/api/account-session' },
    createElement(Payments, { defaultFilters: { status: ['successful'] } }),
  ),
);
