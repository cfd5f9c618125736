// `node serve.mjs <static dir>` in the server project: the installed server package's
// AccountSession handler on the testing package's offline Stripe at /api/account-session, and
// the built page beside it. Prints the URL.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { createAccountSessionHandler, toNodeHandler } from '@connect-elements/server';
import { createOfflineStripe } from '@connect-elements/testing/offline-stripe';

const root = process.argv[2];
const endpoint = toNodeHandler(
  createAccountSessionHandler({
    stripe: createOfflineStripe(),
    account: () => 'acct_1TarballSmoke0000',
    components: { payments: { enabled: true }, balances: { enabled: true } },
  }),
);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const server = createServer(async (request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (path === '/api/account-session') return endpoint(request, response);
  const file = join(root, normalize(path === '/' ? '/index.html' : path));
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}/\n`);
});
