/**
 * One-line summaries of the Connect components, for the JSDoc of their generated element classes
 * (and so the manifest, editor data, React wrappers). Optional: a component Stripe adds later is
 * generated with `fallbackSummary` until a line is written here.
 */
export const componentSummaries = {
  'account-onboarding': 'Onboards a connected account: collects what Stripe needs to verify it.',
  'account-management': 'Lets the connected account view and edit its account details.',
  'notification-banner':
    'Shows the open risk and compliance requirements of the connected account.',
  payments: 'Lists the payments of the connected account, with refunds and disputes.',
  'payment-details': 'Shows one payment of the connected account in an overlay.',
  'payment-disputes': 'Shows and answers the disputes of one payment.',
  'disputes-list': 'Lists the disputes of the connected account.',
  payouts: 'Shows balances, the payout schedule and payouts of the connected account.',
  'payouts-list': 'Lists the payouts of the connected account.',
  'payout-details': 'Shows one payout of the connected account in an overlay.',
  balances: 'Shows the balances of the connected account and lets it pay out.',
  'instant-payouts-promotion': 'Promotes instant payouts to a connected account that can use them.',
  'issuing-card': 'Shows one Issuing card, with its details and spend controls.',
  'issuing-cards-list': 'Lists the Issuing cards of the connected account.',
  'financial-account': 'Shows one Treasury financial account.',
  'financial-account-transactions': 'Lists the transactions of one Treasury financial account.',
  documents: 'Lists the documents (such as tax forms) the connected account can download.',
  'tax-registrations': 'Lets the connected account manage its tax registrations.',
  'tax-settings': 'Lets the connected account manage its Stripe Tax settings.',
  'balance-report': 'Shows the balance report of the connected account.',
  'payout-reconciliation-report':
    'Shows the payout reconciliation report of the connected account.',
  // The preview channel.
  'payment-method-settings': 'Lets the connected account turn payment methods on and off.',
  'instant-payouts': 'Lets the connected account send instant payouts.',
  recipients: 'Lists the recipients the connected account pays out to.',
  'recipients-list': 'Lists the recipients of the connected account.',
  'capital-financing': 'Shows the Capital financing of the connected account and its repayment.',
  'capital-financing-application':
    'Lets the connected account apply for a Capital financing offer.',
  'capital-financing-promotion': 'Promotes the Capital financing offers of the connected account.',
  'capital-overview':
    'Gives the connected account an overview of its Capital offers and financing.',
  'product-tax-code-selector': 'Lets the connected account pick a Stripe Tax product tax code.',
  'export-tax-transactions': 'Lets the connected account export its Stripe Tax transactions.',
  'tax-threshold-monitoring':
    'Shows where the connected account nears a tax registration threshold.',
  'app-install': 'Lets the connected account install a Stripe App.',
  'app-viewport': 'Shows a view of an installed Stripe App.',
  'reporting-chart': 'Charts a report (gross or net volume) of the connected account over time.',
  'check-scanning': 'Lets the connected account deposit paper checks by scanning them.',
  'agentic-commerce-settings': 'Lets the connected account manage its agentic commerce settings.',
  'terminal-hardware-orders': 'Lists the Terminal hardware orders of the connected account.',
  'terminal-hardware-shop': 'Lets the connected account order Terminal hardware.',
  'network-cost-passthrough-report':
    'Shows the network cost passthrough report of the connected account.',
  'financial-accounts': 'Lists the financial accounts of the connected account.',
  'financial-accounts-transactions':
    'Lists the transactions of the financial accounts of the connected account.',
  bills: 'Lets the connected account manage and pay its bills.',
};

/** The summary of a component with none above. */
export const fallbackSummary = (name) => `Stripe's \`${name}\` embedded component.`;
