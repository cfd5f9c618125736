/**
 * The offline Stripe API's checks of create parameters, with the errors Stripe answers.
 */
import type Stripe from 'stripe';
import {
  invalidRequest,
  invalidValue,
  missingParam,
  notOneOf,
  unknownParam,
} from './offline-stripe-errors.js';

/** Every component `AccountSessionCreateParams.Components` knows; the compiler keeps it complete. */
const COMPONENTS = {
  account_management: true,
  account_onboarding: true,
  balance_report: true,
  balances: true,
  disputes_list: true,
  documents: true,
  financial_account: true,
  financial_account_transactions: true,
  instant_payouts_promotion: true,
  issuing_card: true,
  issuing_cards_list: true,
  notification_banner: true,
  payment_details: true,
  payment_disputes: true,
  payment_method_settings: true,
  payments: true,
  payout_details: true,
  payout_reconciliation_report: true,
  payouts: true,
  payouts_list: true,
  reporting_chart: true,
  tax_registrations: true,
  tax_settings: true,
  terminal_hardware_orders: true,
  terminal_hardware_shop: true,
} as const satisfies Record<keyof Stripe.AccountSessionCreateParams.Components, true>;

/** A component name of Stripe's API. */
export type OfflineComponentName = keyof typeof COMPONENTS;

/** The component names of Stripe's API, in its order. */
export const COMPONENT_NAMES = Object.keys(COMPONENTS) as OfflineComponentName[];

const PERMISSIONS = ['balances', 'ownership', 'payment_method', 'transactions'] as const;
const PREFETCH = ['balances', 'ownership', 'transactions'] as const;
const ACCOUNT_SUBCATEGORIES = ['checking', 'credit_card', 'line_of_credit', 'mortgage', 'savings'];
const PAYMENT_METHOD_SUPPORT = ['all', 'at_least_one', 'none'];

type Dictionary = Record<string, unknown>;

const isDictionary = (value: unknown): value is Dictionary =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function rejectUnknown(params: Dictionary, known: readonly string[], prefix?: string): void {
  for (const key of Object.keys(params)) {
    if (params[key] !== undefined && !known.includes(key)) {
      throw unknownParam(prefix ? `${prefix}[${key}]` : key);
    }
  }
}

function requireDictionary(value: unknown, param: string): Dictionary {
  if (value === undefined || value === null) throw missingParam(param);
  if (!isDictionary(value)) throw invalidValue(param, 'object');
  return value;
}

function requireObjectId(value: unknown, param: string, prefix: string, noun: string): string {
  if (value === undefined || value === null || value === '') throw missingParam(param);
  if (typeof value !== 'string') throw invalidValue(param, 'string', value);
  if (!value.startsWith(prefix)) {
    throw invalidRequest(`No such ${noun}: '${value}'`, param, 'resource_missing');
  }
  return value;
}

function optionalEnumList<T extends string>(
  value: unknown,
  param: string,
  allowed: readonly T[],
): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidValue(param, 'array');
  value.forEach((item, index) => {
    if (!allowed.includes(item as T)) throw notOneOf(`${param}[${index}]`, allowed);
  });
  return value as T[];
}

/** The checked parameters of `accountSessions.create`. */
export function checkAccountSessionParams(params: unknown): {
  account: string;
  components: Partial<Record<OfflineComponentName, { enabled: boolean; features?: Dictionary }>>;
} {
  const body = requireDictionary(params, 'params');
  rejectUnknown(body, ['account', 'components', 'expand']);
  const account = requireObjectId(body.account, 'account', 'acct_', 'account');
  const components = requireDictionary(body.components, 'components');
  for (const [name, config] of Object.entries(components)) {
    const param = `components[${name}]`;
    if (!(name in COMPONENTS)) throw unknownParam(param);
    const entry = requireDictionary(config, param);
    rejectUnknown(entry, ['enabled', 'features'], param);
    if (entry.enabled === undefined) throw missingParam(`${param}[enabled]`);
    if (typeof entry.enabled !== 'boolean') {
      throw invalidValue(`${param}[enabled]`, 'boolean', entry.enabled);
    }
    if (entry.features !== undefined) {
      const features = requireDictionary(entry.features, `${param}[features]`);
      for (const [feature, value] of Object.entries(features)) {
        if (value !== undefined && typeof value !== 'boolean') {
          throw invalidValue(`${param}[features][${feature}]`, 'boolean', value);
        }
      }
    }
  }
  return {
    account,
    components: components as ReturnType<typeof checkAccountSessionParams>['components'],
  };
}

/** The checked parameters of `financialConnections.sessions.create`. */
export function checkFinancialConnectionsSessionParams(
  params: unknown,
): Stripe.FinancialConnections.SessionCreateParams {
  const body = requireDictionary(params, 'params');
  rejectUnknown(body, [
    'account_holder',
    'permissions',
    'expand',
    'filters',
    'limits',
    'manual_entry',
    'prefetch',
    'return_url',
  ]);

  const holder = requireDictionary(body.account_holder, 'account_holder');
  rejectUnknown(holder, ['type', 'account', 'customer', 'customer_account'], 'account_holder');
  if (holder.type === undefined) throw missingParam('account_holder[type]');
  if (holder.type !== 'account' && holder.type !== 'customer') {
    throw notOneOf('account_holder[type]', ['account', 'customer']);
  }
  if (holder.account !== undefined && holder.customer !== undefined) {
    throw invalidRequest(
      'You may only specify one of these parameters: account_holder[account], account_holder[customer].',
      'account_holder',
      'parameters_exclusive',
    );
  }
  if (holder.type === 'customer') {
    requireObjectId(holder.customer, 'account_holder[customer]', 'cus_', 'customer');
  } else {
    requireObjectId(holder.account, 'account_holder[account]', 'acct_', 'account');
  }

  if (
    body.permissions === undefined ||
    (Array.isArray(body.permissions) && !body.permissions.length)
  ) {
    throw missingParam('permissions');
  }
  optionalEnumList(body.permissions, 'permissions', PERMISSIONS);
  optionalEnumList(body.prefetch, 'prefetch', PREFETCH);

  if (body.filters !== undefined) {
    const filters = requireDictionary(body.filters, 'filters');
    rejectUnknown(
      filters,
      ['account_subcategories', 'country', 'countries', 'require_payment_method_support'],
      'filters',
    );
    optionalEnumList(
      filters.account_subcategories,
      'filters[account_subcategories]',
      ACCOUNT_SUBCATEGORIES,
    );
    if (
      filters.require_payment_method_support !== undefined &&
      !PAYMENT_METHOD_SUPPORT.includes(String(filters.require_payment_method_support))
    ) {
      throw notOneOf('filters[require_payment_method_support]', PAYMENT_METHOD_SUPPORT);
    }
  }

  if (body.return_url !== undefined) {
    if (typeof body.return_url !== 'string' || !URL.canParse(body.return_url)) {
      throw invalidRequest('Not a valid URL', 'return_url', 'url_invalid');
    }
  }
  return body as unknown as Stripe.FinancialConnections.SessionCreateParams;
}

/** The checked parameters of `financialConnections.accounts.list`. */
export function checkAccountListParams(params: unknown): {
  session?: string;
  startingAfter?: string;
  limit: number;
} {
  const body = params === undefined ? {} : requireDictionary(params, 'params');
  rejectUnknown(body, [
    'session',
    'account_holder',
    'starting_after',
    'ending_before',
    'limit',
    'expand',
  ]);
  for (const param of ['account_holder', 'ending_before'] as const) {
    // Stripe has them; the offline stand-in pages forward by session only and says so.
    if (body[param] !== undefined) {
      throw invalidRequest(`The offline stand-in does not support ${param}.`, param);
    }
  }
  const { session, starting_after: startingAfter, limit = 10 } = body;
  if (session !== undefined) {
    requireObjectId(session, 'session', 'fcsess_', 'financial_connections.session');
  }
  if (startingAfter !== undefined) {
    requireObjectId(startingAfter, 'starting_after', 'fca_', 'financial_connections.account');
  }
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw invalidRequest(
      'Invalid integer: limit must be an integer between 1 and 100.',
      'limit',
      'parameter_invalid_integer',
    );
  }
  return {
    ...(session !== undefined && { session: session as string }),
    ...(startingAfter !== undefined && { startingAfter: startingAfter as string }),
    limit,
  };
}
