import '@connect-elements/core/define.js';
import { componentNames, componentSpec, type ComponentName } from '@connect-elements/core';
import { DEMO_COMPONENTS } from '../server/demo-components.js';
import { pageSettings } from './page-settings.js';

/** How the gallery groups the components; a component in no group lands in "More". */
const GROUPS: ReadonlyArray<{ title: string; components: readonly string[] }> = [
  {
    title: 'Onboarding and compliance',
    components: ['account-onboarding', 'account-management', 'notification-banner', 'documents'],
  },
  {
    title: 'Payments and disputes',
    components: ['payments', 'payment-details', 'payment-disputes', 'disputes-list'],
  },
  {
    title: 'Payouts and balances',
    components: [
      'payouts',
      'payouts-list',
      'payout-details',
      'balances',
      'instant-payouts-promotion',
    ],
  },
  { title: 'Issuing', components: ['issuing-card', 'issuing-cards-list'] },
  {
    title: 'Financial accounts',
    components: ['financial-account', 'financial-account-transactions'],
  },
  { title: 'Tax', components: ['tax-registrations', 'tax-settings'] },
  { title: 'Reports', components: ['balance-report', 'payout-reconciliation-report'] },
];

/** Sample settings for the components that show one object (offline ids; use yours with keys). */
const SAMPLE_ATTRIBUTES: Partial<Record<string, Record<string, string>>> = {
  'payment-details': { payment: 'pi_3DemoPayment' },
  'payment-disputes': { payment: 'pi_3DemoPayment' },
  'payout-details': { payout: 'po_1DemoPayout' },
  'financial-account': { 'financial-account': 'fa_1DemoAccount' },
  'financial-account-transactions': { 'financial-account': 'fa_1DemoAccount' },
  'issuing-card': { 'default-card': 'ic_1DemoCard' },
  'reporting-chart': { 'report-name': 'gross_volume', 'interval-type': 'month' },
};

/**
 * Components the demo's server can make a session for. An element of the preview channel whose
 * component the `stripe` package does not know yet is shown without one, and says why.
 */
const enabled = (name: ComponentName) => componentSpec(name).sessionName in DEMO_COMPONENTS;

const title = (name: string) => name[0]!.toUpperCase() + name.slice(1).replace(/-/g, ' ');

const groups = GROUPS.map((group) => ({
  title: group.title,
  components: componentNames.filter((name) => group.components.includes(name)),
}));
const grouped = new Set(groups.flatMap((group) => group.components));
const ungrouped = componentNames.filter((name) => !grouped.has(name));
if (ungrouped.some(enabled)) groups.push({ title: 'More', components: ungrouped.filter(enabled) });
const withoutSession = ungrouped.filter((name) => !enabled(name));

const { publishableKey } = pageSettings();
const gallery = document.getElementById('gallery')!;
const index = document.getElementById('gallery-index')!;
const indexList = document.createElement('ul');
indexList.className = 'gallery-index__list';
index.append(indexList);

for (const group of groups) {
  const groupId = `group-${group.title.toLowerCase().replace(/\W+/g, '-')}`;
  const section = document.createElement('section');
  section.className = 'gallery-group';
  section.setAttribute('aria-labelledby', groupId);
  const heading = document.createElement('h2');
  heading.id = groupId;
  heading.textContent = group.title;
  const provider = document.createElement('ce-connect');
  provider.publishableKey = publishableKey;
  provider.endpoint = '/api/account-session';
  const grid = document.createElement('div');
  grid.className = 'gallery';
  for (const name of group.components) grid.append(componentCard(name));
  provider.append(grid);
  section.append(heading, provider);
  gallery.append(section);
}

if (withoutSession.length) {
  const section = document.createElement('section');
  section.className = 'gallery-group';
  section.setAttribute('aria-labelledby', 'group-without-session');
  const heading = document.createElement('h2');
  heading.id = 'group-without-session';
  heading.textContent = 'Preview components without a session here';
  const note = document.createElement('p');
  note.textContent =
    'The installed stripe package has no AccountSession component for these yet, so the ' +
    "demo's server cannot enable them; a server on a preview API version can.";
  const grid = document.createElement('div');
  grid.className = 'gallery';
  for (const name of withoutSession) grid.append(componentCard(name, false));
  section.append(heading, note, grid);
  gallery.append(section);
}

function componentCard(name: ComponentName, withElement = true): HTMLElement {
  const { tagName } = componentSpec(name);
  const id = `component-${name}`;
  const card = document.createElement('section');
  card.className = 'card';
  card.id = name;
  card.setAttribute('aria-labelledby', id);
  const header = document.createElement('div');
  header.className = 'card__header';
  const heading = document.createElement('h3');
  heading.id = id;
  heading.textContent = title(name);
  const tag = document.createElement('code');
  tag.textContent = `<${tagName}>`;
  header.append(heading, tag);
  const body = document.createElement('div');
  body.className = 'card__body';
  if (withElement) {
    const element = document.createElement(tagName);
    for (const [attribute, value] of Object.entries(SAMPLE_ATTRIBUTES[name] ?? {})) {
      element.setAttribute(attribute, value);
    }
    body.append(element);
  } else {
    const why = document.createElement('p');
    why.textContent = `No session: the stripe package knows no component ${componentSpec(name).sessionName}.`;
    body.append(why);
  }
  card.append(header, body);

  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = `#${name}`;
  link.textContent = title(name);
  item.append(link);
  indexList.append(item);
  return card;
}
