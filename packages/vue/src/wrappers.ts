/**
 * Vue components around the elements, registered by the plugin under the class names
 * (`<CeConnect>`, `<CePaymentDetails>`, …) beside the plain `ce-*` tags, for what plain tags
 * cannot do in Vue:
 *
 * - `<Teleport>`: a `<CePaymentDetails>` teleported out of its `<CeConnect>` (a modal in
 *   `body`) still uses the provider's session: the provider gives its id to the components in
 *   its Vue tree (`provide`/`inject`), which pass it on as their `provider` attribute.
 * - Reactive objects: an object setting is read through every level when rendered, so a nested
 *   change (`appearance.variables.colorPrimary = …` on a `reactive()`) renders again and
 *   reaches Stripe.
 */
import { defineComponent, h, inject, provide, useId, type Component, type InjectionKey } from 'vue';

/** The id of the `<CeConnect>` around a component in Vue's tree. */
const providerId: InjectionKey<string> = Symbol('connect-elements/provider-id');

/** A copy of `value` read through every level, so the render depends on each nested field. */
const readThrough = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(readThrough);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, readThrough(item)]));
};

/** `ce-payment-details` → `CePaymentDetails`. */
export const wrapperName = (tagName: string): string =>
  tagName.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) =>
    letter.toUpperCase(),
  );

/** The Vue component rendering the element `tagName`. */
export function elementWrapper(tagName: string): Component {
  const isProvider = tagName === 'ce-connect';
  // `<ce-financial-connections>` neither has a Stripe element in its light DOM nor a provider id.
  const isComponent = !isProvider && tagName !== 'ce-financial-connections';
  return defineComponent({
    name: wrapperName(tagName),
    inheritAttrs: false,
    setup(_props, { attrs, slots }) {
      const generatedId = useId();
      const ownId = isProvider ? ((attrs['id'] as string | undefined) ?? generatedId) : undefined;
      if (ownId) provide(providerId, ownId);
      const inherited = isComponent ? inject(providerId, undefined) : undefined;
      return () => {
        const props: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(attrs)) {
          props[name] = typeof value === 'function' ? value : readThrough(value);
        }
        if (ownId) props['id'] = ownId;
        if (inherited && props['provider'] === undefined) props['provider'] = inherited;
        return h(tagName, props, slots['default']?.());
      };
    },
  });
}
