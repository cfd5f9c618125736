/**
 * How to start a system Chromium for headless tests: the browser at `CHROME_PATH`, else
 * Debian's `/usr/bin/chromium`, with the flags a root user on a closed network needs (no
 * sandbox, no GPU, and none of the background connections that would fail one by one).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch options for Playwright's `chromium.launch` (or the test runner's launcher). */
export const chromiumLaunchOptions = () => ({
  executablePath: process.env['CHROME_PATH'] || '/usr/bin/chromium',
  headless: true,
  args: [...CHROMIUM_ARGS],
});
