/**
 * Connect Elements: the element classes, side-effect free. Register them with
 * `@connect-elements/core/define.js` (all) or `@connect-elements/core/define/ce-<name>.js` (one).
 */
export { CeConnect } from './ce-connect.js';
// <component-elements>: written by `npm run generate` from the component table.
export { CeAccountOnboarding } from './components/ce-account-onboarding.js';
export { CeDisputesList } from './components/ce-disputes-list.js';
export { CePayments } from './components/ce-payments.js';
export { CePaymentDetails } from './components/ce-payment-details.js';
export { CePaymentDisputes } from './components/ce-payment-disputes.js';
export { CePayouts } from './components/ce-payouts.js';
export { CePayoutsList } from './components/ce-payouts-list.js';
export { CePayoutDetails } from './components/ce-payout-details.js';
export { CeBalances } from './components/ce-balances.js';
export { CeAccountManagement } from './components/ce-account-management.js';
export { CeNotificationBanner } from './components/ce-notification-banner.js';
export { CeInstantPayoutsPromotion } from './components/ce-instant-payouts-promotion.js';
export { CeIssuingCard } from './components/ce-issuing-card.js';
export { CeIssuingCardsList } from './components/ce-issuing-cards-list.js';
export { CeFinancialAccount } from './components/ce-financial-account.js';
export { CeFinancialAccountTransactions } from './components/ce-financial-account-transactions.js';
export { CeDocuments } from './components/ce-documents.js';
export { CeTaxRegistrations } from './components/ce-tax-registrations.js';
export { CeTaxSettings } from './components/ce-tax-settings.js';
export { CeBalanceReport } from './components/ce-balance-report.js';
export { CePayoutReconciliationReport } from './components/ce-payout-reconciliation-report.js';
// </component-elements>
export {
  CeFinancialConnections,
  CeFinancialConnectionsCancelEvent,
  CeFinancialConnectionsSuccessEvent,
  type FinancialConnectionsAccount,
  type FinancialConnectionsCancelDetail,
  type FinancialConnectionsCollect,
  type FinancialConnectionsResult,
  type FinancialConnectionsSuccessDetail,
} from './ce-financial-connections.js';
export {
  ConnectComponentElement,
  connectComponentElement,
  type ConnectComponentElementClass,
} from './connect-component-element.js';
export { ConnectOptionsElement } from './connect-options-element.js';
export { EndpointOptionsElement } from './endpoint-options-element.js';
export {
  componentNames,
  componentSpec,
  kebabCase,
  settingExtras,
  settingKinds,
  type ComponentName,
  type ComponentSpec,
  type ConnectComponentEventDetails,
  type ConnectComponentExtras,
  type ConnectComponentSettings,
  type ExtraSpec,
  type ListenerSpec,
  type SettingExtraRule,
  type SettingSpec,
} from './component-table.js';
export { settingKindRules, type SettingKind, type SettingKindRule } from './setting-kinds.js';
export { CONNECT_JS_URL, STRIPE_JS_URL } from './stripe-internals.js';
export { TRUSTED_TYPES_POLICY } from './trusted-types.js';
export { defineElement } from './define-element.js';
export {
  propertyAttributes,
  type ConnectOptionValues,
  type ElementMethodName,
  type ReactiveElementMember,
} from './framework-support.js';
export {
  ConnectElementsError,
  type ConnectElementsErrorCode,
  type ConnectElementsErrorDetail,
  type StripeErrorInfo,
} from './errors.js';
export { CeErrorEvent } from './events/error-event.js';
export { ConnectComponentEvent, type ConnectComponentEventMap } from './events/component-event.js';
export { ANSWER_LIMIT_BYTES, MAX_TIMEOUT, type EndpointOptions } from './endpoint-request.js';
export { VERSION } from './version.js';
