/**
 * Requests Stripe's API accepts and refuses, operation by operation, for the offline Stripe's
 * conformance test: written from the installed `stripe` types (API 2026-10-28) and Stripe's API
 * reference and changelog (docs.stripe.com/api, /changelog), with the `param` and `code` Stripe
 * answers a refusal with. The AccountSession cases for every component and feature flag are
 * generated from the offline Stripe's component table, which the compiler holds to
 * `Stripe.AccountSessionCreateParams.Components`.
 */
import type Stripe from 'stripe';
import type { ParameterErrorCode } from '../../../packages/testing/src/offline-stripe-errors.js';
import type {
  EnumParam,
  ObjectParam,
  ParamSchema,
} from '../../../packages/testing/src/offline-stripe-schema.js';
import { OPERATION_SCHEMAS } from '../../../packages/testing/src/offline-stripe-validation.js';

export type Operation =
  | 'accountSessions.create'
  | 'financialConnections.sessions.create'
  | 'financialConnections.sessions.retrieve'
  | 'financialConnections.accounts.list';

/** How Stripe refuses a request: a `StripeInvalidRequestError` naming `param`. */
export interface Refusal {
  param: string;
  code?: ParameterErrorCode;
  message?: RegExp;
  /** 400 unless given. */
  status?: 404;
}

export interface ConformanceCase {
  operation: Operation;
  what: string;
  params: unknown;
  /** The session id, for `sessions.retrieve`. */
  id?: string;
  verdict: 'accepted' | Refusal;
  /** What an accepted answer must show of the request. */
  shows?: (answer: Record<string, unknown>) => void;
}

/** Ids of objects that exist in the offline Stripe the cases run against. */
export interface Fixture {
  session: string;
  firstAccount: string;
  lastAccount: string;
}

type Components = Stripe.AccountSessionCreateParams.Components;
type FlagAnswer = { components: Record<string, { enabled: boolean; features: object }> };

const ACCOUNT = 'acct_Conform0001';
const CUSTOMER = { type: 'customer', customer: 'cus_Conform0001' } as const;
const LONG = 'x'.repeat(5001);

function accountSessionCases(
  assertEqual: (actual: unknown, expected: unknown) => void,
): ConformanceCase[] {
  const operation = 'accountSessions.create' as const;
  const accepts = (what: string, components: unknown, shows?: ConformanceCase['shows']) => ({
    operation,
    what,
    params: { account: ACCOUNT, components },
    verdict: 'accepted' as const,
    ...(shows && { shows }),
  });
  const refuses = (what: string, params: unknown, refusal: Refusal): ConformanceCase => ({
    operation,
    what,
    params,
    verdict: refusal,
  });

  // Every component and its own flags, from the table the compiler holds to the SDK's types.
  const table = (OPERATION_SCHEMAS[operation]!.properties.components as ObjectParam).properties;
  const flagsOf = (name: string) =>
    Object.keys(
      ((table[name] as ObjectParam).properties.features as ObjectParam).properties,
    ).sort();
  const names = Object.keys(table) as (keyof Components)[];
  const everyFlag = [...new Set(names.flatMap(flagsOf))].sort();

  const generated: ConformanceCase[] = names.flatMap((name) => {
    const own = flagsOf(name);
    const foreign = everyFlag.find((flag) => !own.includes(flag))!;
    return [
      accepts(`${name} enabled`, { [name]: { enabled: true } }, (answer) =>
        assertEqual((answer as FlagAnswer).components[name]!.enabled, true),
      ),
      ...own.map((flag) =>
        accepts(
          `${name} with its feature ${flag}`,
          { [name]: { enabled: true, features: { [flag]: false } } },
          (answer) =>
            assertEqual(
              ((answer as FlagAnswer).components[name]!.features as Record<string, boolean>)[flag],
              false,
            ),
        ),
      ),
      refuses(
        `${name} with ${foreign}, a feature of another component`,
        {
          account: ACCOUNT,
          components: { [name]: { enabled: true, features: { [foreign]: true } } },
        },
        { param: `components[${name}][features][${foreign}]`, code: 'parameter_unknown' },
      ),
    ];
  });

  const written: ConformanceCase[] = [
    accepts('flags sent as the text stripe-node sends', {
      payments: { enabled: 'true', features: { refund_management: 'false' } },
    }),
    accepts('a disabled component', { payouts: { enabled: false } }, (answer) =>
      assertEqual((answer as FlagAnswer).components.payouts!.enabled, false),
    ),
    accepts(
      'every component at once',
      Object.fromEntries(names.map((n) => [n, { enabled: true }])),
    ),
    {
      operation,
      what: 'expand',
      params: { account: ACCOUNT, components: { payments: { enabled: true } }, expand: ['x'] },
      verdict: 'accepted',
    },
    refuses('no params at all', undefined, {
      param: 'account',
      code: 'parameter_missing',
      message: /^Missing required param: account\.$/,
    }),
    refuses(
      'a missing account',
      { components: { payments: { enabled: true } } },
      { param: 'account', code: 'parameter_missing' },
    ),
    refuses(
      'an empty account',
      { account: '', components: { payments: { enabled: true } } },
      { param: 'account', code: 'parameter_invalid_empty', message: /cannot be unset/ },
    ),
    refuses(
      'components sent empty',
      { account: ACCOUNT, components: null },
      { param: 'components', code: 'parameter_invalid_empty' },
    ),
    refuses(
      'an account that is not acct_',
      { account: 'cus_1', components: { payments: { enabled: true } } },
      { param: 'account', code: 'resource_missing', message: /No such account: 'cus_1'/ },
    ),
    refuses(
      'an account number, sent as its digits',
      { account: 7, components: { payments: { enabled: true } } },
      { param: 'account', code: 'resource_missing', message: /No such account: '7'/ },
    ),
    refuses(
      'an account over 5000 characters',
      { account: `acct_${LONG}`, components: { payments: { enabled: true } } },
      { param: 'account', message: /must be at most 5000 characters/ },
    ),
    refuses(
      'missing components',
      { account: ACCOUNT },
      { param: 'components', code: 'parameter_missing' },
    ),
    refuses(
      'empty components, which stripe-node does not send',
      { account: ACCOUNT, components: {} },
      { param: 'components', code: 'parameter_missing' },
    ),
    refuses(
      'components as a list of names',
      { account: ACCOUNT, components: ['payments'] },
      { param: 'components[0]', code: 'parameter_unknown' },
    ),
    refuses(
      'components as text',
      { account: ACCOUNT, components: 'payments' },
      { param: 'components', message: /Invalid object/ },
    ),
    refuses(
      'an unknown component',
      { account: ACCOUNT, components: { paymentz: { enabled: true } } },
      {
        param: 'components[paymentz]',
        code: 'parameter_unknown',
        message: /^Received unknown parameter: components\[paymentz\]$/,
      },
    ),
    refuses(
      'payments with send_money (issue 16)',
      {
        account: ACCOUNT,
        components: { payments: { enabled: true, features: { send_money: true } } },
      },
      { param: 'components[payments][features][send_money]', code: 'parameter_unknown' },
    ),
    refuses(
      'payouts with bogus_feature (issue 16)',
      {
        account: ACCOUNT,
        components: { payouts: { enabled: true, features: { bogus_feature: true } } },
      },
      { param: 'components[payouts][features][bogus_feature]', code: 'parameter_unknown' },
    ),
    refuses(
      'a component without enabled',
      { account: ACCOUNT, components: { payments: { features: { refund_management: true } } } },
      { param: 'components[payments][enabled]', code: 'parameter_missing' },
    ),
    refuses(
      'enabled that is not a boolean',
      { account: ACCOUNT, components: { payments: { enabled: 'yes' } } },
      { param: 'components[payments][enabled]', message: /^Invalid boolean: yes$/ },
    ),
    refuses(
      'enabled sent empty',
      { account: ACCOUNT, components: { payments: { enabled: null } } },
      { param: 'components[payments][enabled]', code: 'parameter_invalid_empty' },
    ),
    refuses(
      'a feature flag of 1',
      {
        account: ACCOUNT,
        components: { payments: { enabled: true, features: { refund_management: 1 } } },
      },
      { param: 'components[payments][features][refund_management]', message: /Invalid boolean: 1/ },
    ),
    refuses(
      'features as text',
      { account: ACCOUNT, components: { payments: { enabled: true, features: 'all' } } },
      { param: 'components[payments][features]', message: /Invalid object/ },
    ),
    refuses(
      'an unknown key in a component',
      { account: ACCOUNT, components: { payments: { enabled: true, feature: { x: true } } } },
      { param: 'components[payments][feature]', code: 'parameter_unknown' },
    ),
    refuses(
      'an unknown parameter',
      { account: ACCOUNT, components: { payments: { enabled: true } }, acount: ACCOUNT },
      { param: 'acount', code: 'parameter_unknown' },
    ),
    refuses(
      'expand as text',
      { account: ACCOUNT, components: { payments: { enabled: true } }, expand: 'x' },
      { param: 'expand', message: /Invalid array/ },
    ),
  ];
  return [...generated, ...written];
}

function sessionCreateCases(
  assertEqual: (actual: unknown, expected: unknown) => void,
): ConformanceCase[] {
  const operation = 'financialConnections.sessions.create' as const;
  const base = { account_holder: CUSTOMER, permissions: ['balances'] };
  const accepts = (what: string, change: object, shows?: ConformanceCase['shows']) => ({
    operation,
    what,
    params: { ...base, ...change },
    verdict: 'accepted' as const,
    ...(shows && { shows }),
  });
  const refuses = (what: string, change: object, refusal: Refusal): ConformanceCase => ({
    operation,
    what,
    params: { ...base, ...change },
    verdict: refusal,
  });
  const shown = (key: string, expected: unknown) => (answer: Record<string, unknown>) =>
    assertEqual(answer[key], expected);
  /** The values of the enum at `path`, from the table held to the SDK's types. */
  const enumValues = (...path: string[]) => {
    let schema: ParamSchema = OPERATION_SCHEMAS[operation]!;
    for (const key of path) {
      schema = (schema as ObjectParam).properties[key]!;
      if (schema.type === 'array') schema = schema.items;
    }
    return Object.keys((schema as EnumParam).values);
  };

  return [
    accepts('a Customer holder', {}, shown('account_holder', CUSTOMER)),
    accepts(
      'an Accounts v2 customer_account holder (issue 16)',
      { account_holder: { type: 'customer', customer_account: 'acct_Customer0001' } },
      shown('account_holder', { type: 'customer', customer_account: 'acct_Customer0001' }),
    ),
    accepts(
      'a connected account holder',
      { account_holder: { type: 'account', account: ACCOUNT } },
      shown('account_holder', { type: 'account', account: ACCOUNT }),
    ),
    ...enumValues('permissions').map((permission) =>
      accepts(`the permission ${permission}`, { permissions: [permission] }),
    ),
    accepts('permissions as the indexed pairs stripe-node sends', {
      permissions: { 0: 'balances', 1: 'ownership' },
    }),
    ...enumValues('prefetch').map((prefetch) =>
      accepts(`prefetch ${prefetch}`, { prefetch: [prefetch] }, shown('prefetch', [prefetch])),
    ),
    ...enumValues('filters', 'account_subcategories').map((subcategory) =>
      accepts(`the account subcategory ${subcategory}`, {
        filters: { account_subcategories: [subcategory] },
      }),
    ),
    ...enumValues('filters', 'require_payment_method_support').map((support) =>
      accepts(`require_payment_method_support ${support}`, {
        filters: { require_payment_method_support: support },
      }),
    ),
    accepts(
      'filters.country',
      { filters: { country: 'US' } },
      shown('filters', { account_subcategories: null, country: 'US' }),
    ),
    accepts('empty filters, which stripe-node does not send', { filters: {} }),
    accepts('limits.accounts', { limits: { accounts: 2 } }, shown('limits', { accounts: 2 })),
    accepts(
      'limits.accounts sent as text',
      { limits: { accounts: '5' } },
      shown('limits', { accounts: 5 }),
    ),
    accepts(
      'limits.accounts empty: no maximum',
      { limits: { accounts: '' } },
      shown('limits', undefined),
    ),
    ...enumValues('manual_entry', 'mode').map((mode) =>
      accepts(
        `manual_entry.mode ${mode}`,
        { manual_entry: { mode } },
        shown('manual_entry', { mode }),
      ),
    ),
    accepts(
      'a return_url',
      { return_url: 'https://shop.test/return' },
      shown('return_url', 'https://shop.test/return'),
    ),
    accepts('a return_url of 5000 characters', {
      return_url: `https://shop.test/${'r'.repeat(5000 - 18)}`,
    }),
    accepts(
      'empty prefetch, which stripe-node does not send',
      { prefetch: [] },
      shown('prefetch', null),
    ),
    accepts(
      'manual_entry without a mode, which stripe-node does not send',
      {
        manual_entry: { mode: undefined },
      },
      shown('manual_entry', undefined),
    ),
    accepts(
      'limits.accounts null: no maximum',
      { limits: { accounts: null } },
      shown('limits', undefined),
    ),
    accepts('expand', { expand: ['accounts'] }),
    {
      operation,
      what: 'a missing account_holder',
      params: { permissions: ['balances'] },
      verdict: { param: 'account_holder', code: 'parameter_missing' },
    },
    refuses(
      'an empty account_holder, which stripe-node does not send',
      { account_holder: {} },
      {
        param: 'account_holder',
        code: 'parameter_missing',
      },
    ),
    refuses(
      'an empty customer_account',
      { account_holder: { type: 'customer', customer_account: null } },
      { param: 'account_holder[customer_account]', code: 'parameter_invalid_empty' },
    ),
    refuses(
      'an empty permission',
      { permissions: [''] },
      {
        param: 'permissions[0]',
        code: 'parameter_invalid_empty',
      },
    ),
    refuses(
      'limits sent empty, which only limits[accounts] may be',
      { limits: null },
      {
        param: 'limits',
        code: 'parameter_invalid_empty',
      },
    ),
    refuses(
      'a return_url number, sent as its digits',
      { return_url: 5 },
      {
        param: 'return_url',
        code: 'url_invalid',
      },
    ),
    refuses(
      'an account_holder that is text',
      { account_holder: 'cus_1' },
      {
        param: 'account_holder',
        message: /Invalid object/,
      },
    ),
    refuses(
      'a missing account_holder type',
      { account_holder: { customer: 'cus_1' } },
      {
        param: 'account_holder[type]',
        code: 'parameter_missing',
      },
    ),
    refuses(
      'an unknown account_holder type',
      { account_holder: { type: 'person' } },
      {
        param: 'account_holder[type]',
        message: /must be one of account or customer/,
      },
    ),
    refuses(
      'an empty account_holder type',
      { account_holder: { type: '', customer: 'cus_1' } },
      {
        param: 'account_holder[type]',
        code: 'parameter_invalid_empty',
      },
    ),
    refuses(
      'a customer holder without an id',
      { account_holder: { type: 'customer' } },
      {
        param: 'account_holder[customer]',
        code: 'parameter_missing',
      },
    ),
    refuses(
      'an account holder without account',
      { account_holder: { type: 'account' } },
      {
        param: 'account_holder[account]',
        code: 'parameter_missing',
      },
    ),
    refuses(
      'an account holder with only a customer_account',
      { account_holder: { type: 'account', customer_account: 'acct_Customer0001' } },
      { param: 'account_holder[account]', code: 'parameter_missing' },
    ),
    refuses(
      'a customer holder with only an account',
      { account_holder: { type: 'customer', account: ACCOUNT } },
      { param: 'account_holder[customer]', code: 'parameter_missing' },
    ),
    refuses(
      'a customer id that is not cus_',
      { account_holder: { type: 'customer', customer: 'acct_1' } },
      { param: 'account_holder[customer]', code: 'resource_missing' },
    ),
    refuses(
      'a customer_account that is not acct_',
      { account_holder: { type: 'customer', customer_account: 'cus_1' } },
      { param: 'account_holder[customer_account]', code: 'resource_missing' },
    ),
    refuses(
      'an empty customer',
      { account_holder: { type: 'customer', customer: '' } },
      { param: 'account_holder[customer]', code: 'parameter_invalid_empty' },
    ),
    refuses(
      'both customer and account',
      { account_holder: { type: 'customer', customer: 'cus_1', account: 'acct_1' } },
      { param: 'account_holder', code: 'parameters_exclusive' },
    ),
    refuses(
      'both customer and customer_account',
      { account_holder: { type: 'customer', customer: 'cus_1', customer_account: 'acct_1' } },
      { param: 'account_holder', code: 'parameters_exclusive' },
    ),
    refuses(
      'an unknown account_holder key',
      { account_holder: { type: 'customer', customer: 'cus_1', person: 'p' } },
      { param: 'account_holder[person]', code: 'parameter_unknown' },
    ),
    {
      operation,
      what: 'missing permissions',
      params: { account_holder: CUSTOMER },
      verdict: {
        param: 'permissions',
        code: 'parameter_missing',
        message: /^Missing required param: permissions\.$/,
      },
    },
    refuses(
      'empty permissions, which stripe-node does not send',
      { permissions: [] },
      {
        param: 'permissions',
        code: 'parameter_missing',
      },
    ),
    refuses(
      'permissions as text',
      { permissions: 'balances' },
      {
        param: 'permissions',
        message: /Invalid array/,
      },
    ),
    refuses(
      'permissions keyed by name',
      { permissions: { first: 'balances' } },
      {
        param: 'permissions',
        message: /Invalid array/,
      },
    ),
    refuses(
      'an unknown permission',
      { permissions: ['balances', 'everything'] },
      {
        param: 'permissions[1]',
        message: /must be one of balances, ownership, payment_method, or transactions/,
      },
    ),
    refuses('prefetch payment_method', { prefetch: ['payment_method'] }, { param: 'prefetch[0]' }),
    refuses(
      'prefetch as text',
      { prefetch: 'balances' },
      {
        param: 'prefetch',
        message: /Invalid array/,
      },
    ),
    refuses(
      'filters.countries, removed in API 2026-09-30 (issue 16)',
      { filters: { countries: ['US'] } },
      { param: 'filters[countries]', code: 'parameter_unknown' },
    ),
    refuses(
      'filters.country as a list (issue 16)',
      { filters: { country: ['US'] } },
      {
        param: 'filters[country]',
        message: /Invalid string/,
      },
    ),
    refuses(
      'filters.country as an object',
      { filters: { country: { code: 'US' } } },
      {
        param: 'filters[country]',
        message: /Invalid string/,
      },
    ),
    refuses(
      'filters.country over 5000 characters',
      { filters: { country: LONG } },
      {
        param: 'filters[country]',
        message: /must be at most 5000 characters/,
      },
    ),
    refuses(
      'an unknown filter',
      { filters: { institution: 'x' } },
      {
        param: 'filters[institution]',
        code: 'parameter_unknown',
      },
    ),
    refuses('filters as text', { filters: 'US' }, { param: 'filters', message: /Invalid object/ }),
    refuses(
      'an unknown account subcategory',
      { filters: { account_subcategories: ['brokerage'] } },
      {
        param: 'filters[account_subcategories][0]',
      },
    ),
    refuses(
      'an unknown payment method support',
      { filters: { require_payment_method_support: 'some' } },
      { param: 'filters[require_payment_method_support]' },
    ),
    refuses(
      'limits.accounts that is not a number (issue 16)',
      { limits: { accounts: 'five' } },
      {
        param: 'limits[accounts]',
        code: 'parameter_invalid_integer',
      },
    ),
    refuses(
      'limits.accounts of 2.5',
      { limits: { accounts: 2.5 } },
      {
        param: 'limits[accounts]',
        code: 'parameter_invalid_integer',
      },
    ),
    refuses(
      'limits.accounts of 0',
      { limits: { accounts: 0 } },
      {
        param: 'limits[accounts]',
        code: 'parameter_invalid_integer',
      },
    ),
    refuses(
      'limits without accounts (issue 16)',
      { limits: { max: 1 } },
      {
        param: 'limits[max]',
        code: 'parameter_unknown',
      },
    ),
    refuses('limits as a number', { limits: 1 }, { param: 'limits', message: /Invalid object/ }),
    refuses(
      'an unknown manual_entry.mode (issue 16)',
      { manual_entry: { mode: 'custom' } },
      {
        param: 'manual_entry[mode]',
        message: /must be one of automatic or disabled/,
      },
    ),
    refuses(
      'manual_entry as text',
      { manual_entry: 'automatic' },
      {
        param: 'manual_entry',
        message: /Invalid object/,
      },
    ),
    refuses(
      'an unknown manual_entry key',
      { manual_entry: { allow: true } },
      {
        param: 'manual_entry[allow]',
        code: 'parameter_unknown',
      },
    ),
    refuses(
      'a return_url that is not a URL',
      { return_url: 'shop.test/return' },
      {
        param: 'return_url',
        code: 'url_invalid',
      },
    ),
    refuses(
      'a return_url over 5000 characters (issue 16)',
      { return_url: `https://shop.test/${LONG}` },
      {
        param: 'return_url',
        message: /must be at most 5000 characters/,
      },
    ),
    refuses(
      'an empty return_url',
      { return_url: '' },
      {
        param: 'return_url',
        code: 'parameter_invalid_empty',
      },
    ),
    refuses(
      'an unknown parameter',
      { permisions: ['balances'] },
      {
        param: 'permisions',
        code: 'parameter_unknown',
      },
    ),
    refuses(
      'expand as text',
      { expand: 'accounts' },
      { param: 'expand', message: /Invalid array/ },
    ),
  ];
}

function retrieveCases(fixture: Fixture): ConformanceCase[] {
  const operation = 'financialConnections.sessions.retrieve' as const;
  const retrieve = (
    what: string,
    params: unknown,
    verdict: ConformanceCase['verdict'],
    id = fixture.session,
  ) => ({
    operation,
    what,
    id,
    params,
    verdict,
  });
  return [
    retrieve('no params', undefined, 'accepted'),
    retrieve('expand', { expand: ['accounts', 'account_holder.customer'] }, 'accepted'),
    retrieve('empty expand, which stripe-node does not send', { expand: [] }, 'accepted'),
    retrieve(
      'limit, which only accounts.list takes (issue 16)',
      { limit: 1 },
      {
        param: 'limit',
        code: 'parameter_unknown',
      },
    ),
    retrieve(
      'an account_holder (issue 16)',
      { account_holder: CUSTOMER },
      {
        param: 'account_holder',
        code: 'parameter_unknown',
      },
    ),
    retrieve(
      'starting_after',
      { starting_after: fixture.firstAccount },
      {
        param: 'starting_after',
        code: 'parameter_unknown',
      },
    ),
    retrieve(
      'expand as text',
      { expand: 'accounts' },
      { param: 'expand', message: /Invalid array/ },
    ),
    retrieve(
      'a session that does not exist',
      undefined,
      { param: 'session', code: 'resource_missing', status: 404 },
      'fcsess_Unknown0001',
    ),
  ];
}

function listCases(fixture: Fixture): ConformanceCase[] {
  const operation = 'financialConnections.accounts.list' as const;
  const list = (
    what: string,
    params: unknown,
    verdict: ConformanceCase['verdict'] = 'accepted',
  ) => ({
    operation,
    what,
    params,
    verdict,
  });
  const { session, firstAccount, lastAccount } = fixture;
  return [
    list('no params', undefined),
    list('one session', { session }),
    list('a page of 1', { session, limit: 1 }),
    list('a page of 100', { limit: 100 }),
    list('limit sent as text', { limit: '5' }),
    list('starting_after', { session, starting_after: firstAccount }),
    list('ending_before (issue 16)', { session, ending_before: lastAccount }),
    list('a Customer holder (issue 16)', { account_holder: { customer: CUSTOMER.customer } }),
    list('an Accounts v2 customer_account holder', {
      account_holder: { customer_account: 'acct_Customer0001' },
    }),
    list('an account holder', { account_holder: { account: ACCOUNT } }),
    list('a holder and a session', { session, account_holder: { customer: CUSTOMER.customer } }),
    list('expand', { expand: ['data.ownership'] }),
    list('limit 0', { limit: 0 }, { param: 'limit', code: 'parameter_invalid_integer' }),
    list('limit 101', { limit: 101 }, { param: 'limit', code: 'parameter_invalid_integer' }),
    list('limit 2.5', { limit: 2.5 }, { param: 'limit', code: 'parameter_invalid_integer' }),
    list('limit ten', { limit: 'ten' }, { param: 'limit', code: 'parameter_invalid_integer' }),
    list('limit sent empty', { limit: '' }, { param: 'limit', code: 'parameter_invalid_empty' }),
    list(
      'a session sent empty',
      { session: null },
      {
        param: 'session',
        code: 'parameter_invalid_empty',
      },
    ),
    list('an unknown parameter', { color: 'red' }, { param: 'color', code: 'parameter_unknown' }),
    list(
      'a session that does not exist',
      { session: 'fcsess_Unknown0001' },
      {
        param: 'session',
        code: 'resource_missing',
      },
    ),
    list(
      'a session id that is not fcsess_',
      { session: 'fca_123' },
      {
        param: 'session',
        code: 'resource_missing',
      },
    ),
    list(
      'starting_after an unknown account',
      { session, starting_after: 'fca_Unknown0001' },
      {
        param: 'starting_after',
        code: 'resource_missing',
      },
    ),
    list(
      'ending_before an unknown account',
      { ending_before: 'fca_Unknown0001' },
      {
        param: 'ending_before',
        code: 'resource_missing',
      },
    ),
    list(
      'starting_after and ending_before',
      {
        starting_after: firstAccount,
        ending_before: lastAccount,
      },
      { param: 'starting_after', code: 'parameters_exclusive' },
    ),
    list(
      'a holder with a type, as sessions take it',
      { account_holder: CUSTOMER },
      {
        param: 'account_holder[type]',
        code: 'parameter_unknown',
      },
    ),
    list(
      'a holder with two ids',
      { account_holder: { customer: 'cus_1', account: ACCOUNT } },
      {
        param: 'account_holder',
        code: 'parameters_exclusive',
      },
    ),
    list(
      'a holder customer that is not cus_',
      { account_holder: { customer: ACCOUNT } },
      {
        param: 'account_holder[customer]',
        code: 'resource_missing',
      },
    ),
    list('params as text', 'session', { param: '0', code: 'parameter_unknown' }),
  ];
}

/** Every case, for the ids in `fixture`. */
export function conformanceCases(
  fixture: Fixture,
  assertEqual: (actual: unknown, expected: unknown) => void,
): ConformanceCase[] {
  return [
    ...accountSessionCases(assertEqual),
    ...sessionCreateCases(assertEqual),
    ...retrieveCases(fixture),
    ...listCases(fixture),
  ];
}
