/**
 * The demo server's allowlist, apart from the server code so the gallery can tell which
 * components it can show with a session.
 */
import type { ComponentAllowlist } from '@connect-elements/server';

/** Every component the demo's pages show, with the features a platform would typically grant. */
export const DEMO_COMPONENTS: ComponentAllowlist = {
  account_onboarding: { enabled: true, features: { external_account_collection: true } },
  account_management: { enabled: true, features: { external_account_collection: true } },
  notification_banner: { enabled: true, features: { external_account_collection: true } },
  documents: { enabled: true },
  payments: {
    enabled: true,
    features: { refund_management: true, dispute_management: true, capture_payments: true },
  },
  payment_details: {
    enabled: true,
    features: { refund_management: true, dispute_management: true, capture_payments: true },
  },
  payment_disputes: { enabled: true, features: { dispute_management: true } },
  disputes_list: { enabled: true, features: { dispute_management: true } },
  payouts: {
    enabled: true,
    features: { instant_payouts: true, standard_payouts: true, edit_payout_schedule: true },
  },
  payouts_list: { enabled: true },
  payout_details: { enabled: true },
  balances: {
    enabled: true,
    features: { instant_payouts: true, standard_payouts: true, edit_payout_schedule: true },
  },
  instant_payouts_promotion: { enabled: true, features: { instant_payouts: true } },
  issuing_card: { enabled: true, features: { card_management: true } },
  issuing_cards_list: { enabled: true, features: { card_management: true } },
  financial_account: { enabled: true, features: { send_money: true, transfer_balance: true } },
  financial_account_transactions: { enabled: true },
  tax_registrations: { enabled: true },
  tax_settings: { enabled: true },
  balance_report: { enabled: true },
  payout_reconciliation_report: { enabled: true },
  // Components the stripe package knows that only the preview channel of @stripe/connect-js has
  // elements for (the allowlist narrows to what a page asks for, so they cost the GA pages nothing).
  payment_method_settings: { enabled: true },
  reporting_chart: { enabled: true },
  terminal_hardware_orders: { enabled: true },
  terminal_hardware_shop: { enabled: true },
};
