import '@connect-elements/core/define.js';
import type { CeConnect } from '@connect-elements/core';
import { mountEventLog } from './event-log.js';
import { mountProviderControls } from './provider-controls.js';
import { showVerifiedAccounts } from './linked-accounts.js';
import { pageSettings } from './page-settings.js';
import { monitorEndpoint } from './session-monitor.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

mountEventLog({
  list: byId<HTMLOListElement>('log'),
  empty: byId('log-empty'),
  count: byId('log-count'),
  clear: byId<HTMLButtonElement>('log-clear'),
});

const provider = byId<CeConnect>('provider');

mountProviderControls(provider, {
  locale: byId<HTMLSelectElement>('locale'),
  themes: byId('themes'),
  primaryColor: byId<HTMLInputElement>('primary-color'),
  primaryColorValue: byId<HTMLOutputElement>('primary-color-value'),
});

// `logout()` ends the Connect session; `retry()` starts a new one (a new client secret).
byId('logout').addEventListener('click', () => void provider.logout());
byId('reconnect').addEventListener('click', () => provider.retry());

monitorEndpoint('/api/account-session', {
  count: byId('session-requests'),
  last: byId('session-last'),
});

// Payment details: show another payment by changing the element's `payment` attribute.
byId<HTMLFormElement>('payment-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const payment = byId<HTMLInputElement>('payment-id').value.trim();
  if (payment) document.querySelector('ce-payment-details')?.setAttribute('payment', payment);
});

showVerifiedAccounts(byId('linked-accounts'), pageSettings().mode === 'offline');
