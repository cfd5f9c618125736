// `node --import ./test/node/support/react-18.mjs …`: the process imports React 18 (see the hook).
import { register } from 'node:module';

register('./react-18-hook.mjs', import.meta.url);
