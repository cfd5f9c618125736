/**
 * Test-runner plugins: the stand-in CDN, per-page control of it from tests
 * (`executeServerCommand('stripe-cdn', {connect: 'fail'})`), and the test endpoint.
 */
import type { Page } from 'playwright-core';
import {
  routeStripeScripts,
  type StandInMode,
  type StandInScriptName,
  type StripeScriptRoutes,
} from '../../packages/testing/src/playwright.js';

const routesByPage = new WeakMap<Page, StripeScriptRoutes>();

/** `createPage` of the Playwright launcher: a page whose Stripe CDN is the stand-in. */
export async function createStandInPage({ context }: { context: { newPage(): Promise<Page> } }) {
  const page = await context.newPage();
  routesByPage.set(page, await routeStripeScripts(page));
  return page;
}

type CdnCommand = Partial<Record<StandInScriptName, StandInMode>>;

interface CommandSession {
  id: string;
  browser: { getPage?(id: string): Page };
}

/** `stripe-cdn`: set how the page's Stripe CDN answers; returns the request counts. */
export const stripeCdnCommands = {
  name: 'stripe-cdn-commands',
  executeCommand({
    command,
    payload,
    session,
  }: {
    command: string;
    payload?: unknown;
    session: CommandSession;
  }) {
    if (command !== 'stripe-cdn') return undefined;
    const page = session.browser.getPage?.(session.id);
    const routes = page && routesByPage.get(page);
    if (!routes) throw new Error('stripe-cdn: this page has no stand-in routes');
    for (const [name, mode] of Object.entries((payload ?? {}) as CdnCommand)) {
      routes.set(name as StandInScriptName, mode);
    }
    return { ...routes.requests };
  },
};

interface TestResultNode {
  tests: Array<{ passed: boolean; skipped: boolean }>;
  suites: TestResultNode[];
}

/**
 * A reporter that ends the run with one plain line, `Browser: N passed, N failed, N skipped`,
 * for readers (and CI logs) that look for the count at the end.
 */
export function summaryLineReporter() {
  let line = '';
  return {
    onTestRunFinished({ sessions }: { sessions: Array<{ testResults?: TestResultNode }> }) {
      const count = { passed: 0, failed: 0, skipped: 0 };
      const walk = (node: TestResultNode) => {
        for (const test of node.tests) {
          if (test.skipped) count.skipped += 1;
          else if (test.passed) count.passed += 1;
          else count.failed += 1;
        }
        node.suites.forEach(walk);
      };
      for (const session of sessions) if (session.testResults) walk(session.testResults);
      line = `Browser: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`;
    },
    stop() {
      // After the runner's own terminal output, which owns stdout until then.
      if (line) process.once('exit', () => process.stdout.write(`${line}\n`));
    },
  };
}
