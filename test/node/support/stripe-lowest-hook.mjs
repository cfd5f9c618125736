/**
 * A module-resolution hook that answers `import 'stripe'` with the lowest release the peer ranges
 * allow, installed in the workspace as `stripe-lowest` (an npm alias), for modules loaded after
 * it is registered.
 */
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier === 'stripe' ? 'stripe-lowest' : specifier, context);
}
