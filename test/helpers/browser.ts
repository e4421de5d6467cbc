import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { ROOT } from '../../src/paths';

/**
 * Debian's chromium, driven by playwright-core: headless, no sandbox (tests run as root in CI), nothing that phones
 * home, and a fresh profile each time. A missing browser is an error with the command that installs it: the
 * browser tests never skip.
 */

export const CHROMIUM = process.env.PLANGRAPH_CHROMIUM || '/usr/bin/chromium';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}. Install Debian's chromium (\`apt-get update && apt-get install -y chromium\`; .ci/run does it) or set PLANGRAPH_CHROMIUM to a Chromium executable.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'plangraph-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport, acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The pages' bundles, fresh (esbuild takes a second or two): `npx jest` alone must test what the sources say. */
export function buildWeb(): void {
  execFileSync(process.execPath, [join(ROOT, 'web/build.mjs'), '--quiet'], { stdio: 'inherit' });
}
