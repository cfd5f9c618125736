/**
 * The demo's host endpoints: the real `@connect-elements/server` handlers, on the official
 * `stripe` client with keys, or on `createOfflineStripe()` without. Loaded by the dev server
 * (`demo/server/demo-config.ts`) through Vite, so the workspace packages resolve to their sources.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createAccountSessionHandler,
  createFinancialConnectionsSessionHandler,
  retrieveFinancialConnectionsSession,
  toNodeHandler,
  AccountHolderMismatchError,
  type FetchHandler,
  type FinancialConnectionsAccountHolder,
  type EndpointErrorListener,
} from '@connect-elements/server';
import {
  createOfflineStripe,
  type LinkedAccountDetails,
} from '@connect-elements/testing/offline-stripe';
import { standInScript } from '@connect-elements/testing/stand-in-scripts';
import Stripe from 'stripe';
import { DEMO_COMPONENTS } from './demo-components.js';
import type { DemoSettings } from './demo-settings.js';

/** How long an offline session lives: short, so the stand-in's refresh runs while you watch. */
export const OFFLINE_SESSION_LIFETIME_SECONDS = 60;

export { DEMO_COMPONENTS } from './demo-components.js';

type NodeRoute = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** The stand-in Stripe scripts, which the dev server serves when offline. */
export { standInScript };

/** What the dev server mounts. */
export interface DemoApi {
  /** Node handlers by path. */
  readonly routes: Readonly<Record<string, NodeRoute>>;
}

/** The host endpoints for `settings`. */
export function createDemoApi(settings: DemoSettings): DemoApi {
  const offline =
    settings.mode === 'offline'
      ? createOfflineStripe({ sessionLifetimeSeconds: OFFLINE_SESSION_LIFETIME_SECONDS })
      : undefined;
  const stripe =
    settings.mode === 'stripe'
      ? new Stripe(settings.secretKey, { appInfo: { name: 'Connect Elements demo' } })
      : offline!;

  // The demo's "signed-in user" is one connected account. A real app reads it from its own
  // session (cookie, auth middleware, database) — never from the request body or query.
  const signedInAccount = (_request: Request) => settings.connectedAccount;

  // Only failures reach the log, and the handlers have already removed every secret from them.
  const onError: EndpointErrorListener = (error, context) => {
    console.error(
      `[demo] ${context.method} ${context.path} answered ${context.status}: ${error.message}`,
    );
  };

  const accountSession = createAccountSessionHandler({
    stripe,
    account: signedInAccount,
    components: DEMO_COMPONENTS,
    onError,
  });

  const accountHolder = (request: Request): FinancialConnectionsAccountHolder => ({
    type: 'account',
    account: signedInAccount(request),
  });

  const financialConnectionsSession = createFinancialConnectionsSessionHandler({
    stripe,
    accountHolder,
    permissions: ['payment_method', 'balances'],
    onError,
  });

  // After `ce-financial-connections-success` the page sends only the session id; the accounts
  // come from Stripe, checked against the signed-in holder, never from the browser.
  const linkedAccounts: FetchHandler = async (request) => {
    if (request.method !== 'POST') {
      return Response.json({ error: { message: 'Use POST.' } }, { status: 405 });
    }
    const body = (await request.json().catch(() => null)) as {
      session?: unknown;
      offlineLink?: LinkedAccountDetails;
    } | null;
    const sessionId = typeof body?.session === 'string' ? body.session : '';
    if (offline && sessionId) {
      // Offline only: the bank login ran in the stand-in modal in the browser, which has no line
      // to the offline API. Stripe would know what was linked; here the page says what it picked
      // (institution and last 4, nothing else), standing in for Stripe's own record.
      try {
        const session = await offline.financialConnections.sessions.retrieve(sessionId);
        if (session.accounts.data.length === 0) {
          offline.linkAccounts(sessionId, [pickLinkDetails(body?.offlineLink)]);
        }
      } catch {
        // Unknown session: the retrieval below answers for it.
      }
    }
    try {
      const accounts = await retrieveFinancialConnectionsSession(
        stripe,
        sessionId,
        accountHolder(request),
      );
      return Response.json({
        accounts: accounts.map((account) => ({
          id: account.id,
          institution_name: account.institution_name,
          display_name: account.display_name,
          last4: account.last4,
          category: account.category,
        })),
      });
    } catch (error) {
      const status =
        error instanceof TypeError ? 400 : error instanceof AccountHolderMismatchError ? 403 : 502;
      return Response.json(
        {
          error: {
            message:
              status === 502 ? 'Stripe could not retrieve this session.' : (error as Error).message,
          },
        },
        { status },
      );
    }
  };

  return {
    routes: {
      '/api/account-session': toNodeHandler(accountSession),
      '/api/financial-connections-session': toNodeHandler(financialConnectionsSession),
      '/api/linked-accounts': toNodeHandler(linkedAccounts),
    },
  };
}

/** The fields of a simulated link the offline demo takes from the page. */
function pickLinkDetails(details: LinkedAccountDetails | undefined): LinkedAccountDetails {
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 60) : undefined);
  const picked: LinkedAccountDetails = {};
  const institution = text(details?.institution_name);
  const displayName = text(details?.display_name);
  const last4 = text(details?.last4);
  if (institution) picked.institution_name = institution;
  if (displayName) picked.display_name = displayName;
  if (last4 && /^\d{4}$/.test(last4)) picked.last4 = last4;
  return picked;
}
