import {
  AccountOnboarding,
  ConnectProvider,
  FinancialConnections,
  NotificationBanner,
  Payouts,
} from '@connect-elements/react';
import { StrictMode, useCallback, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, formatTime } from './event-log.js';
import { pageSettings } from './page-settings.js';
import { themeAppearance, THEMES } from './provider-controls.js';

interface LoggedEvent {
  id: number;
  type: string;
  source: string;
  time: string;
  detail: string;
}

const { publishableKey } = pageSettings();

function App() {
  const [events, setEvents] = useState<LoggedEvent[]>([]);
  const [theme, setTheme] = useState('default');
  const [onboardingDone, setOnboardingDone] = useState(false);

  // One handler for every event prop: what arrives is the DOM event the element dispatched.
  const log = useCallback((event: Event) => {
    // Read the event now: React runs the state updater later, when it has finished dispatching.
    const entry = {
      type: event.type,
      source: event.target instanceof Element ? event.target.localName : '',
      time: formatTime(new Date()),
      detail: describe((event as CustomEvent).detail),
    };
    setEvents((previous) =>
      [{ id: (previous[0]?.id ?? 0) + 1, ...entry }, ...previous].slice(0, 100),
    );
  }, []);

  return (
    <div className="layout">
      <ConnectProvider
        publishableKey={publishableKey}
        endpoint="/api/account-session"
        appearance={themeAppearance(theme)}
        onError={log}
      >
        <div className="stack">
          <DemoCard title="Notifications" tag="NotificationBanner">
            <NotificationBanner onNotificationsChange={log} onLoaderStart={log} />
          </DemoCard>
          <DemoCard title="Account onboarding" tag="AccountOnboarding">
            {onboardingDone && (
              <p className="card__note" role="status">
                Onboarding closed (<code>onExit</code>). Your app would now check the account’s
                requirements on the server.
              </p>
            )}
            <AccountOnboarding
              collectionOptions={{ fields: 'eventually_due' }}
              onExit={(event) => {
                log(event);
                setOnboardingDone(true);
              }}
              onStepChange={log}
              onLoaderStart={log}
              onLoadError={log}
            />
          </DemoCard>
          <DemoCard title="Payouts" tag="Payouts">
            <Payouts onLoaderStart={log} onLoadError={log} />
          </DemoCard>
          <DemoCard title="Bank account" tag="FinancialConnections">
            <FinancialConnections
              endpoint="/api/financial-connections-session"
              onSuccess={log}
              onCancel={log}
              onError={log}
            >
              Link a bank account
            </FinancialConnections>
          </DemoCard>
        </div>
      </ConnectProvider>

      <aside className="sidebar" aria-label="Theme and events">
        <section className="card" aria-labelledby="theme-title">
          <div className="card__header">
            <h2 id="theme-title">Appearance</h2>
            <code>appearance</code>
          </div>
          <div className="card__body">
            <fieldset className="field">
              <legend>Theme</legend>
              <div className="row">
                {Object.entries(THEMES).map(([id, preset]) => (
                  <label className="preset" key={id}>
                    <input
                      type="radio"
                      name="theme"
                      value={id}
                      checked={theme === id}
                      onChange={() => setTheme(id)}
                    />
                    <span className="swatch" style={{ background: preset.swatch }} />
                    {preset.label}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        </section>
        <section className="card event-log" aria-labelledby="log-title">
          <div className="card__header">
            <h2 id="log-title">
              Events <span className="count">({events.length})</span>
            </h2>
            <button className="button button--small" type="button" onClick={() => setEvents([])}>
              Clear
            </button>
          </div>
          {events.length === 0 && (
            <p className="event-log__empty">Events from the event props appear here.</p>
          )}
          <div className="event-log__entries" role="log" aria-labelledby="log-title" tabIndex={0}>
            <ol className="event-log__list" id="log">
              {events.map((event) => (
                <li className="event-log__entry" data-event={event.type} key={event.id}>
                  <div className="event-log__meta">
                    <span className="event-log__name">{event.type}</span>
                    <span className="event-log__source">on &lt;{event.source}&gt;</span>
                    <span className="event-log__time">{event.time}</span>
                  </div>
                  <pre className="event-log__detail">{event.detail}</pre>
                </li>
              ))}
            </ol>
          </div>
        </section>
      </aside>
    </div>
  );
}

function DemoCard(props: { title: string; tag: string; children: ReactNode }) {
  const id = `card-${props.tag}`;
  return (
    <section className="card" aria-labelledby={id}>
      <div className="card__header">
        <h2 id={id}>{props.title}</h2>
        <code>&lt;{props.tag}&gt;</code>
      </div>
      <div className="card__body">{props.children}</div>
    </section>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
