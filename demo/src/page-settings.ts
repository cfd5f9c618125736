/** What the dev server put in the page: the publishable key and the mode (never a secret key). */
export function pageSettings(): { publishableKey: string; mode: 'offline' | 'stripe' } {
  const meta = (name: string) =>
    document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
  return {
    publishableKey: meta('ce-publishable-key'),
    mode: meta('ce-demo-mode') === 'stripe' ? 'stripe' : 'offline',
  };
}
