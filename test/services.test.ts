// Completion, hover, quick fixes and the outline, through the core facade.
import * as assert from 'node:assert/strict';
import { parseCcmsetupDocument } from '../server/src/core/ccmsetup/parser';
import { getLanguageService } from '../server/src/core/languageService';
import type { DocumentSymbol } from '../server/src/core/languageTypes';
import { getCodeActions } from '../server/src/core/services/codeActions';
import { findDocumentSymbols } from '../server/src/core/services/symbols';
import { applyFix, doc, withCursor } from './helpers/core';

const service = getLanguageService();

function complete(marked: string) {
  const { text, offset } = withCursor(marked);
  const document = doc(text);
  return service.doComplete(document, document.positionAt(offset)).items;
}

function hover(marked: string): string {
  const { text, offset } = withCursor(marked);
  const document = doc(text);
  const result = service.doHover(document, document.positionAt(offset));
  return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
}

/** Applies a completion item's edit to the text. */
function resultText(marked: string, label: string): string {
  const { text, offset } = withCursor(marked);
  const document = doc(text);
  const item = service.doComplete(document, document.positionAt(offset)).items.find((i) => i.label === label);
  assert.ok(item?.textEdit && 'range' in item.textEdit, `no item ${label}`);
  const start = document.offsetAt(item.textEdit.range.start);
  const end = document.offsetAt(item.textEdit.range.end);
  return text.slice(0, start) + item.textEdit.newText + text.slice(end);
}

describe('completion', () => {
  it('offers parameters after a slash, with documentation, and not those already on the line', () => {
    const items = complete('ccmsetup.exe /logon /|');
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('/mp') && labels.includes('/UsePKICert'));
    assert.ok(!labels.includes('/logon'), 'already present');
    assert.ok(!labels.some((l) => !l.startsWith('/')), 'only parameters after a slash');
    const mp = items.find((i) => i.label === '/mp');
    // The list leaves documentation out (it would be ~40 KB); resolving an item adds it.
    assert.equal(mp?.documentation, undefined);
    assert.match(JSON.stringify(getLanguageService().doResolve(mp!).documentation), /learn\.microsoft\.com/);
    assert.ok(JSON.stringify(items).length < 15_000, `list of ${JSON.stringify(items).length} characters`);
  });

  it('does not offer a name already on the line after blanks typed at its end', () => {
    for (const marked of ['ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC |', 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC \t |', '# x\nccmsetup.exe /mp:a.contoso.com SMSSITECODE=ABC \nccmsetup.exe /logon |']) {
      const labels = complete(marked).map((i) => i.label);
      const line = marked.slice(marked.lastIndexOf('\n') + 1);
      assert.ok(labels.includes('CCMHOSTNAME'), `other names still offered: ${JSON.stringify(marked)}`);
      assert.equal(labels.includes('SMSSITECODE'), !line.includes('SMSSITECODE'), JSON.stringify(marked));
      assert.equal(labels.includes('/mp'), !line.includes('/mp'), JSON.stringify(marked));
    }
    // Repeatable entries are still offered.
    assert.ok(complete('ccmsetup.exe /source:"\\\\a\\s" |').some((i) => i.label === '/source'));
  });

  it('ends a line at a lone carriage return, as the editor does', () => {
    const labels = complete('ccmsetup.exe SMSSITECODE=ABC\rccmsetup.exe /logon |').map((i) => i.label);
    assert.ok(labels.includes('SMSSITECODE'), 'the name is on the previous line, not this one');
    assert.ok(!labels.includes('/logon'));
  });

  it('offers repeatable parameters again', () => {
    assert.ok(complete('ccmsetup.exe /source:"\\\\a\\s" /|').some((i) => i.label === '/source'));
  });

  it('offers properties and inserts NAME= with enum choices', () => {
    assert.equal(resultText('ccmsetup.exe SMSSI|', 'SMSSITECODE'), 'ccmsetup.exe SMSSITECODE=$1');
    assert.equal(resultText('ccmsetup.exe CCMENABLE|', 'CCMENABLELOGGING'), 'ccmsetup.exe CCMENABLELOGGING=${1|TRUE,FALSE|}');
  });

  it('offers documented values after = or :', () => {
    assert.deepEqual(complete('ccmsetup.exe /BITSPriority:|').map((i) => i.label), ['FOREGROUND', 'HIGH', 'NORMAL', 'LOW']);
    assert.deepEqual(complete('ccmsetup.exe CCMLOGLEVEL=|').map((i) => i.label), ['0', '1', '2', '3']);
    assert.equal(resultText('ccmsetup.exe SMSCACHEFLAGS=NTFSONLY;CO|', 'COMPRESS'), 'ccmsetup.exe SMSCACHEFLAGS=NTFSONLY;COMPRESS');
  });

  it('completes inside CCMSETUPCMD and skips what the inner line has', () => {
    const labels = complete('CCMSETUPCMD="SMSSITECODE=ABC |"').map((i) => i.label);
    assert.ok(labels.includes('CCMHOSTNAME'));
    assert.ok(!labels.includes('SMSSITECODE'));
    assert.ok(!labels.includes('CCMSETUPCMD'));
  });

  it('offers scenario snippets on an empty line only', () => {
    assert.ok(complete('|').some((i) => i.label === 'ccm-intune-cmg-entra'));
    assert.ok(!complete('ccmsetup.exe |').some((i) => i.label === 'ccm-intune-cmg-entra'));
  });

  it('offers nothing in a comment', () => {
    assert.deepEqual(complete('# SMS|'), []);
  });
});

describe('hover', () => {
  it('describes a parameter and a property with a doc link', () => {
    assert.match(hover('ccmsetup.exe /m|p:server'), /\*\*\/mp\*\*[\s\S]*#mp\)/);
    assert.match(hover('ccmsetup.exe SMSSITE|CODE=ABC'), /three-character site code[\s\S]*learn\.microsoft\.com/);
  });

  it('describes a documented value', () => {
    assert.match(hover('ccmsetup.exe /BITSPriority:HI|GH'), /`HIGH`/);
  });

  it('works inside CCMSETUPCMD and shows the Intune length on the wrapper', () => {
    assert.match(hover('CCMSETUPCMD="CCMHOST|NAME=mp.contoso.com SMSSITECODE=ABC"'), /CCMHOSTNAME/);
    assert.match(hover('CCMSET|UPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"'), /56 of 1024/);
  });

  it('never shows a token value', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjF9.c2lnbmF0dXJl';
    const text = hover(`ccmsetup.exe /regtoken:${token.slice(0, 5)}|${token.slice(5)}`);
    assert.match(text, /not shown/);
    assert.ok(!text.includes(token.slice(0, 12)));
  });

  it('says nothing about unknown names', () => {
    assert.equal(hover('ccmsetup.exe FOO|BAR=1'), '');
  });
});

describe('quick fixes', () => {
  const cases: [string, string, string][] = [
    ['unknown-parameter', 'ccmsetup.exe /UsePKICrt', 'ccmsetup.exe /UsePKICert'],
    ['unknown-parameter', 'ccmsetup.exe /SMSSITECODE:ABC', 'ccmsetup.exe SMSSITECODE=ABC'],
    ['unknown-property', 'ccmsetup.exe SMSSITECOD=ABC', 'ccmsetup.exe SMSSITECODE=ABC'],
    ['unknown-property', 'ccmsetup.exe mp=server01', 'ccmsetup.exe /mp:server01'],
    ['property-uses-colon', 'ccmsetup.exe SMSSITECODE:ABC', 'ccmsetup.exe SMSSITECODE=ABC'],
    ['parameter-uses-equals', 'ccmsetup.exe /mp=server01', 'ccmsetup.exe /mp:server01'],
    ['ccmhostname-has-scheme', 'CCMSETUPCMD="CCMHOSTNAME=https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC"', 'CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC"'],
    ['cmg-mp-needs-https', 'ccmsetup.exe /mp:contoso.cloudapp.net/CCM_Proxy_MutualAuth/1', 'ccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1'],
    ['cmg-mp-needs-https', 'ccmsetup.exe /mp:http://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1', 'ccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1'],
    ['parameter-after-property', 'ccmsetup.exe SMSSITECODE=ABC /logon FSP=fsp /forcereboot', 'ccmsetup.exe /logon /forcereboot SMSSITECODE=ABC FSP=fsp'],
    ['parameter-after-property', 'CCMSETUPCMD="SMSSITECODE=ABC /UpgradeToLatest"', 'CCMSETUPCMD="/UpgradeToLatest SMSSITECODE=ABC"'],
    ['duplicate-entry', 'ccmsetup.exe SMSSITECODE=ABC SMSSITECODE=XYZ', 'ccmsetup.exe SMSSITECODE=ABC'],
    ['documented-spelling', 'CCMSETUPCMD="/UpgradeToLatest /NoCRLCheck SMSSITECODE=ABC"', 'CCMSETUPCMD="/NoCRLCheck SMSSITECODE=ABC UPGRADETOLATEST=TRUE"'],
    ['documented-spelling', 'ccmsetup.exe /UpgradeToLatest', 'ccmsetup.exe UPGRADETOLATEST=TRUE'],
    ['property-name-case', 'ccmsetup.exe smssitecode=ABC', 'ccmsetup.exe SMSSITECODE=ABC'],
    ['value-not-expected', 'ccmsetup.exe /logon:TRUE', 'ccmsetup.exe /logon'],
    ['unexpected-token', 'ccmsetup.exe UsePKICert', 'ccmsetup.exe /UsePKICert'],
  ];
  for (const [code, before, after] of cases) {
    it(`${code}: ${before}`, () => assert.equal(applyFix(before, code), after));
  }

  it('are offered as LSP code actions over the diagnostic range', () => {
    const document = doc('ccmsetup.exe /mp=server01');
    const actions = service.getCodeActions(document, { start: { line: 0, character: 16 }, end: { line: 0, character: 16 } });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].diagnostics?.[0].code, 'parameter-uses-equals');
    assert.deepEqual(actions[0].edit?.changes?.[document.uri], [{ range: { start: { line: 0, character: 16 }, end: { line: 0, character: 17 } }, newText: ':' }]);
  });
});

describe('document symbols', () => {
  it('lists one symbol per command line with its entries', () => {
    const document = doc('# intro\nccmsetup.exe /mp:server SMSSITECODE=ABC\n\nCCMSETUPCMD="CCMHOSTNAME=x.contoso.com SMSSITECODE=XYZ /regtoken:secret"');
    const symbols = service.findDocumentSymbols(document);
    assert.deepEqual(symbols.map((s) => s.name), ['Line 2: ccmsetup.exe · site ABC', 'Line 4: Intune (CCMSETUPCMD) · site XYZ']);
    assert.deepEqual(symbols[1].children?.map((c) => c.name), ['CCMHOSTNAME', 'SMSSITECODE', '/regtoken']);
    assert.equal(symbols[1].children?.[2].detail, '(masked)');
  });
});

describe('outline cap', () => {
  const count = (symbols: DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  it('never lists more entries than the cap, even when a line\'s entries fill the last places', () => {
    // Cap 5: the first line and its 4 entries would fill it, leaving no place for "outline truncated".
    const text = 'ccmsetup.exe /mp:a SMSSITECODE=ABC CCMHOSTNAME=b /forceinstall\nccmsetup.exe /mp:c\nccmsetup.exe /mp:d\n';
    const symbols = findDocumentSymbols(doc(text, 'cap.ccmsetup'), parseCcmsetupDocument(text), 5);
    assert.ok(count(symbols) <= 5, `${count(symbols)} entries`);
    assert.match(symbols.at(-1)!.name, /outline truncated: 2 more command lines/);
  });
});

describe('fix-all titles', () => {
  it('count the fixes applied, not those left out because they overlap another', () => {
    const text = 'a\u201cb\u201cc';
    const fix = (start: number, newText: string, fixAll: string) => ({ title: 'Replace', fixAll, edits: [{ span: { start, end: start + 1 }, newText }] });
    const problem = (start: number, fixes: ReturnType<typeof fix>[]) => ({ code: 'x', severity: 'warning' as const, docUrl: 'https://example.com', message: 'm', span: { start, end: start + 1 }, fixes });
    // The quote at 1 is fixed twice (two findings on one character): one edit is applied there, and one at 3.
    const problems = [problem(1, [fix(1, '"', 'Replace all {n} quote{s}')]), problem(1, [fix(1, '"', 'Replace all {n} quote{s}')]), problem(3, [fix(3, '"', 'Replace all {n} quote{s}')])];
    const document = doc(text, 'titles.ccmsetup');
    const actions = getCodeActions(document, problems, { start: document.positionAt(0), end: document.positionAt(text.length) });
    const all = actions.find((a) => a.kind === 'source.fixAll.comanage')!;
    assert.equal(Object.values(all.edit!.changes!)[0].length, 2);
    assert.equal(all.title, 'Replace all 2 quotes');
  });
});
