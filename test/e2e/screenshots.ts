// Takes the README's screenshots in a real VS Code (code-server in headless chromium, like the
// end-to-end tests), and checks on the way what a user would see: the squiggle under a mistake, the
// hover over it, and the completion list with our snippets. Writes small PNGs to images/.
// Usage: npm run screenshots   (builds first; installs code-server and chromium if needed)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, makeRunFolder, startCodeServer, workbenchUrl } from './codeServer';
import { FIXTURE_DIR, INSTALL_SCRIPT, ROOT } from './paths';

const IMAGES_DIR = path.join(ROOT, 'images');
const VIEWPORT = { width: 1000, height: 600 };
const STEP_TIMEOUT_MS = 30_000;

/** A quiet, reproducible workbench: no start page, no minimap, no tips. */
const USER_SETTINGS = {
  'files.autoSave': 'off', // never write the fixtures
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'editor.hover.delay': 100,
  // Same pixels on every run: no blinking cursor, no animations.
  'editor.cursorBlinking': 'solid',
  'workbench.reduceMotion': 'on',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
};

async function shoot(page: Page, name: string): Promise<void> {
  const file = path.join(IMAGES_DIR, name);
  await page.screenshot({ path: file });
  console.log(`screenshots: wrote ${path.relative(process.cwd(), file)}`);
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"], .tab.active:has-text("${name}")`).first().waitFor();
}

/**
 * Moves the mouse onto the first editor token with `token` in it (near its start with `atStart`, for a
 * squiggle shorter than the token) and waits for a hover showing `expected`.
 */
async function hover(page: Page, token: string, expected: string, atStart = false): Promise<void> {
  // Move away first, so the previous hover closes.
  await page.mouse.move(5, VIEWPORT.height - 5);
  await page.keyboard.press('Escape');
  const box = await page.locator('.monaco-editor .view-line span[class^="mtk"]', { hasText: token }).first().boundingBox();
  if (!box) throw new Error(`could not find ${token} in the editor`);
  await page.mouse.move(atStart ? box.x + 12 : box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.monaco-hover', { hasText: expected }).first().waitFor({ state: 'visible' });
}

async function main(): Promise<void> {
  const install = spawnSync(process.execPath, [INSTALL_SCRIPT], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('installing code-server and chromium failed (see above)');
  mkdirSync(IMAGES_DIR, { recursive: true });

  const run = makeRunFolder('comanage-shots-');
  const userDataDir = path.join(run.dir, 'user-data');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const server = await startCodeServer({ runDir: run.dir, userDataDir });
  const browser = await launchChromium(path.join(run.dir, 'chromium'), VIEWPORT);
  const page = browser.pages()[0] ?? await browser.newPage();
  try {
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(workbenchUrl(server, { folder: FIXTURE_DIR, extensionDevelopmentPath: ROOT }));
    await page.locator('.monaco-workbench .explorer-folders-view').waitFor();

    // 1. A mistake is underlined; hovering it shows the problem and the property's documentation.
    await openFile(page, 'bad.ccmsetup');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await hover(page, 'https://contoso', 'remove "https://"', true);
    await page.locator('.monaco-hover', { hasText: 'client.msi property' }).first().waitFor({ state: 'visible' });
    await shoot(page, 'diagnostics-hover.png');

    // 2. A misspelt parameter gets a did-you-mean and a quick fix.
    await hover(page, 'UsePKICrt', 'Did you mean /UsePKICert?');
    await shoot(page, 'did-you-mean.png');

    // 3. On an empty line, completion offers the co-management snippets and every parameter.
    await openFile(page, 'good.ccmsetup');
    // A click below the text focuses the editor with the cursor on the last (empty) line.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 200, y: 300 } });
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'ccm-intune-cmg-entra' }).first().waitFor({ state: 'visible' });
    await page.locator('.suggest-widget .monaco-list-row', { hasText: '/AllowMetered' }).first().waitFor({ state: 'visible' });
    await shoot(page, 'completion.png');
    await page.keyboard.press('Escape');
  } catch (error) {
    // What the page showed when a step failed, to see why.
    const failure = path.join(os.tmpdir(), 'comanage-screenshots-failure.png');
    await page.screenshot({ path: failure }).catch(() => undefined);
    console.error(`screenshots: the page at the failure is in ${failure}`);
    throw error;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    run.remove();
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
