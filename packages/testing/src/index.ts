/**
 * `@connect-elements/testing`: offline stand-ins for Stripe's CDN scripts and API client.
 */
export {
  CONNECT_JS_URL,
  STRIPE_JS_URL_PATTERN,
  routeStripeScripts,
  standInScript,
  type StandInMode,
  type StandInScriptName,
  type StripeScriptRoutes,
} from './stand-in-scripts.js';
export { defaultListenerDetail } from './stand-in/listener-details.js';
export type { StandInControls, StandInInstance, StandInElement } from './stand-in/connect-js.js';
export type {
  StripeStandInAction,
  StripeStandInCall,
  StripeStandInControls,
  StripeStandInError,
  StripeStandInFlow,
} from './stand-in/stripe-js.js';
export {
  createOfflineStripe,
  type LinkedAccountDetails,
  type OfflineStripe,
  type OfflineStripeOptions,
} from './offline-stripe.js';
export { parseOfflineClientSecret } from './offline-secret.js';
export { CHROMIUM_ARGS, chromiumLaunchOptions } from './chromium.js';
