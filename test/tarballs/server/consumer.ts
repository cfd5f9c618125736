// A server's code against the installed declarations (`tsc` with skipLibCheck off).
import { createServer } from 'node:http';
import Stripe from 'stripe';
import {
  createAccountSessionHandler,
  createFinancialConnectionsSessionHandler,
  toNodeHandler,
  type ComponentAllowlist,
} from '@connect-elements/server';
import {
  createOfflineStripe,
  parseOfflineClientSecret,
} from '@connect-elements/testing/offline-stripe';

const components: ComponentAllowlist = {
  payments: { enabled: true, features: { refund_management: true } },
};
const misspelt: ComponentAllowlist = {
  // @ts-expect-error — not a component
  paymentz: { enabled: true },
};

const live = createAccountSessionHandler({
  stripe: new Stripe('sk_test_types'),
  account: () => 'acct_1Types',
  components,
});
const offline = createFinancialConnectionsSessionHandler({
  stripe: createOfflineStripe(),
  accountHolder: () => ({ type: 'customer', customer: 'cus_types' }),
  permissions: ['payment_method'],
});

createServer(toNodeHandler(live));
export const used = [misspelt, offline, parseOfflineClientSecret('x')?.expiresAt];
