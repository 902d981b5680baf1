// package.json's contributions hang together: every command is ours and categorised, every menu,
// welcome link and walkthrough step names a command that exists, media files exist and ship, and
// the extension starts only on our files, commands and views. The .vsix has an icon, keywords and
// a language configuration for manifests, and holds exactly the files the extension uses.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
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
    for (const kept of ['!media/walkthrough/**', '!media/comanage.svg', '!dist/extension.js', '!dist/server.js']) assert.ok(ignore.includes(kept), `.vscodeignore lacks ${kept}`);
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
      // PowerShell and batch scripts too (issue #12): the server answers only where they start ccmsetup.
      // JSON too (issue #15): the server checks only Graph exports that name a co-management settings type.
      assert.match(event, /^(onLanguage:(ccmsetup|comanage-manifest|powershell|bat|json)|workspaceContains:\*\*\/\*\.(ccmsetup|comanage\.\{yaml,yml\}))$/, event);
    }
    // Commands and views activate by themselves on VS Code 1.74 and later; the engine must allow that.
    assert.match(pkg.engines.vscode, /^\^1\.(7[4-9]|[89]\d)\./);
  });

  it('declares Workspace Trust and virtual workspace support', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  });

  it('has a PNG icon of at least 128×128 pixels and marketplace keywords', () => {
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${pkg.icon} is not a PNG`);
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width >= 128 && height >= 128 && width === height, `${width}×${height}`);
    const keywords = (pkg.keywords as string[]).map((k) => k.toLowerCase());
    for (const word of ['co-management', 'intune', 'configuration manager', 'sccm', 'mecm', 'ccmsetup', 'autopilot']) assert.ok(keywords.includes(word), word);
    // The marketplace takes at most 30.
    assert.ok(keywords.length <= 30 && new Set(keywords).size === keywords.length);
  });

  describe('manifest language configuration', () => {
    const language = contributes.languages.find((l: { id: string }) => l.id === 'comanage-manifest');
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, language.configuration), 'utf8'));
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    /** What pressing Enter at the end of `line` does, by the first onEnterRule that matches (as VS Code picks it). */
    const onEnter = (line: string) => config.onEnterRules.find((r: { beforeText: string }) => new RegExp(r.beforeText).test(line))?.action;

    it('is wired for manifests, with # comments, brackets, auto-closing pairs and off-side folding', () => {
      assert.equal(language.configuration, './syntaxes/comanage-manifest.language-configuration.json');
      assert.equal(config.comments.lineComment, '#');
      assert.deepEqual(config.brackets, [['{', '}'], ['[', ']']]);
      assert.deepEqual(config.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close), ['{}', '[]', '""', "''"]);
      for (const quote of config.autoClosingPairs.slice(2)) assert.deepEqual(quote.notIn, ['string', 'comment']);
      assert.equal(config.folding.offSide, true);
    });

    it('indents after a key that opens a mapping, a list item key, a block scalar or an open bracket', () => {
      for (const line of ['site:', '  policies:   # one per collection', 'comanagement:', '    - settings:', 'notes: |', 'notes: >-', 'groups: [', 'site: {']) {
        assert.ok(increase.test(line), line);
        if (!/[[{]$/.test(line)) assert.deepEqual(onEnter(line), { indent: 'indent' }, line);
      }
      for (const line of ['  code: ABC', 'name: "a: b"', '# site:', 'version: 1', '  - pilot', '']) {
        assert.ok(!increase.test(line), line);
        assert.equal(onEnter(line), undefined, line);
      }
      assert.ok(decrease.test('  ]') && decrease.test('}') && !decrease.test('  - a'));
    });

    it('continues a list item\'s mapping under its first key', () => {
      for (const line of ['    - name: Pilot', '- name: a', '  - collection: Pilot devices # comment']) assert.deepEqual(onEnter(line), { indent: 'none', appendText: '  ' }, line);
    });
  });

  it('packs exactly what the extension uses into the .vsix', function () {
    this.timeout(120_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-vsix-'));
    try {
      const vsix = path.join(out, 'comanage.vsix');
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
      // vsce stores README.md as readme.md and LICENSE as LICENSE.txt.
      const renamed: Record<string, string> = { 'readme.md': 'README.md', 'LICENSE.txt': 'LICENSE' };
      const packed = zipEntries(fs.readFileSync(vsix)).filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length))
        .map((e) => renamed[e] ?? e).sort();
      // What package.json and the client refer to: nothing else may ship.
      const used = new Set<string>(['package.json', 'README.md', 'LICENSE', 'dist/server.js', pkg.main, pkg.icon,
        ...contributes.languages.filter((l: { configuration?: string }) => l.configuration).map((l: { configuration: string }) => l.configuration),
        ...contributes.grammars.map((g: { path: string }) => g.path),
        ...contributes.snippets.map((s: { path: string }) => s.path),
        ...contributes.yamlValidation.map((v: { url: string }) => v.url),
        contributes.viewsContainers.activitybar[0].icon, ...contributes.views.comanage.map((v: { icon: string }) => v.icon),
        ...contributes.walkthroughs.flatMap((w: { steps: { media: { markdown: string } }[] }) => w.steps.map((s) => s.media.markdown)),
      ].map((p) => path.posix.normalize(p.replace(/^\.\//, ''))));
      assert.deepEqual(packed, [...used].sort());
      for (const file of packed) assert.doesNotMatch(file, /^(src|server|client|test|bench|scripts|docs|images|\.cache|node_modules)\/|\.ts$|\.map$/, file);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

/** The names in a zip file's central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'bad central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
