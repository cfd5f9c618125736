/**
 * The migration guide's promise, type-checked: every prop of every `Connect…` component of
 * `@stripe/react-connect-js` is a prop of the `@connect-elements/react` component of the same name
 * without `Connect` (docs/migrating-from-react-connect-js.md).
 */
import type { JSXElementConstructor } from 'react';
import type * as Stripe from '@stripe/react-connect-js';
import type * as Ours from '../../packages/react/src/index.js';

type Props<C> = C extends JSXElementConstructor<infer P> ? P : never;
type OurName<K> = K extends `Connect${infer Name}` ? Name : never;
/** Not components, or no component of the same name (see the guide's table). */
type Apart = 'ConnectComponentsProvider' | 'ConnectElementEventNames';

/** Per Stripe component: the props ours lacks (`never` when none), or the missing component. */
type Gaps = {
  [
    K in Exclude<keyof typeof Stripe, Apart> as OurName<K> extends never ? never : K
  ]: OurName<K> extends keyof typeof Ours
    ? Exclude<keyof Props<(typeof Stripe)[K]>, keyof Props<(typeof Ours)[OurName<K>]>>
    : `@connect-elements/react has no ${OurName<K>}`;
};

type NoGaps<T> = { [K in keyof T]: [T[K]] extends [never] ? never : K }[keyof T];

/** Fails to compile, naming the component, when one of them has a gap. */
export const noGaps: [NoGaps<Gaps>] extends [never] ? true : NoGaps<Gaps> = true;
