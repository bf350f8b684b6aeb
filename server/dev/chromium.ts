import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`npm test` installs it when missing); nothing here downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * Chromium here blocks third-party cookies, and with them the storage of a frame from another site,
 * which the widget is in Zoho CRM as in the harness. Chrome as shipped, Firefox and Safari give such
 * a frame its own (partitioned) storage, so the browser tests do too unless a test asks otherwise.
 */
const ALLOW_THIRD_PARTY_STORAGE = '--disable-features=BlockThirdPartyCookies,TrackingProtection3pcd';

export function launchChromium({ thirdPartyStorage = true }: { thirdPartyStorage?: boolean } = {}): Promise<Browser> {
  const args = thirdPartyStorage ? [...CHROMIUM_ARGS, ALLOW_THIRD_PARTY_STORAGE] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM_PATH, args, headless: true });
}
