// Unknowns an admin can act on: each names the facts it needs (allowed values with meanings, a YAML
// example), points where the key belongs, and offers a quick fix that inserts it as a snippet.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { getLanguageService, ReadinessCheck } from '../server/src/core/languageService';
import { MASK } from '../server/src/core/secrets';
import { parsePath as splitPath } from '../server/src/core/manifest/plan';
import { jwt } from './fuzz/arbitraries';

const service = getLanguageService();
let n = 0;
const manifest = (text: string) => TextDocument.create(`file:///tmp/missing/${++n}/plan.comanage.yaml`, 'yaml', 1, text);
const check = (text: string, id: string): ReadinessCheck => {
  const found = service.getReadiness(manifest(text)).find((c) => c.id === id);
  assert.ok(found, `${id} not reported`);
  return found;
};

/** Inserts a snippet as the editor would, taking each choice's first value and each placeholder's default. */
function applySnippet(text: string, position: { line: number; character: number }, snippet: string): string {
  const document = manifest(text);
  const plain = snippet.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
  const offset = document.offsetAt(position);
  return text.slice(0, offset) + plain + text.slice(offset);
}

const PREMIUM = 'licensing-entra-premium-required';

describe('missing facts of unknown checks', () => {
  it('name the key, its allowed values with meanings, and a nested example', () => {
    const result = check('version: 1\nname: plan\n', PREMIUM);
    assert.equal(result.status, 'unknown');
    const [fact] = result.missing!;
    assert.equal(fact.path, 'licensing.entraId');
    assert.equal(fact.reason, 'absent');
    assert.deepEqual(fact.allowed?.map((a) => a.value), ['none', 'P1', 'P2']);
    assert.ok(fact.allowed!.every((a) => a.meaning.length > 5));
    assert.match(result.message, /licensing\.entraId \(allowed: none, P1, P2\)/);
    // The example uses a value the rule's own passing fixture states: never a failing one.
    assert.equal(fact.example, 'licensing:\n  entraId: P1');
  });

  const CASES: { name: string; text: string; id: string; path: string; at: RegExp }[] = [
    { name: 'into the parent mapping, after its last key', text: 'version: 1\nlicensing:\n  intune: true\n  adminIntuneLicense: true\nsite:\n  code: ABC\n', id: PREMIUM, path: 'licensing.entraId', at: /^licensing$/ },
    { name: 'under an empty parent key', text: 'version: 1\nlicensing:\nsite:\n  code: ABC\n', id: PREMIUM, path: 'licensing.entraId', at: /^licensing$/ },
    { name: 'as a new section when the parent is absent', text: 'version: 1\nsite:\n  code: ABC\n', id: PREMIUM, path: 'licensing.entraId', at: /^$/ },
    { name: 'into a mapping nested two deep', text: 'version: 1\npath: new-internet-devices\nsite:\n  code: ABC\n  cmg:\n    deployment: vmss\n', id: 'cmg-server-certificate-trusted', path: 'site.cmg.serverCertificate', at: /^cmg$/ },
    { name: 'into a list item', text: 'version: 1\npath: autopilot\nautopilot:\n  enabled: true\n  esp:\n    targetGroup: G\ncomanagement:\n  policies:\n    - name: p\n      installAgent: true\n', id: 'autopilot-esp-same-group', path: 'comanagement.policies[0].targetGroup', at: /^- name|^policies$|^name: p/ },
  ];
  for (const c of CASES) {
    it(`insert the key ${c.name}, and the inserted key is then read`, () => {
      const document = manifest(c.text);
      const result = service.getReadiness(document).find((r) => r.id === c.id);
      assert.ok(result, `${c.id} not reported`);
      assert.equal(result.status, 'unknown');
      const fact = result.missing!.find((m) => m.path === c.path);
      assert.ok(fact?.insert, JSON.stringify(result.missing));
      const range = result.range!;
      assert.match(document.getText(range), c.at);
      const after = applySnippet(c.text, fact.insert.position, fact.insert.snippet);
      const parsed = parseDocument(after);
      assert.equal(parsed.errors.length, 0, after);
      assert.ok(parsed.hasIn(splitPath(c.path)), after);
      // Comments, order and the other keys are left as they were.
      assert.ok(after.startsWith(c.text.slice(0, document.offsetAt(fact.insert.position))));
      const again = service.getReadiness(manifest(after)).find((r) => r.id === c.id);
      assert.ok(!again?.missing?.some((m) => m.path === c.path), `${c.path} still missing after\n${after}`);
    });
  }

  it('say "one of" when any of several keys would do (needsAny)', () => {
    const result = check('version: 1\nname: plan\n', 'windows-10-or-later');
    assert.deepEqual(result.missing!.map((m) => m.path).sort(), ['windows.minimumVersion', 'windows.versions']);
    assert.match(result.message, /^Unknown: the plan states none of windows\.(minimumVersion|versions) or windows\.(minimumVersion|versions); add one of them to check this\.$/);
  });

  it('give true/false their meanings from the format', () => {
    const fact = check('version: 1\n', 'licensing-intune-subscription-required').missing![0];
    assert.deepEqual(fact.allowed, [{ value: 'true', meaning: 'Yes: users have Intune licences.' }, { value: 'false', meaning: 'No, not so: users have Intune licences.' }]);
  });

  it('offer the snippet with the allowed values as choices', () => {
    const fact = check('version: 1\nlicensing:\n  intune: true\n', PREMIUM).missing![0];
    assert.equal(fact.insert!.snippet, '  entraId: ${1|none,P1,P2|}\n');
    // At the start of a line, so an editor that indents a snippet like its line adds nothing.
    assert.equal(fact.insert!.position.character, 0);
  });

  it('never point at the top of the file', () => {
    for (const result of service.getReadiness(manifest('version: 1\n'))) {
      if (result.status !== 'unknown') continue;
      assert.ok(result.range && result.range.start.line > 0, `${result.id} at ${JSON.stringify(result.range)}`);
    }
  });

  it('are a quick fix on the parent key carrying comanage.insertSnippet [uri, position, snippet]', () => {
    const text = 'version: 1\nlicensing:\n  intune: true\n';
    const document = manifest(text);
    const actions = service.getCodeActions(document, { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } });
    const add = actions.find((a) => a.title.startsWith('Add licensing.entraId'));
    assert.ok(add, actions.map((a) => a.title).join('; '));
    assert.equal(add.kind, 'quickfix');
    assert.equal(add.command?.command, 'comanage.insertSnippet');
    assert.deepEqual(add.command?.arguments, [document.uri, { line: 3, character: 0 }, '  entraId: ${1|none,P1,P2|}\n']);
    // Elsewhere (the version line) there is no such action.
    assert.ok(!service.getCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }).some((a) => a.command?.command === 'comanage.insertSnippet'));
  });

  it('mask a token written as an invalid value', () => {
    const token = jwt(4102444800);
    const text = `version: 1\nlicensing:\n  entraId: ${token}\n`;
    const result = check(text, PREMIUM);
    assert.equal(result.status, 'unknown');
    assert.equal(result.missing![0].reason, 'invalid');
    assert.ok(!JSON.stringify(result).includes(token.slice(0, 40)));
    assert.ok(result.missing![0].value!.includes(MASK) || result.missing![0].value === MASK, result.missing![0].value);
  });
});
