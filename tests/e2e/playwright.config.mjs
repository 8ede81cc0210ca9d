// Browser tests drive Debian's Chromium (never a downloaded browser) against the release build served by
// the reference server, started on a free loopback port with a fresh database of demo data.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  globalSetup: './global-setup.mjs',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    viewport: { width: 360, height: 740 },
    // page.route() does not see requests a service worker answers; the offline tests allow it themselves.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
});
