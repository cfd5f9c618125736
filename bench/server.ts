/**
 * The benchmark's origin: a `node:http` server on 127.0.0.1 serving the bench pages, their
 * bundles, and a host endpoint that answers after a set delay and counts requests per page.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchServer {
  readonly origin: string;
  /** Endpoint requests made by page `id`. */
  requests(id: string): number;
  close(): Promise<void>;
}

/** The page every variant uses: the probe first (classic script), then the variant's module. */
const page = (module: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Connect Elements bench</title>
    <link rel="icon" href="data:," />
    <script src="/probe.js"></script>
    <script type="module" src="/${module}.js"></script>
  </head>
  <body>
    <main id="stage"></main>
  </body>
</html>`;

let issued = 0;

/**
 * Serves `GET /?variant=kit` (a page loading `/kit.js`), `GET /<name>.js` from `scripts`, and
 * `POST /api/secret?page=ID&delay=MS`.
 */
export async function startBenchServer(scripts: Record<string, string>): Promise<BenchServer> {
  const counts = new Map<string, number>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      const variant = url.searchParams.get('variant') ?? 'kit';
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(page(variant));
      return;
    }
    const script = scripts[url.pathname.slice(1).replace(/\.js$/, '')];
    if (script !== undefined && url.pathname.endsWith('.js')) {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      response.end(script);
      return;
    }
    if (url.pathname === '/api/secret' && request.method === 'POST') {
      const id = url.searchParams.get('page') ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
      request.resume();
      request.on('end', () => {
        setTimeout(
          () => {
            response.writeHead(200, {
              'Content-Type': 'application/json',
              'Cache-Control': 'no-store',
            });
            response.end(JSON.stringify({ client_secret: `accs_secret__bench_${++issued}` }));
          },
          Number(url.searchParams.get('delay') ?? 0),
        );
      });
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests: (id) => counts.get(id) ?? 0,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
