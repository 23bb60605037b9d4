// Finds a Chromium for the browser tests: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
// Playwright's own download. As root on Debian it installs Debian's Chromium and CJK fonts
// (the only browser this workplace's machines can fetch); elsewhere it says what to install.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

function playwrightsOwn() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return playwrightsOwn();
}

export const isDebian = () => existsSync('/etc/debian_version');
export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Returns a Chromium path, installing Debian's when it may; throws with instructions otherwise. */
export function ensureChromium() {
  const found = findChromium();
  if (found) {
    if (isDebian() && isRoot() && !hasCjkFonts()) aptInstall(['fonts-noto-cjk']);
    return found;
  }
  if (isDebian() && isRoot()) {
    aptInstall(['chromium', 'fonts-noto-cjk']);
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    [
      'No Chromium found for the browser tests. Do one of:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk',
      '  - set CHROMIUM_PATH=/path/to/chrome-or-chromium',
      '  - npx playwright install chromium   (where Playwright can download its browser)',
      'Install a CJK font too (fonts-noto-cjk), or Chinese text renders as boxes.',
    ].join('\n'),
  );
}

function hasCjkFonts() {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

export function aptInstall(packages) {
  console.log(`Installing ${packages.join(' ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureChromium());
}
