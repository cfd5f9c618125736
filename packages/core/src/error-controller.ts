import { css, type ReactiveController, type ReactiveControllerHost } from '@lit/reactive-element';
import type { ConnectElementsError } from './errors.js';
import { CeErrorEvent } from './events/error-event.js';

type Host = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Reports the kit's failures on its host: a cancelable `ce-error` event, then (unless a
 * listener called `preventDefault()`) the message with a retry button in the host's shadow DOM.
 *
 * The panel is built with DOM calls after each host update and appended to the end of the
 * render root, so hosts need no template library for it (the Connect elements are
 * `ReactiveElement`s without lit-html, which keeps a page bundle ~2.4 kB gzip smaller).
 */
export class ErrorController implements ReactiveController {
  /** The failure on show, if any. */
  error: ConnectElementsError | undefined;

  private panel: HTMLElement | undefined;
  private message: HTMLElement | undefined;

  constructor(
    private readonly host: Host,
    /** What the panel's retry button does. */
    private readonly retry: () => void,
  ) {
    host.addController(this);
  }

  /** Dispatches `ce-error` and shows the panel unless the event was cancelled. */
  report(error: ConnectElementsError): void {
    const shown = this.host.dispatchEvent(new CeErrorEvent(error.toDetail()));
    this.error = shown ? error : undefined;
    this.host.requestUpdate();
  }

  clear(): void {
    if (!this.error) return;
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** Puts the panel (`part="error"`, `slot="error"`, `part="retry"`) in line with `error`. */
  hostUpdated(): void {
    if (!this.error) {
      this.panel?.remove();
      this.panel = undefined;
      return;
    }
    if (!this.panel) {
      // <div part="error" role="alert"><slot name="error"><p class="message">…</p></slot>
      //   <button part="retry" type="button">Retry</button></div>
      const panel = element('div', { part: 'error', role: 'alert' });
      const slot = element('slot', { name: 'error' });
      this.message = element('p', { class: 'message' });
      const retry = element('button', { part: 'retry', type: 'button' });
      retry.textContent = 'Retry';
      retry.addEventListener('click', () => this.retry());
      slot.append(this.message);
      panel.append(slot, retry);
      this.panel = panel;
    }
    this.message!.textContent = this.error.message;
    if (this.panel.parentNode !== this.host.renderRoot) this.host.renderRoot.append(this.panel);
  }
}

function element(tagName: string, attributes: Record<string, string>): HTMLElement {
  const node = document.createElement(tagName);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** Styles of the error panel; colours through `--ce-error-*` custom properties. */
export const errorPanelStyles = css`
  [part='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--ce-error-border-color, #df1b41);
    border-radius: var(--ce-error-border-radius, 6px);
    color: var(--ce-error-color, #8a0f2a);
    background: var(--ce-error-background, #fff5f7);
    font: inherit;
  }
  .message {
    margin: 0;
    flex: 1 1 16rem;
  }
  [part='retry'] {
    font: inherit;
    padding: 0.375rem 0.875rem;
    border: 1px solid currentColor;
    border-radius: 4px;
    color: inherit;
    background: #fff;
    cursor: pointer;
  }
  [part='retry']:focus-visible {
    outline: 2px solid var(--ce-focus-color, #635bff);
    outline-offset: 2px;
  }
`;
