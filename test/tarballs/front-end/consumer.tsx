// A front end's code against the installed declarations (`tsc` with skipLibCheck off): wrong
// settings must fail to compile, so the types are not `any`.
import '@connect-elements/core/define.js';
import type { CeErrorEvent, ConnectComponentSettings } from '@connect-elements/core';
import { ConnectProvider, FinancialConnections, Payments } from '@connect-elements/react';
import { ConnectElements, isCustomElement } from '@connect-elements/vue';
import { chromiumLaunchOptions, routeStripeScripts } from '@connect-elements/testing/playwright';
import { standInScript, type StandInControls } from '@connect-elements/testing/stand-in-scripts';

const settings: ConnectComponentSettings<'payments'> = {
  defaultFilters: { status: ['successful'] },
};
const misspelt: ConnectComponentSettings<'payments'> = {
  // @ts-expect-error — payments has no such setting
  defaultFilter: {},
};

const payments = document.querySelector('ce-payments');
payments?.addEventListener('ce-error', (event: CeErrorEvent) => event.detail.code);
if (payments) payments.defaultFilters = settings.defaultFilters;

export const app = (
  <ConnectProvider publishableKey="pk_test_types" endpoint="/api/account-session">
    <Payments defaultFilters={settings.defaultFilters} onLoadError={(event) => event.detail} />
    <FinancialConnections endpoint="/api/fc" onSuccess={(event) => event.detail.session.id} />
  </ConnectProvider>
);

export const used = [misspelt, ConnectElements, isCustomElement('ce-payments'), standInScript];
export const launch: string = chromiumLaunchOptions().executablePath;
export const route: (page: Parameters<typeof routeStripeScripts>[0]) => unknown =
  routeStripeScripts;
export type Controls = StandInControls;
