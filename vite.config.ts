// `npm run demo`: the Connect Elements demo (demo/). Offline by default; real Stripe test mode
// with STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_CONNECTED_ACCOUNT (shell or
// demo/.env, see demo/.env.example). Only the publishable key ever reaches the browser.
import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv } from 'vite';
import { demoConfig } from './demo/server/demo-config.js';
import { demoSettings } from './demo/server/demo-settings.js';

const demoDir = fileURLToPath(new URL('./demo/', import.meta.url));

export default defineConfig(({ mode }) => demoConfig(demoSettings(loadEnv(mode, demoDir, ''))));
