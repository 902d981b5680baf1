// Bad input gets diagnostics, never an exception: binary junk, huge lines, unterminated quotes.
import * as assert from 'node:assert/strict';
import { getLanguageService } from '../server/src/core/languageService';
import { defaultCatalog } from '../server/src/core/catalog';
import { analyzeCcmsetup } from '../server/src/core/ccmsetup/analyze';
import { parseCcmsetupDocument } from '../server/src/core/ccmsetup/parser';
import { CCMSETUP_RULES } from '../server/src/core/ccmsetup/rules';
import { doc, problems } from './helpers/core';

function everyFeature(text: string): void {
  const service = getLanguageService();
  const document = doc(text);
  const diagnostics = service.doValidation(document);
  for (const d of diagnostics) {
    assert.ok(document.offsetAt(d.range.start) <= document.offsetAt(d.range.end));
    assert.ok(document.offsetAt(d.range.end) <= text.length);
  }
  const positions = [0, Math.floor(text.length / 2), text.length].map((o) => document.positionAt(o));
  for (const position of positions) {
    service.doComplete(document, position);
    service.doHover(document, position);
  }
  service.findDocumentSymbols(document);
  service.getCodeActions(document, { start: positions[0], end: positions[2] });
}

function junk(length: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(x % 0xd800);
  }
  return out;
}

describe('robustness', () => {
  it('handles binary junk', () => everyFeature(junk(20_000, 7)));

  it('answers a 10 MB line with one clear finding instead of analysis', () => {
    const text = `ccmsetup.exe /mp:${'a'.repeat(5_000_000)} FOO=${'x '.repeat(2_500_000)}`;
    const diagnostics = getLanguageService().doValidation(doc(text));
    assert.deepEqual(diagnostics.map((d) => d.code), ['document-too-large']);
  });

  it('caps the number of findings', () => {
    const text = `ccmsetup.exe /mp:server ${'x '.repeat(100)}\n`.repeat(20);
    const found = problems(text);
    assert.equal(found.length, 1001);
    assert.equal(found[found.length - 1].code, 'too-many-problems');
  });

  it('handles unterminated quotes and lone separators everywhere', () => {
    for (const text of ['"', 'CCMSETUPCMD="', 'CCMSETUPCMD="""', '/', '=', ':', '/:', '=x', 'A="', 'ccmsetup.msi CCMSETUPCMD', '<', '<<>>', '\\"', 'CCMSETUPCMD=""/mp:"']) {
      everyFeature(text);
    }
  });

  it('gives the same output for the same input', () => {
    const text = 'ccmsetup.exe /mp=server SMSSITECODE:ABCD /UsePKICrt FOO';
    assert.deepEqual(getLanguageService().doValidation(doc(text)), getLanguageService().doValidation(doc(text)));
  });

  it('contains a failing rule and reports it once as internal-error', () => {
    const broken = { ...CCMSETUP_RULES[0], id: 'broken-rule', check: () => { throw new TypeError('boom'); } };
    const parsed = parseCcmsetupDocument('ccmsetup.exe /mp=x\nccmsetup.exe /mp=y');
    const found = analyzeCcmsetup(parsed, { catalog: defaultCatalog, settings: {}, rules: [broken, ...CCMSETUP_RULES] });
    assert.equal(found.filter((p) => p.code === 'internal-error').length, 1);
    assert.match(found.find((p) => p.code === 'internal-error')!.message, /broken-rule/);
    assert.equal(found.filter((p) => p.code === 'parameter-uses-equals').length, 2);
  });

  it('never puts a token into a message, wherever it was pasted', () => {
    const token = 'eyJ0eXAiOiJKV1QifQ.eyJleHAiOjE1ODA0MTUwNX0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    for (const line of [`ccmsetup.exe /regtoken=${token}`, `ccmsetup.exe /regtoken ${token}`, `ccmsetup.exe "/regtoken:${token}"`, `ccmsetup.exe SMSSITECODE=${token}`, `ccmsetup.exe /regtokn:${token}`]) {
      const found = problems(line);
      assert.ok(found.length > 0, line);
      for (const p of found) {
        assert.ok(!p.message.includes(token.slice(0, 20)) && !p.message.includes(token.slice(-20)), `${p.code}: ${p.message}`);
        for (const fix of p.fixes ?? []) assert.ok(!fix.title.includes(token.slice(0, 20)), fix.title);
      }
    }
  });
});
