// Takes the README's screenshots in a real VS Code (code-server in headless chromium, like the
// end-to-end tests), and checks on the way what a user would see: the squiggle under a mistake, the
// hover over it, the completion list with our snippets, the Readiness view, a generator step, an
// unknown check's tooltip, the "Answer unknown facts…" questions, a squiggle with its hover
// inside a PowerShell script's Start-Process arguments, and the quick fix that adds a missing key.
// Writes small PNGs to images/.
// Usage: npm run screenshots   (builds first; installs code-server and chromium if needed)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  // Hovers fade in: a shot taken mid-animation shows them half transparent.
  // (A string: this file is compiled without the DOM library.)
  await page.waitForFunction('document.getAnimations().every((a) => a.playState !== "running")', undefined, { timeout: 5_000 })
    .catch(() => undefined);
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

/** Runs a command from the Command Palette by its title. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Drags the side bar's edge so it is `width` pixels wide (long check titles need the room). */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('no side bar');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

/** Types into the open quick input, key by key as a person would, so validation runs on each. */
async function typeInto(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.pressSequentially(text, { delay: 10 });
}

/**
 * Moves the mouse onto the first editor token with `token` in it (near its start with `atStart`, for a
 * squiggle shorter than the token) and waits for a hover showing `expected`.
 */
async function hover(page: Page, token: string, expected: string, atStart = false): Promise<void> {
  // Move away first, so the previous hover closes.
  await page.mouse.move(5, VIEWPORT.height - 5);
  await page.keyboard.press('Escape');
  // The editor may still be tokenizing the line: wait for the token's span before measuring it.
  const span = page.locator('.monaco-editor .view-line span[class^="mtk"]', { hasText: token }).first();
  await span.waitFor({ state: 'visible' });
  // A line being re-rendered (decorations arriving) can detach the span between finding and measuring it.
  let box = await span.boundingBox();
  for (let tries = 0; !box && tries < 20; tries++) {
    await page.waitForTimeout(100);
    box = await span.boundingBox();
  }
  if (!box) throw new Error(`could not find ${token} in the editor`);
  await page.mouse.move(atStart ? box.x + 12 : box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.monaco-hover', { hasText: expected }).first().waitFor({ state: 'visible' });
}

/**
 * Moves the mouse onto `token` where it sits inside a longer editor token (a word inside a
 * script's string), measuring characters in the monospace span, and waits for a hover showing `expected`.
 */
async function hoverInside(page: Page, token: string, expected: string): Promise<void> {
  await page.mouse.move(5, VIEWPORT.height - 5);
  await page.keyboard.press('Escape');
  const span = page.locator('.monaco-editor .view-line span[class^="mtk"]', { hasText: token }).first();
  await span.waitFor();
  const box = await span.boundingBox();
  const text = await span.textContent();
  if (!box || !text) throw new Error(`could not find ${token} in the editor`);
  const charWidth = box.width / text.length;
  await page.mouse.move(box.x + (text.indexOf(token) + 3) * charWidth, box.y + box.height / 2);
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
    // The Readiness view opens the folder's manifest when the extension starts, and the explorer
    // then marks it with its problems: wait for both, so every shot shows the same workbench.
    await page.locator('.activitybar .badge-content', { hasText: /\d/ }).first().waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'plan.comanage.yaml' })
      .locator('[class*="monaco-decoration-itemColor"]').first().waitFor();

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

    // 4. The Readiness view: the plan's checks by area, with the failing count as the badge and
    // the summary in the status bar.
    await openFile(page, 'plan.comanage.yaml');
    await runCommand(page, 'Co-management: Show readiness');
    await widenSideBar(page, 440);
    const tree = page.locator('.pane-body .monaco-list[aria-label*="Readiness"], .pane-body .monaco-list').first();
    await tree.locator('.monaco-list-row', { hasText: 'plan.comanage.yaml' }).first().waitFor();
    const licensing = tree.locator('.monaco-list-row', { hasText: 'Licensing' }).first();
    await licensing.click();
    await page.keyboard.press('ArrowRight');
    // A click on a check selects the key it is about in the editor.
    await tree.locator('.monaco-list-row', { hasText: 'Microsoft Entra ID P1' }).first().click();
    await page.locator('.monaco-editor .selected-text').first().waitFor();
    // Its tooltip says why it fails and links the documentation.
    const row = await tree.locator('.monaco-list-row', { hasText: 'Microsoft Entra ID P1' }).first().boundingBox();
    if (!row) throw new Error('the failing check is not in the tree');
    // Near the row's right end, so the tooltip covers the editor rather than the tree.
    await page.mouse.move(row.x + row.width - 80, row.y + row.height / 2 + 40);
    await page.mouse.move(row.x + row.width - 60, row.y + row.height / 2, { steps: 5 });
    await page.locator('.monaco-hover, .workbench-hover', { hasText: 'Read the documentation' }).first().waitFor({ state: 'visible' });
    await page.locator('.statusbar-item', { hasText: 'Readiness:' }).first().waitFor();
    await shoot(page, 'readiness-view.png');

    // 5. The generator checks each value as it is typed, with the running length in the title.
    await runCommand(page, 'Co-management: Generate ccmsetup command line');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Intune co-management settings' }).first().waitFor();
    await page.keyboard.press('Enter');
    await typeInto(page, 'contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500');
    await page.locator('.quick-input-title', { hasText: 'of 1024 characters' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'SMSSITECODE' }).first().waitFor();
    await typeInto(page, 'AB');
    await page.locator('.quick-input-message', { hasText: '"AB" is not one' }).first().waitFor();
    await shoot(page, 'generator.png');
    await page.keyboard.press('Escape');

    // 6. Unknowns are neutral question marks that say what they lack; the tooltip lists the allowed
    // values with their meanings and a YAML example.
    await page.mouse.move(5, VIEWPORT.height - 5);
    const autopilot = tree.locator('.monaco-list-row', { hasText: 'Windows Autopilot' }).first();
    await autopilot.click();
    await page.keyboard.press('ArrowRight');
    const unknown = tree.locator('.monaco-list-row', { hasText: 'needs autopilot.solution' }).first();
    await unknown.waitFor();
    const unknownRow = await unknown.boundingBox();
    if (!unknownRow) throw new Error('the unknown check is not in the tree');
    await page.mouse.move(unknownRow.x + unknownRow.width - 80, unknownRow.y + unknownRow.height / 2 + 40);
    await page.mouse.move(unknownRow.x + unknownRow.width - 60, unknownRow.y + unknownRow.height / 2, { steps: 5 });
    await page.locator('.monaco-hover, .workbench-hover', { hasText: 'device-preparation' }).first().waitFor({ state: 'visible' });
    await shoot(page, 'readiness-unknowns.png');

    // 7. "Answer unknown facts…" asks for each missing key, with the allowed values and their meanings.
    await page.mouse.move(5, VIEWPORT.height - 5);
    await openFile(page, 'plan.comanage.yaml');
    await runCommand(page, 'Co-management: Answer unknown facts');
    await page.locator('.quick-input-widget', { hasText: 'Answer unknown facts:' }).first().waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Skip' }).first().waitFor();
    await shoot(page, 'answer-unknown-facts.png');
    await page.keyboard.press('Escape');

    // 8. In a PowerShell script (no PowerShell extension), a misspelt property inside Start-Process's
    // -ArgumentList string is underlined on its own characters, with a did-you-mean and a quick fix.
    await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
    await openFile(page, 'install.ps1');
    // The Start-Process line is long: with the side bar closed and the line wrapped, the whole
    // argument string is in view.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await runCommand(page, 'View: Toggle Word Wrap');
    await page.locator('.monaco-editor .view-line', { hasText: /^-Wait$/ }).first().waitFor();
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
    await hoverInside(page, 'SMSSITECODEE', 'Did you mean SMSSITECODE?');
    await shoot(page, 'scripts-hover.png');

    // 9. An unknown fact has a quick fix on the key it belongs under: Ctrl+. offers to add it, with
    // its allowed values as choices.
    // The plan is open in a tab from step 7.
    await page.locator('.tab', { hasText: 'plan.comanage.yaml' }).first().click();
    await page.locator('.tab.active', { hasText: 'plan.comanage.yaml' }).first().waitFor();
    await page.keyboard.press('Control+G');
    // The fixture's `autopilot:` line, wherever edits to the fixture have moved it.
    const planLines = readFileSync(path.join(FIXTURE_DIR, 'plan.comanage.yaml'), 'utf8').split('\n');
    await page.keyboard.type(String(planLines.findIndex((line) => line.startsWith('autopilot:')) + 1));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget, .context-view', { hasText: 'Add autopilot.solution' }).first().waitFor({ state: 'visible' });
    await shoot(page, 'missing-key-quick-fix.png');
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
