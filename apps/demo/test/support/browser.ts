// Debian's Chromium driven by playwright-core: no browser download, the flags CI machines need.
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launches headless Chromium; close it in afterAll. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
