/** Calling a Fetch handler the way a browser would, with the answer recorded for the leak scan. */
import type { FetchHandler } from '../../../packages/server/src/index.js';
import { recordAnswer } from './leak-ledger.js';

/** `text` parsed as JSON, or `undefined` when it is not JSON. */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const ENDPOINT_URL = 'https://shop.test/api/session';
export const SHOP_ORIGIN = 'https://shop.test';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** A JSON POST as the browser kit sends it (no body for `undefined`), changed by `init`. */
export function post(body: unknown, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return new Request(ENDPOINT_URL, {
    method: 'POST',
    body:
      body === undefined
        ? null
        : typeof body === 'string' || body instanceof Uint8Array
          ? (body as string | Uint8Array<ArrayBuffer>)
          : JSON.stringify(body),
    ...init,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...init.headers },
  });
}

/** Runs `handler` on `request` and records the answer. */
export async function call(
  handler: FetchHandler,
  request: Request,
  where = 'handler',
): Promise<Answer> {
  const response = await handler(request);
  const text = await response.text();
  recordAnswer({
    where,
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: text,
  });
  return { status: response.status, headers: response.headers, text, json: jsonOf(text) };
}
