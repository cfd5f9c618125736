/**
 * What the offline Stripe API accepts, operation by operation: tables held to the installed
 * `stripe` package's param types by the compiler (see `SchemaFor` in `./offline-stripe-schema.js`),
 * and the rules between parameters that a table cannot say, with the errors Stripe answers.
 */
import type Stripe from 'stripe';
import { exclusiveParams, missingParam } from './offline-stripe-errors.js';
import {
  checkParams,
  type ObjectParam,
  type PropertiesFor,
  type SchemaFor,
} from './offline-stripe-schema.js';

type Components = Stripe.AccountSessionCreateParams.Components;
type FeaturesOf<C extends keyof Components> = Required<
  NonNullable<NonNullable<Components[C]>['features']>
>;

/** What a feature flag is when not given: a value, or another flag of its component (negated). */
type FlagDefault<Flag extends string = string> = boolean | { sameAs: Flag } | { oppositeOf: Flag };

/** Every component of an AccountSession with every feature flag and its default; none is empty. */
type ComponentFeatureTable = {
  [C in keyof Components]-?: [keyof FeaturesOf<C>] extends [never]
    ? Record<string, never>
    : { [F in keyof FeaturesOf<C>]-?: FlagDefault<keyof FeaturesOf<C> & string> };
};

/** `disable_stripe_user_authentication` defaults to the opposite of `external_account_collection`. */
const NOT_COLLECTING = { oppositeOf: 'external_account_collection' } as const;
/** `smart_disputes_management` defaults to `dispute_management`. */
const AS_DISPUTES = { sameAs: 'dispute_management' } as const;

/**
 * The components of `AccountSessionCreateParams.Components` in Stripe's order, each with its own
 * feature flags (a feature of another component is an unknown parameter) and the default Stripe's
 * API reference gives each. Written out in full, not shared, so that the compiler checks every
 * component's flags against the SDK. Where the reference states no default (Issuing, Treasury),
 * a flag is off until asked for. Payout flags default to `true` when `controller.losses.payments`
 * is `stripe`: the offline Stripe's connected accounts are such accounts.
 */
const COMPONENT_FEATURES = {
  account_management: {
    disable_stripe_user_authentication: NOT_COLLECTING,
    external_account_collection: true,
  },
  account_onboarding: {
    disable_stripe_user_authentication: NOT_COLLECTING,
    external_account_collection: true,
  },
  balance_report: {},
  balances: {
    disable_stripe_user_authentication: NOT_COLLECTING,
    edit_payout_schedule: true,
    external_account_collection: true,
    instant_payouts: true,
    standard_payouts: true,
  },
  disputes_list: {
    capture_payments: true,
    destination_on_behalf_of_charge_management: false,
    dispute_management: true,
    refund_management: true,
    smart_disputes_management: AS_DISPUTES,
  },
  documents: {},
  financial_account: {
    disable_stripe_user_authentication: NOT_COLLECTING,
    external_account_collection: true,
    send_money: false,
    transfer_balance: false,
  },
  financial_account_transactions: { card_spend_dispute_management: false },
  instant_payouts_promotion: {
    disable_stripe_user_authentication: NOT_COLLECTING,
    external_account_collection: true,
    instant_payouts: true,
  },
  issuing_card: {
    card_management: false,
    card_spend_dispute_management: false,
    cardholder_management: false,
    spend_control_management: false,
  },
  issuing_cards_list: {
    card_management: false,
    card_spend_dispute_management: false,
    cardholder_management: false,
    disable_stripe_user_authentication: false,
    spend_control_management: false,
  },
  notification_banner: {
    disable_stripe_user_authentication: NOT_COLLECTING,
    external_account_collection: true,
  },
  payment_details: {
    capture_payments: true,
    destination_on_behalf_of_charge_management: false,
    dispute_management: true,
    refund_management: true,
    smart_disputes_management: AS_DISPUTES,
  },
  payment_disputes: {
    destination_on_behalf_of_charge_management: false,
    dispute_management: true,
    refund_management: true,
    smart_disputes_management: AS_DISPUTES,
  },
  payment_method_settings: { disable_stripe_user_authentication: false },
  payments: {
    capture_payments: true,
    destination_on_behalf_of_charge_management: false,
    dispute_management: true,
    refund_management: true,
    smart_disputes_management: AS_DISPUTES,
  },
  payout_details: {},
  payout_reconciliation_report: {},
  payouts: {
    disable_stripe_user_authentication: NOT_COLLECTING,
    edit_payout_schedule: true,
    external_account_collection: true,
    instant_payouts: true,
    standard_payouts: true,
  },
  payouts_list: {},
  reporting_chart: {},
  tax_registrations: {},
  tax_settings: {},
  terminal_hardware_orders: {},
  terminal_hardware_shop: {},
} as const satisfies ComponentFeatureTable;

/** A component name of Stripe's API. */
export type OfflineComponentName = keyof typeof COMPONENT_FEATURES;

/** The component names of Stripe's API, in its order. */
export const COMPONENT_NAMES = Object.keys(COMPONENT_FEATURES) as OfflineComponentName[];

/** A string parameter as Stripe's spec gives most of them: at most 5000 characters. */
const text = { type: 'string', maxLength: 5000 } as const;
const id = (prefix: string, noun: string) => ({ ...text, id: { prefix, noun } });
const expand = { type: 'array', items: text } as const;

const ACCOUNT_SESSION_CREATE = {
  type: 'object',
  properties: {
    account: { ...id('acct_', 'account'), required: true },
    components: {
      type: 'object',
      required: true,
      properties: Object.fromEntries(
        Object.entries(COMPONENT_FEATURES).map(([name, flags]) => [
          name,
          {
            type: 'object',
            properties: {
              enabled: { type: 'boolean', required: true },
              features: {
                type: 'object',
                properties: Object.fromEntries(
                  Object.keys(flags).map((flag) => [flag, { type: 'boolean' }]),
                ),
              },
            },
          },
        ]),
      ) as PropertiesFor<Components>,
    },
    expand,
  },
} satisfies SchemaFor<Stripe.AccountSessionCreateParams>;

const FINANCIAL_CONNECTIONS_SESSION_CREATE = {
  type: 'object',
  properties: {
    account_holder: {
      type: 'object',
      required: true,
      properties: {
        account: id('acct_', 'account'),
        customer: id('cus_', 'customer'),
        // An Accounts v2 Account that represents the customer.
        customer_account: id('acct_', 'account'),
        type: { type: 'enum', required: true, values: { account: true, customer: true } },
      },
    },
    permissions: {
      type: 'array',
      required: true,
      items: {
        type: 'enum',
        values: { balances: true, ownership: true, payment_method: true, transactions: true },
      },
    },
    expand,
    filters: {
      type: 'object',
      properties: {
        account_subcategories: {
          type: 'array',
          items: {
            type: 'enum',
            values: {
              checking: true,
              credit_card: true,
              line_of_credit: true,
              mortgage: true,
              savings: true,
            },
          },
        },
        country: text,
        require_payment_method_support: {
          type: 'enum',
          values: { all: true, at_least_one: true, none: true },
        },
      },
    },
    limits: {
      type: 'object',
      properties: {
        // Required once `limits` is given; empty for no maximum.
        accounts: { type: 'integer', required: true, emptyable: true, min: 1 },
      },
    },
    manual_entry: {
      type: 'object',
      properties: { mode: { type: 'enum', values: { automatic: true, disabled: true } } },
    },
    prefetch: {
      type: 'array',
      items: { type: 'enum', values: { balances: true, ownership: true, transactions: true } },
    },
    return_url: { ...text, url: true },
  },
} satisfies SchemaFor<Stripe.FinancialConnections.SessionCreateParams>;

const FINANCIAL_CONNECTIONS_SESSION_RETRIEVE = {
  type: 'object',
  properties: { expand },
} satisfies SchemaFor<Stripe.FinancialConnections.SessionRetrieveParams>;

const FINANCIAL_CONNECTIONS_ACCOUNT_LIST = {
  type: 'object',
  properties: {
    account_holder: {
      type: 'object',
      properties: {
        account: id('acct_', 'account'),
        customer: id('cus_', 'customer'),
        customer_account: id('acct_', 'account'),
      },
    },
    expand,
    session: id('fcsess_', 'financial_connections.session'),
    ending_before: id('fca_', 'financial_connections.account'),
    limit: { type: 'integer', min: 1, max: 100 },
    starting_after: id('fca_', 'financial_connections.account'),
  },
} satisfies SchemaFor<Stripe.FinancialConnections.AccountListParams>;

/** Every operation's table, for tests that walk them. */
export const OPERATION_SCHEMAS: Readonly<Record<string, ObjectParam>> = {
  'accountSessions.create': ACCOUNT_SESSION_CREATE,
  'financialConnections.sessions.create': FINANCIAL_CONNECTIONS_SESSION_CREATE,
  'financialConnections.sessions.retrieve': FINANCIAL_CONNECTIONS_SESSION_RETRIEVE,
  'financialConnections.accounts.list': FINANCIAL_CONNECTIONS_ACCOUNT_LIST,
};

/**
 * Checked `components`: every component with every flag, Stripe's defaults where not given. Typed
 * from the table, so the compiler holds it to the flags `Stripe.AccountSession` answers too.
 */
export type CheckedComponents = {
  [C in OfflineComponentName]: {
    enabled: boolean;
    features: Record<keyof (typeof COMPONENT_FEATURES)[C], boolean>;
  };
};

/** The checked parameters of `accountSessions.create`. */
export function checkAccountSessionParams(params: unknown): {
  account: string;
  components: CheckedComponents;
} {
  const checked = checkParams<Stripe.AccountSessionCreateParams>(ACCOUNT_SESSION_CREATE, params);
  const components = Object.fromEntries(
    COMPONENT_NAMES.map((name) => {
      const given = checked.components[name];
      const flags: Readonly<Record<string, FlagDefault>> = COMPONENT_FEATURES[name];
      const features: Record<string, boolean> = { ...given?.features };
      const valueOf = (flag: string): boolean => {
        const fallback = flags[flag]!;
        features[flag] ??=
          typeof fallback === 'boolean'
            ? fallback
            : 'sameAs' in fallback
              ? valueOf(fallback.sameAs)
              : !valueOf(fallback.oppositeOf);
        return features[flag];
      };
      Object.keys(flags).forEach(valueOf);
      return [name, { enabled: given?.enabled ?? false, features }];
    }),
  ) as CheckedComponents;
  return { account: checked.account, components };
}

const HOLDER_IDS = ['account', 'customer', 'customer_account'] as const;

/** The one id `holder` names, if any; more than one is Stripe's `parameters_exclusive`. */
function oneHolderId(holder: Partial<Record<(typeof HOLDER_IDS)[number], string>>, path: string) {
  const given = HOLDER_IDS.filter((key) => holder[key] !== undefined);
  if (given.length > 1) {
    throw exclusiveParams(
      given.map((key) => `${path}[${key}]`),
      path,
    );
  }
  return given[0];
}

/** The checked parameters of `financialConnections.sessions.create`. */
export function checkFinancialConnectionsSessionParams(
  params: unknown,
): Stripe.FinancialConnections.SessionCreateParams {
  const checked = checkParams<Stripe.FinancialConnections.SessionCreateParams>(
    FINANCIAL_CONNECTIONS_SESSION_CREATE,
    params,
  );
  const holder = checked.account_holder;
  const given = oneHolderId(holder, 'account_holder');
  // A customer holder names a Customer or the Accounts v2 Account that represents the customer.
  const named =
    holder.type === 'customer'
      ? given === 'customer' || given === 'customer_account'
      : given === 'account';
  if (!named) {
    throw missingParam(`account_holder[${holder.type === 'customer' ? 'customer' : 'account'}]`);
  }
  return checked;
}

/** The checked parameters of `financialConnections.sessions.retrieve`. */
export function checkSessionRetrieveParams(
  params: unknown,
): Stripe.FinancialConnections.SessionRetrieveParams {
  return checkParams(FINANCIAL_CONNECTIONS_SESSION_RETRIEVE, params);
}

/** The checked parameters of `financialConnections.accounts.list`, with Stripe's page size. */
export function checkAccountListParams(
  params: unknown,
): Stripe.FinancialConnections.AccountListParams & { limit: number } {
  const checked = checkParams<Stripe.FinancialConnections.AccountListParams>(
    FINANCIAL_CONNECTIONS_ACCOUNT_LIST,
    params,
  );
  if (checked.account_holder) oneHolderId(checked.account_holder, 'account_holder');
  if (checked.starting_after !== undefined && checked.ending_before !== undefined) {
    throw exclusiveParams(['starting_after', 'ending_before'], 'starting_after');
  }
  return { ...checked, limit: checked.limit ?? 10 };
}
