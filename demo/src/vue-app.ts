import { ConnectElements, isCustomElement } from '@connect-elements/vue';
import { computed, createApp, defineComponent, ref } from 'vue';
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

const DemoCard = defineComponent({
  props: { title: { type: String, required: true }, tag: { type: String, required: true } },
  template: `
    <section class="card" :aria-labelledby="'card-' + tag">
      <div class="card__header">
        <h2 :id="'card-' + tag">{{ title }}</h2>
        <code>&lt;{{ tag }}&gt;</code>
      </div>
      <div class="card__body"><slot></slot></div>
    </section>`,
});

const App = defineComponent({
  components: { DemoCard },
  setup() {
    const events = ref<LoggedEvent[]>([]);
    const theme = ref('default');
    const locale = ref('en-US');
    const appearance = computed(() => themeAppearance(theme.value));
    let nextId = 1;
    const log = (event: Event) => {
      events.value = [
        {
          id: nextId++,
          type: event.type,
          source: event.target instanceof Element ? event.target.localName : '',
          time: formatTime(new Date()),
          detail: describe((event as CustomEvent).detail),
        },
        ...events.value,
      ].slice(0, 100);
    };
    return {
      publishableKey: pageSettings().publishableKey,
      events,
      theme,
      themes: THEMES,
      locale,
      appearance,
      log,
    };
  },
  template: `
    <div class="layout">
      <ce-connect
        :publishable-key="publishableKey"
        endpoint="/api/account-session"
        :locale="locale"
        :appearance="appearance"
        @ce-error="log"
      >
        <div class="stack">
          <DemoCard title="Balances" tag="ce-balances">
            <ce-balances @ce-loader-start="log" @ce-load-error="log"></ce-balances>
          </DemoCard>
          <DemoCard title="Payouts" tag="ce-payouts">
            <ce-payouts @ce-loader-start="log" @ce-load-error="log"></ce-payouts>
          </DemoCard>
          <DemoCard title="Payouts list" tag="ce-payouts-list">
            <ce-payouts-list @ce-loader-start="log" @ce-load-error="log"></ce-payouts-list>
          </DemoCard>
          <DemoCard title="Bank account" tag="ce-financial-connections">
            <ce-financial-connections
              endpoint="/api/financial-connections-session"
              @ce-financial-connections-success="log"
              @ce-financial-connections-cancel="log"
            >Link a bank account</ce-financial-connections>
          </DemoCard>
        </div>
      </ce-connect>

      <aside class="sidebar" aria-label="Settings and events">
        <section class="card" aria-labelledby="vue-settings-title">
          <div class="card__header">
            <h2 id="vue-settings-title">Provider settings</h2>
            <code>&lt;ce-connect&gt;</code>
          </div>
          <div class="card__body">
            <div class="field">
              <label for="vue-locale">Locale</label>
              <select id="vue-locale" v-model="locale">
                <option value="en-US">English (US)</option>
                <option value="fr-FR">Français</option>
                <option value="de-DE">Deutsch</option>
                <option value="ja-JP">日本語</option>
              </select>
            </div>
            <fieldset class="field">
              <legend>Theme</legend>
              <div class="row">
                <label v-for="(preset, id) in themes" :key="id" class="preset">
                  <input type="radio" name="theme" :value="id" v-model="theme" />
                  <span class="swatch" :style="{ background: preset.swatch }"></span>
                  {{ preset.label }}
                </label>
              </div>
            </fieldset>
          </div>
        </section>
        <section class="card event-log" aria-labelledby="log-title">
          <div class="card__header">
            <h2 id="log-title">Events <span class="count">({{ events.length }})</span></h2>
            <button class="button button--small" type="button" @click="events = []">Clear</button>
          </div>
          <p v-if="events.length === 0" class="event-log__empty">
            Events from the template's listeners appear here.
          </p>
          <div class="event-log__entries" role="log" aria-labelledby="log-title" tabindex="0">
          <ol class="event-log__list" id="log">
            <li v-for="event in events" :key="event.id" class="event-log__entry" :data-event="event.type">
              <div class="event-log__meta">
                <span class="event-log__name">{{ event.type }}</span>
                <span class="event-log__source">on &lt;{{ event.source }}&gt;</span>
                <span class="event-log__time">{{ event.time }}</span>
              </div>
              <pre class="event-log__detail">{{ event.detail }}</pre>
            </li>
          </ol>
          </div>
        </section>
      </aside>
    </div>`,
});

const app = createApp(App);
// Templates here are compiled in the browser, so the compiler option is set on the app; with
// @vitejs/plugin-vue it goes in vue({ template: { compilerOptions: { isCustomElement } } }).
app.config.compilerOptions.isCustomElement = isCustomElement;
app.use(ConnectElements).mount('#app');
