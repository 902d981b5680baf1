// Value completion in a manifest: the format's order, each value's meaning, and the first value that
// fails no readiness check preselected (a failing value is never what Enter picks by default).
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/core/languageService';
import { withCursor } from './helpers/core';

const service = getLanguageService();
let n = 0;

function complete(marked: string) {
  const { text, offset } = withCursor(marked);
  const document = TextDocument.create(`file:///tmp/values/${++n}/plan.comanage.yaml`, 'yaml', 1, text);
  const items = service.doComplete(document, document.positionAt(offset)).items;
  // As the editor orders them: by sortText, else by label.
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

describe('manifest value completion', () => {
  it('lists values in the format\'s order with their meanings, and preselects no failing one', () => {
    const items = complete('version: 1\nlicensing:\n  entraId: |\n');
    assert.deepEqual(items.map((i) => i.label), ['none', 'P1', 'P2']);
    assert.match(String(items[0].detail), /Free tier only\. Fails: The tenant has Microsoft Entra ID P1 or P2/);
    assert.equal(items[1].detail, 'Microsoft Entra ID P1.');
    assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['P1']);
  });

  it('honours the rule settings: a value fails no check the user turned off', () => {
    const { text, offset } = withCursor('version: 1\nlicensing:\n  entraId: |\n');
    const document = TextDocument.create(`file:///tmp/values/${++n}/plan.comanage.yaml`, 'yaml', 1, text);
    const off = getLanguageService({ settings: { rules: { 'licensing-entra-premium-required': 'off' } } });
    const items = off.doComplete(document, document.positionAt(offset)).items;
    assert.ok(items.every((i) => !/Fails:/.test(String(i.detail))), JSON.stringify(items.map((i) => i.detail)));
  });

  it('preselects true where false fails, with yes/no meanings', () => {
    const items = complete('version: 1\nlicensing:\n  adminIntuneLicense: |\n');
    assert.deepEqual(items.map((i) => i.label), ['true', 'false']);
    assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['true']);
    assert.match(String(items[0].detail), /^Yes: /);
    assert.match(String(items[1].detail), /^No\b.*Fails: /);
  });

  it('preselects the first value when none fails, and replaces what is typed', () => {
    const items = complete('version: 1\nsite:\n  topology: st|  # the shape\n');
    assert.deepEqual(items.map((i) => i.label), ['standalone-primary', 'hierarchy']);
    assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['standalone-primary']);
  });
});
