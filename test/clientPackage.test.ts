// package.json's contributions hang together: every command is ours and categorised, every menu,
// welcome link and walkthrough step names a command that exists, media files exist and ship, and
// the extension starts only on our files, commands and views.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const commandIds = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
const REGISTERED = fs.readFileSync(path.join(ROOT, 'client', 'src', 'commands.ts'), 'utf8');

/** `command:comanage.x` links in markdown or welcome text. */
const commandLinks = (text: string) => [...text.matchAll(/\(command:([\w.]+)[^)]*\)/g)].map((m) => m[1]);

describe('client package.json', () => {
  it('contributes commands with stable comanage.* ids, all in the Co-management category and registered', () => {
    assert.ok(commandIds.size >= 8);
    for (const command of contributes.commands) {
      assert.match(command.command, /^comanage\.[a-zA-Z]+$/);
      assert.equal(command.category, 'Co-management', command.command);
      assert.ok(REGISTERED.includes(`'${command.command}'`), `${command.command} is not registered in client/src/commands.ts`);
    }
    for (const id of REGISTERED.matchAll(/register\('([\w.]+)'/g)) assert.ok(commandIds.has(id[1]), `${id[1]} is registered but not contributed`);
  });

  it('names only contributed commands in menus, the welcome view and the walkthrough', () => {
    const named: string[] = [];
    for (const entries of Object.values(contributes.menus) as { command: string }[][]) named.push(...entries.map((e) => e.command));
    for (const welcome of contributes.viewsWelcome) named.push(...commandLinks(welcome.contents));
    for (const walkthrough of contributes.walkthroughs) {
      for (const step of walkthrough.steps) {
        const links = commandLinks(step.description);
        assert.ok(links.length > 0, `walkthrough step ${step.id} links no command`);
        named.push(...links);
        for (const event of step.completionEvents ?? []) {
          if (event.startsWith('onCommand:')) named.push(event.slice('onCommand:'.length));
        }
      }
    }
    // The view's own focus command is VS Code's; the rest must be ours.
    for (const id of named) assert.ok(commandIds.has(id) || id === 'comanage.readiness.focus', `${id} is not a contributed command`);
  });

  it('has its view in its own activity-bar container, with a welcome view', () => {
    assert.deepEqual(contributes.viewsContainers.activitybar.map((c: { id: string; title: string }) => [c.id, c.title]), [['comanage', 'Co-management']]);
    assert.deepEqual(contributes.views.comanage.map((v: { id: string }) => v.id), ['comanage.readiness']);
    assert.ok(contributes.viewsWelcome.some((w: { view: string }) => w.view === 'comanage.readiness'));
  });

  it('refers to media that exist and ship in the .vsix', () => {
    const files = [contributes.viewsContainers.activitybar[0].icon, ...contributes.walkthroughs.flatMap((w: { steps: { media: { markdown: string } }[] }) => w.steps.map((s) => s.media.markdown))];
    for (const file of files) assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is missing`);
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    for (const kept of ['!media/**', '!examples/**', '!dist/extension.js', '!dist/server.js']) assert.ok(ignore.includes(kept), `.vscodeignore lacks ${kept}`);
  });

  it('walkthrough pages link documentation over https only, and no page is empty', () => {
    for (const step of contributes.walkthroughs[0].steps) {
      const text = fs.readFileSync(path.join(ROOT, step.media.markdown), 'utf8');
      assert.ok(text.length > 200, `${step.media.markdown} is nearly empty`);
      for (const link of text.matchAll(/\]\(([^)]+)\)/g)) assert.match(link[1], /^https:\/\/learn\.microsoft\.com\//, `${step.media.markdown}: ${link[1]}`);
    }
  });

  it('starts only on its languages, files, commands and views', () => {
    for (const event of pkg.activationEvents as string[]) {
      assert.match(event, /^(onLanguage:(ccmsetup|comanage-manifest)|workspaceContains:\*\*\/\*\.(ccmsetup|comanage\.\{yaml,yml\}))$/, event);
    }
    // Commands and views activate by themselves on VS Code 1.74 and later; the engine must allow that.
    assert.match(pkg.engines.vscode, /^\^1\.(7[4-9]|[89]\d)\./);
  });

  it('declares Workspace Trust and virtual workspace support', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  });
});
