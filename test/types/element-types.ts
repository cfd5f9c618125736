/**
 * Compile-time checks of the public types (checked by `tsc --noEmit`, never run): settings are
 * typed from @stripe/connect-js, events are typed for addEventListener, and mistakes fail.
 */
import type { CollectionOptions } from '@stripe/connect-js';
import '../../packages/core/src/define.js';
import type { ConnectElementsErrorCode } from '../../packages/core/src/index.js';

export function typedSettingsAndEvents(): void {
  const onboarding = document.createElement('ce-account-onboarding');
  const options: CollectionOptions | undefined = onboarding.collectionOptions;
  onboarding.collectionOptions = { fields: 'eventually_due', futureRequirements: 'include' };
  onboarding.skipTermsOfServiceCollection = true;
  onboarding.fullTermsOfServiceUrl = 'https://example.com/terms';
  // @ts-expect-error a typo in a Stripe enum fails to compile
  onboarding.collectionOptions = { fields: 'eventualy_due' };
  // @ts-expect-error payments' filters are not an onboarding setting
  onboarding.defaultFilters = {};

  onboarding.addEventListener('ce-step-change', (event) => {
    const step: string = event.detail.step;
    void step;
  });
  onboarding.addEventListener('ce-exit', (event) => {
    const nothing: null = event.detail;
    void nothing;
  });
  document.addEventListener('ce-error', (event) => {
    const code: ConnectElementsErrorCode = event.detail.code;
    const status: number | undefined = event.detail.status;
    void code;
    void status;
  });

  const payments = document.createElement('ce-payments');
  payments.defaultFilters = { status: ['successful'], date: { after: new Date() } };
  const taxes = document.createElement('ce-tax-registrations');
  taxes.displayCountries = ['US', 'CA'];
  const card = document.createElement('ce-issuing-card');
  card.fetchEphemeralKey = async ({ issuingCard, nonce }) => ({
    issuingCard,
    nonce,
    ephemeralKeySecret: 'from your server',
  });
  card.ephemeralKeyEndpoint = '/api/ephemeral-key';
  // @ts-expect-error the extra is the issuing components' own
  payments.ephemeralKeyEndpoint = '/api/ephemeral-key';
  void options;
}
