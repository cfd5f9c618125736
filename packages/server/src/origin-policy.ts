/**
 * The `allowedOrigins` check: a guard against other sites making a signed-in user's browser ask
 * for a client secret. It is not CORS — the handlers add no `Access-Control-*` headers.
 */

/** Decides whether a request's origin may use the endpoint. */
export type OriginPolicy = (request: Request) => boolean;

/**
 * The policy for `allowedOrigins`:
 *
 * - not given: every origin is allowed (no check);
 * - given: a request whose `Origin` header is not in the list is refused, and so is the opaque
 *   opaque origin `null` (sandboxed frames, `file:` pages), which can never be listed;
 * - a request with no `Origin` header is allowed — browsers send `Origin` on every POST,
 *   same-origin or not, so its absence means a non-browser client, which an origin list cannot
 *   restrain anyway (`account()` still decides who it is). The one exception: a browser that
 *   says `Sec-Fetch-Site: cross-site` without an `Origin` is refused.
 *
 * Entries are origins, normalised with `new URL(entry).origin` (so `https://Shop.example/`
 * matches `https://shop.example`). An entry that is not just an origin — one with a path, a query
 * or fragment, user info, a wildcard (`*`), or no http(s) scheme — throws a `TypeError` naming it
 * at once, rather than being cut down to an origin it does not say.
 */
export function createOriginPolicy(allowedOrigins: readonly string[] | undefined): OriginPolicy {
  if (allowedOrigins === undefined) return () => true;
  const allowed = new Set(allowedOrigins.map(normalizeOrigin));
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null) return request.headers.get('sec-fetch-site') !== 'cross-site';
    return allowed.has(origin);
  };
}

function normalizeOrigin(entry: string): string {
  let url: URL | undefined;
  try {
    url = new URL(entry);
  } catch {
    url = undefined;
  }
  const onlyAnOrigin =
    typeof entry === 'string' &&
    url !== undefined &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    !/[*?#@\\]/.test(entry) &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '';
  if (!onlyAnOrigin) {
    throw new TypeError(
      `allowedOrigins: "${String(entry)}" is not an origin (no path, query, user info or wildcard); write it as "https://shop.example".`,
    );
  }
  return url!.origin;
}
