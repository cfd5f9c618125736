import { createContext } from '@lit/context';
import type { ConnectSession } from './connect-session.js';

/** What `<ce-connect>` offers the component elements inside it, across shadow roots. */
export const connectSessionContext = createContext<ConnectSession>(
  Symbol.for('connect-elements/connect-session'),
);
