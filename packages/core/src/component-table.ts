/**
 * The one table of Connect embedded components.
 *
 * Component names, setter names and listener names come from the installed
 * `@stripe/connect-js` (`connectElementTagNames`, `ConnectElementCustomMethodConfig`,
 * `ConnectElementCommonMethodConfig`). The only thing Stripe's config does not say at run time
 * is what kind of value a setter takes; `settingKinds` says it, and the compiler checks every
 * entry against Stripe's own parameter types, so a setter added by a later `@stripe/connect-js`
 * fails the type check until it has a kind here. What each kind means is `setting-kinds.ts`;
 * properties beyond Stripe's setters are `settingExtras`. Every element class, define module,
 * framework wrapper and the table of docs/elements.md are generated from this (`npm run generate`).
 */
import type * as ConnectJs from '@stripe/connect-js';
import { ephemeralKeyFetcher, type SettingExtraHost } from './ephemeral-key.js';
import { settingKindRules, type KindOf, type SettingKind } from './setting-kinds.js';
import {
  ConnectElementCommonMethodConfig,
  ConnectElementCustomMethodConfig,
  connectElementTagNames,
} from './stripe-internals.js';

export type ComponentName = ConnectJs.ConnectElementTagName;

type CustomConfig = typeof ConnectJs.ConnectElementCustomMethodConfig;
type CommonConfig = typeof ConnectJs.ConnectElementCommonMethodConfig;

/** Every method Stripe's element for component `C` has. */
export type MethodsOf<C extends ComponentName> = CommonConfig &
  (C extends keyof CustomConfig ? CustomConfig[C] : unknown);

/** `setOnExit` is a listener; `setOnboardingUrl` would not be. */
type IsListener<K extends string> = K extends `setOn${infer Y}`
  ? Y extends Capitalize<Y>
    ? Y extends ''
      ? false
      : true
    : false
  : false;

type ValueOf<F> = F extends (value: infer V) => void ? V : never;

/** `setFullTermsOfServiceUrl` → `fullTermsOfServiceUrl`. */
type SettingPropertyName<K> = K extends string
  ? IsListener<K> extends true
    ? never
    : K extends `set${infer X}`
      ? Uncapitalize<X>
      : never
  : never;

type KebabTail<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `-${Lowercase<H>}`}${KebabTail<T>}`
  : '';
/** `StepChange` → `step-change`. */
export type Kebab<S extends string> = S extends `${infer H}${infer T}`
  ? `${Lowercase<H>}${KebabTail<T>}`
  : S;

/** `setOnStepChange` → `ce-step-change`. */
type ListenerEventName<K> = K extends `setOn${infer Y}`
  ? IsListener<K> extends true
    ? `ce-${Kebab<Y>}`
    : never
  : never;

/** What Stripe passes to listener `L`; `null` for listeners called with nothing. */
type ListenerDetail<L> =
  NonNullable<ValueOf<L>> extends (...args: infer A) => void
    ? A extends [infer D, ...unknown[]]
      ? D
      : null
    : null;

/** The settings of component `C` as typed properties, e.g. `{ collectionOptions?: CollectionOptions }`. */
export type ConnectComponentSettings<C extends ComponentName> = {
  [K in keyof MethodsOf<C> as SettingPropertyName<K>]?: Exclude<
    ValueOf<MethodsOf<C>[K]>,
    undefined
  >;
};

/** Event name → detail for component `C`, e.g. `{ 'ce-step-change': StepChange }`. */
export type ConnectComponentEventDetails<C extends ComponentName> = {
  [K in keyof MethodsOf<C> as ListenerEventName<K>]: ListenerDetail<MethodsOf<C>[K]>;
};

/** Event name → detail for every component. */
export type AllConnectComponentEventDetails = UnionToIntersection<
  { [C in ComponentName]: ConnectComponentEventDetails<C> }[ComponentName]
>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;

type AllMethods = CommonConfig & UnionToIntersection<CustomConfig[keyof CustomConfig]>;
type SettingSetterName = {
  [K in Extract<keyof AllMethods, string>]: SettingPropertyName<K> extends never ? never : K;
}[Extract<keyof AllMethods, string>];

/**
 * The kind of value each setter of `@stripe/connect-js` takes, for the GA and the preview
 * channel. The `satisfies` clause holds every setter of the installed version to its kind (as
 * `KindOf` reads it from Stripe's parameter type): a missing one or a wrong kind is a compile
 * error. Setters of the other channel are only held to being a kind, since their types are not
 * installed.
 */
export const settingKinds = {
  setFullTermsOfServiceUrl: 'string',
  setRecipientTermsOfServiceUrl: 'string',
  setPrivacyPolicyUrl: 'string',
  setSkipTermsOfServiceCollection: 'boolean',
  setCollectionOptions: 'json',
  setDefaultCard: 'string',
  setCardSwitching: 'boolean',
  setFetchEphemeralKey: 'function',
  setShowSpendControls: 'boolean',
  setIssuingProgram: 'string',
  setFinancialAccount: 'string',
  setDefaultFilters: 'json-dates',
  setPayment: 'string',
  setHideProductTaxCodeSelector: 'boolean',
  setDisplayHeadOfficeCountries: 'list',
  setDisplayCountries: 'list',
  setPayout: 'string',
  // The preview channel (`-preview` versions of @stripe/connect-js).
  setDataSource: 'string',
  setApp: 'string',
  setAppData: 'json',
  setPaymentMethodConfiguration: 'string',
  setDefaultFinancingOffer: 'string',
  setShowFinancingSelector: 'boolean',
  setHowCapitalWorksUrl: 'string',
  setSupportUrl: 'string',
  setLayout: 'string',
  setEligibilityCriteriaUrl: 'string',
  setReportName: 'string',
  setIntervalStart: 'date',
  setIntervalEnd: 'date',
  setIntervalType: 'string',
  setHideDescription: 'boolean',
  setDisabled: 'boolean',
  setInitialTaxCode: 'string',
  setHandleCheckScanSubmitted: 'function',
} as const satisfies { [S in SettingSetterName]: KindOf<ValueOf<AllMethods[S]>> } & Record<
  string,
  SettingKind
>;

/**
 * Element properties beyond Stripe's setters, by the setter they stand in for: while the setting
 * has no value of its own, the extra's value builds it. The issuing components' `fetchEphemeralKey`
 * comes from an `ephemeral-key-endpoint` this way.
 */
export const settingExtras = {
  setFetchEphemeralKey: {
    property: 'ephemeralKeyEndpoint',
    attribute: 'ephemeral-key-endpoint',
    build: ephemeralKeyFetcher,
  },
} as const satisfies Record<string, SettingExtraRule>;

/** The manifest's description of each extra (kept apart: pages never need it). */
export const settingExtraDocs = {
  setFetchEphemeralKey:
    'URL of your endpoint for issuing ephemeral keys: the element builds `fetchEphemeralKey` from it (POST `{issuingCard, nonce}`, answered with `{issuingCard, nonce, ephemeralKeySecret}`).',
} satisfies Record<keyof typeof settingExtras, string>;

/** What a setting extra is: an attribute, and how it makes the setter's value. */
export interface SettingExtraRule {
  /** The element property, e.g. `ephemeralKeyEndpoint`. */
  readonly property: string;
  /** Its attribute, e.g. `ephemeral-key-endpoint`. */
  readonly attribute: string;
  /** The setter's value made from the extra's. */
  build(value: string, host: SettingExtraHost): unknown;
}

type Extras = typeof settingExtras;
type ExtraSetterOf<C extends ComponentName> = Extract<keyof MethodsOf<C>, keyof Extras>;

/** The extra properties of component `C`, e.g. `{ ephemeralKeyEndpoint?: string }`. */
export type ConnectComponentExtras<C extends ComponentName> = UnionToIntersection<
  { [S in ExtraSetterOf<C>]: { [P in Extras[S]['property']]?: string } }[ExtraSetterOf<C>]
>;

/** A setter of a Stripe element, as a property (and maybe an attribute) of a `ce-*` element. */
export interface SettingSpec {
  /** Stripe's setter, e.g. `setCollectionOptions`. */
  readonly setter: string;
  /** The element property, e.g. `collectionOptions`. */
  readonly property: string;
  /** The attribute, e.g. `collection-options`; absent for functions. */
  readonly attribute: string | undefined;
  readonly kind: SettingKind;
}

/** An extra property of a component element (see `settingExtras`). */
export interface ExtraSpec {
  /** The setter it stands in for, e.g. `setFetchEphemeralKey`. */
  readonly setter: string;
  readonly property: string;
  readonly attribute: string;
}

/** A listener setter of a Stripe element, as a DOM event. */
export interface ListenerSpec {
  /** Stripe's setter, e.g. `setOnStepChange`. */
  readonly setter: string;
  /** The DOM event, e.g. `ce-step-change`. */
  readonly event: string;
}

export interface ComponentSpec {
  readonly name: ComponentName;
  /** `ce-account-onboarding` */
  readonly tagName: `ce-${ComponentName}`;
  /** `account_onboarding`: the name the host endpoint receives. */
  readonly sessionName: string;
  readonly settings: readonly SettingSpec[];
  readonly listeners: readonly ListenerSpec[];
  /** Properties beyond Stripe's setters, e.g. `ephemeral-key-endpoint` of the issuing components. */
  readonly extras: readonly ExtraSpec[];
}

/** `CollectionOptions` → `collection-options`. */
export const kebabCase = (name: string): string =>
  name.replace(/[A-Z]/g, (letter, index: number) => (index ? '-' : '') + letter.toLowerCase());

const isListenerSetter = (setter: string): boolean => /^setOn[A-Z]/.test(setter);

const hasCustomMethods = (name: ComponentName): name is keyof CustomConfig =>
  name in ConnectElementCustomMethodConfig;

function describe(name: ComponentName): ComponentSpec {
  const setters = Object.keys({
    ...(hasCustomMethods(name) ? ConnectElementCustomMethodConfig[name] : {}),
    ...ConnectElementCommonMethodConfig,
  });
  const settings: SettingSpec[] = [];
  const listeners: ListenerSpec[] = [];
  const extras: ExtraSpec[] = [];
  for (const setter of setters) {
    const stem = setter.slice('set'.length);
    if (isListenerSetter(setter)) {
      listeners.push({ setter, event: `ce-${kebabCase(stem.slice('On'.length))}` });
      continue;
    }
    // Only a @stripe/connect-js newer than this build can have a setter of no kind (the type
    // check refuses one here); JSON is the least surprising reading of an unknown value.
    const kind: SettingKind = (settingKinds as Record<string, SettingKind>)[setter] ?? 'json';
    settings.push({
      setter,
      property: stem[0]!.toLowerCase() + stem.slice(1),
      attribute: settingKindRules[kind].hasAttribute ? kebabCase(stem) : undefined,
      kind,
    });
    const extra = (settingExtras as Record<string, SettingExtraRule>)[setter];
    if (extra) extras.push({ setter, property: extra.property, attribute: extra.attribute });
  }
  return {
    name,
    tagName: `ce-${name}`,
    sessionName: name.replace(/-/g, '_'),
    settings,
    listeners,
    extras,
  };
}

/** Every Connect embedded component the installed `@stripe/connect-js` knows. */
export const componentNames: readonly ComponentName[] = connectElementTagNames;

const specs = new Map(componentNames.map((name) => [name, describe(name)]));

/** The settings and listeners of one component. */
export const componentSpec = (name: ComponentName): ComponentSpec => specs.get(name)!;
