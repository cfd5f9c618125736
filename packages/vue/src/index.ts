/**
 * `@connect-elements/vue`: Vue 3 support for Connect Elements.
 *
 * ```ts
 * import { ConnectElements, isCustomElement } from '@connect-elements/vue';
 * createApp(App).use(ConnectElements).mount('#app');
 * // and in the Vue compiler options (vite.config: vue({ template: { compilerOptions } })):
 * compilerOptions: { isCustomElement }
 * ```
 *
 * Importing the package also gives templates the types of every `ce-*` element and of its Vue
 * component (`<CeConnect>`, `<CePayments>`: `GlobalComponents`), for `vue-tsc` and editors.
 */
import { defineElement, kebabCase, propertyAttributes } from '@connect-elements/core';
import type { App, Plugin } from 'vue';
import { connectElements } from './elements.js';
import { elementWrapper, wrapperName } from './wrappers.js';

export { connectElements } from './elements.js';
export { elementWrapper } from './wrappers.js';
export type * from './types.js';

/** For Vue's `compilerOptions.isCustomElement`: the `ce-*` tags are custom elements. */
export const isCustomElement = (tag: string): boolean => tag.startsWith('ce-');

/**
 * Vue sets a bound value as a property only when the element has a property of the bound name
 * (`key in el`), and templates use kebab-case names: `:default-filters="filters"` looks for
 * `default-filters`. Without such a property Vue would set the attribute, and an object would
 * arrive as the string "[object Object]". So each element class gets a kebab-case alias of every
 * reactive property whose name has capitals: a string goes to the attribute (so
 * `skip-terms-of-service-collection` and `display-countries="US, CA"` read as they do in HTML),
 * anything else to the property.
 */
function addKebabCaseAliases(elementClass: CustomElementConstructor): void {
  const prototype = elementClass.prototype as object;
  for (const [name, attribute] of propertyAttributes(elementClass)) {
    const alias = kebabCase(name);
    if (alias === name || alias in prototype) continue;
    Object.defineProperty(prototype, alias, {
      configurable: true,
      get(this: HTMLElement & Record<string, unknown>) {
        return this[name];
      },
      set(this: HTMLElement & Record<string, unknown>, value: unknown) {
        if (attribute && typeof value === 'string') {
          this.setAttribute(attribute, value);
        } else if (attribute && value == null) {
          this.removeAttribute(attribute);
          this[name] = undefined;
        } else {
          this[name] = value;
        }
      },
    });
  }
}

/**
 * Registers every Connect Elements element (a tag already defined is left alone), ready for
 * Vue's property binding. Safe on the server and safe to call more than once.
 */
export function registerConnectElements(): void {
  if (typeof customElements === 'undefined') return;
  for (const [tagName, elementClass] of connectElements) {
    defineElement(tagName, elementClass);
    // The class registered for the tag, which is another copy's when one came first.
    addKebabCaseAliases(customElements.get(tagName) ?? elementClass);
  }
}

/**
 * The Vue plugin: `app.use(ConnectElements)` registers the elements, and the Vue components
 * around them under their class names (`<CeConnect>`, `<CePaymentDetails>`, …) for teleports,
 * server rendering and nested reactive objects (see `./wrappers.ts`).
 */
export const ConnectElements: Plugin = {
  install(app: App) {
    registerConnectElements();
    for (const [tagName] of connectElements) {
      app.component(wrapperName(tagName), elementWrapper(tagName));
    }
  },
};
