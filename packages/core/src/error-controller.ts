import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ConnectElementsError } from './errors.js';
import { CeErrorEvent } from './events/error-event.js';

/**
 * Reports the kit's failures on its host: a cancelable `ce-error` event, then (unless a
 * listener called `preventDefault()`) the message with a retry button in the host's shadow DOM.
 */
export class ErrorController implements ReactiveController {
  /** The failure on show, if any. */
  error: ConnectElementsError | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

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

  /** The error panel (`part="error"`, `slot="error"`, `part="retry"`), or nothing. */
  render(retry: () => void): unknown {
    if (!this.error) return nothing;
    return html`<div part="error" role="alert">
      <slot name="error"><p class="message">${this.error.message}</p></slot>
      <button part="retry" type="button" @click=${retry}>Retry</button>
    </div>`;
  }
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
