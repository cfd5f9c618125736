import type { FinancialConnectionsSuccessDetail } from '@connect-elements/core';

type BrowserAccount = FinancialConnectionsSuccessDetail['session']['accounts'][number];

const linkSummary = (account: BrowserAccount | undefined) =>
  account && {
    institution_name: account.institution_name,
    display_name: account.display_name,
    last4: account.last4,
  };

interface LinkedAccount {
  id: string;
  institution_name: string;
  display_name: string | null;
  last4: string | null;
  category: string;
}

/**
 * After a successful link, asks the demo server which accounts were linked: it retrieves the
 * session from Stripe and checks that it belongs to the signed-in user, so the page never has to
 * trust the accounts in the event.
 */
export function showVerifiedAccounts(output: HTMLElement, offline: boolean): void {
  document.addEventListener('ce-financial-connections-success', async (event) => {
    output.textContent = 'Checking the linked accounts on the server…';
    try {
      const response = await fetch('/api/linked-accounts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          session: event.detail.session.id,
          // Offline only: what the stand-in modal linked, for the offline API to record.
          ...(offline && { offlineLink: linkSummary(event.detail.session.accounts[0]) }),
        }),
      });
      const answer = (await response.json()) as {
        accounts?: LinkedAccount[];
        error?: { message: string };
      };
      if (!response.ok || !answer.accounts) {
        output.textContent = `The server could not verify the accounts: ${answer.error?.message ?? response.status}`;
        return;
      }
      const list = document.createElement('ul');
      for (const account of answer.accounts) {
        const item = document.createElement('li');
        const name = account.display_name ?? account.category;
        item.textContent = `${account.institution_name} · ${name}${account.last4 ? ` ••••${account.last4}` : ''}`;
        list.append(item);
      }
      const heading = document.createElement('p');
      heading.textContent = `Verified on the server (${answer.accounts.length} account${answer.accounts.length === 1 ? '' : 's'}):`;
      output.replaceChildren(heading, list);
    } catch {
      output.textContent = 'The server could not be reached to verify the accounts.';
    }
  });
}
