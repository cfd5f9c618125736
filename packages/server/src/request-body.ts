/**
 * Reading the endpoint's small JSON request body without ever holding more than the limit.
 */

/** The largest request body the endpoint reads: 16 KiB. One byte more is refused. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/** A request body read within the limit, or why it could not be. */
export type BodyReadResult =
  | { ok: true; bytes: Uint8Array<ArrayBuffer> }
  | { ok: false; reason: 'too_large' | 'unreadable' | 'timeout' };

/**
 * Whether a `Content-Type` header says JSON: `application/json`, in any case, with or without
 * parameters (`; charset=utf-8`). No header, another type, or a list of types is not.
 */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const [essence, ...parameters] = contentType.split(';');
  return (
    essence!.trim().toLowerCase() === 'application/json' &&
    parameters.every((parameter) => /^\s*(?:[!#$%&'*+.^`|~\w-]+=.*)?$/.test(parameter))
  );
}

/** Whether a declared `Content-Length` already tells the body is over `limit`. */
export function declaresMoreThan(contentLength: string | null | undefined, limit: number): boolean {
  if (contentLength === null || contentLength === undefined) return false;
  const declared = Number(contentLength);
  return Number.isFinite(declared) && declared > limit;
}

/** The chunks joined into one array. */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a Fetch `Request` body as a stream and stops — cancelling the stream — as soon as it
 * goes over `limit` bytes, so an endless body costs at most `limit` bytes of memory.
 */
export async function readBodyWithinLimit(
  request: Request,
  limit = BODY_LIMIT_BYTES,
): Promise<BodyReadResult> {
  const body = request.body;
  if (declaresMoreThan(request.headers.get('content-length'), limit)) {
    void body?.cancel().catch(ignore);
    return { ok: false, reason: 'too_large' };
  }
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        void reader.cancel().catch(ignore);
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  return { ok: true, bytes: concatBytes(chunks, total) };
}

/** A JSON body parsed to an object, or `null` when it is not a JSON object. */
export type JsonObject = Record<string, unknown>;

/**
 * The body as a JSON object. An empty (or all-whitespace) body counts as `{}`, so a bare
 * `POST` asks for the defaults; anything else must be UTF-8 JSON whose top level is an object.
 */
export function parseJsonObject(bytes: Uint8Array): JsonObject | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : null;
}

const ignore = (): void => {};
