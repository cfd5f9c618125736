/**
 * What the stand-in Connect.js passes to each Stripe listener when told to fire it without a
 * detail: realistic values of the types `@stripe/connect-js` declares.
 */
export function defaultListenerDetail(setter: string, elementTagName: string): unknown {
  switch (setter) {
    case 'setOnLoaderStart':
      return { elementTagName };
    case 'setOnLoadError':
      return {
        elementTagName,
        error: { type: 'api_error', message: 'The stand-in was told to fail loading.' },
      };
    case 'setOnStepChange':
      return { step: 'business_type' };
    case 'setOnSectionOpen':
      return { sectionName: 'business_details' };
    case 'setOnNotificationsChange':
      return { total: 2, actionRequired: 1 };
    case 'setOnInstantPayoutsPromotionLoaded':
      return { promotionShown: true };
    case 'setOnInstantPayoutCreated':
      return { payoutId: 'po_standin_1' };
    case 'setOnDisputesLoaded':
      return { total: 1 };
    case 'setOnTaxSettingsUpdated':
      return { id: 'taxsettings_standin_1' };
    case 'setOnAfterTaxRegistrationAdded':
    case 'setOnAfterTaxRegistrationExpired':
      return { id: 'taxreg_standin_1' };
    case 'setOnReportAvailabilityLoaded':
      return { isReportAvailable: true };
    default:
      // setOnExit, setOnClose and any listener Stripe calls with nothing.
      return undefined;
  }
}
