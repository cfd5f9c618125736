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
