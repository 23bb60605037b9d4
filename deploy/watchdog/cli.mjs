#!/usr/bin/env node
// budayang-watchdog --url https://hall.example/kiosk/ [--chromium /usr/bin/chromium] [--user-data-dir DIR]
import { parseArgs } from 'node:util';
import { startWatchdog } from './watchdog.mjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.KIOSK_URL },
    chromium: { type: 'string' },
    'user-data-dir': { type: 'string', default: process.env.KIOSK_PROFILE_DIR },
  },
});
if (!values.url) {
  console.error('Give the kiosk URL: --url https://… (or KIOSK_URL)');
  process.exit(2);
}
const watchdog = startWatchdog({
  url: values.url,
  chromium: values.chromium,
  userDataDir: values['user-data-dir'],
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => watchdog.stop().then(() => process.exit(0)));
}
