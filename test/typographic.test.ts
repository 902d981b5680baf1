// Text pasted from Word, Outlook or a web page: typographic quotes, Unicode spaces, invisible
// characters, dashes, full-width forms, bidi controls and look-alike letters. Each gets one
// finding on the character itself that names it; Windows' own splitting (space and tab only) is
// what the other checks see; addresses are judged as written; the fixes leave a clean line.
import * as assert from 'node:assert/strict';
import { placedCharacters } from '../server/src/core/ccmsetup/characters';
import { parseCcmsetupDocument } from '../server/src/core/ccmsetup/parser';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { getLanguageService } from '../server/src/core/languageService';
import { CodeAction, Problem } from '../server/src/core/languageTypes';
import { parseCommandLine } from '../server/src/core/ccmsetup/parser';
import { isSpace, tokenize } from '../server/src/core/ccmsetup/tokenizer';
import { CharacterClass, characterInfo, characterLabel, findTypographic, flaggableCodes, lookalikeInfo } from '../server/src/core/text/typographic';
import { doc, problems } from './helpers/core';

const CODE = 'typographic-character';
const typo = (text: string, name?: string) => problems(text, {}, name).filter((p) => p.code === CODE);
const others = (text: string, name?: string) => problems(text, {}, name).filter((p) => p.code !== CODE);

function apply(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
}

/** Applies a code action's workspace edit (positions → offsets through the document). */
function applyAction(text: string, name: string, action: CodeAction): string {
  const document = doc(text, name);
  const edits = Object.values(action.edit!.changes!)[0].map((e) => ({ span: { start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end) }, newText: e.newText }));
  return apply(text, edits);
}

function fixAllActions(text: string, name = 'paste.ccmsetup'): CodeAction[] {
  const document = doc(text, name);
  const service = getLanguageService();
  return service.getCodeActions(document, { start: document.positionAt(0), end: document.positionAt(text.length) })
    .filter((a) => a.kind === 'source.fixAll.comanage' || /^Replace all \d+ typographic/.test(a.title));
}

const label = (code: number) => characterLabel(characterInfo(code) ?? lookalikeInfo(code)!);

describe('typographic characters: the table', () => {
  it('names each character by code point and its Unicode name', () => {
    assert.equal(label(0x201c), 'U+201C LEFT DOUBLE QUOTATION MARK');
    assert.equal(label(0x00a0), 'U+00A0 NO-BREAK SPACE');
    assert.equal(label(0x200b), 'U+200B ZERO WIDTH SPACE');
    assert.equal(label(0x00ad), 'U+00AD SOFT HYPHEN');
    assert.equal(label(0x2013), 'U+2013 EN DASH');
    assert.equal(label(0x2212), 'U+2212 MINUS SIGN');
    assert.equal(label(0xff1d), 'U+FF1D FULLWIDTH EQUALS SIGN');
    assert.equal(label(0xff21), 'U+FF21 FULLWIDTH LATIN CAPITAL LETTER A');
    assert.equal(label(0xff41), 'U+FF41 FULLWIDTH LATIN SMALL LETTER A');
    assert.equal(label(0xff10), 'U+FF10 FULLWIDTH DIGIT ZERO');
    assert.equal(label(0x202e), 'U+202E RIGHT-TO-LEFT OVERRIDE');
    // The CLI escapes the Arabic letter mark as a bidi control; the table flags it as one too.
    assert.equal(label(0x061c), 'U+061C ARABIC LETTER MARK');
    assert.equal(characterInfo(0x061c)?.kind, 'bidi');
    assert.equal(label(0x0421), 'U+0421 CYRILLIC CAPITAL LETTER ES');
    assert.equal(label(0x03bf), 'U+03BF GREEK SMALL LETTER OMICRON');
  });

  it('covers every class the issue lists, each with its ASCII replacement', () => {
    const expected: [number[], CharacterClass, string][] = [
      [[0x2018, 0x2019, 0x201a, 0x201b, 0x2039, 0x203a], 'quote', "'"],
      [[0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb], 'quote', '"'],
      [[0x00a0, 0x1680, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0x202f, 0x205f, 0x3000], 'space', ' '],
      [[0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad], 'invisible', ''],
      [[0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212], 'dash', '-'],
      [[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f], 'bidi', ''],
    ];
    for (const [codes, kind, replacement] of expected) {
      for (const code of codes) {
        const info = characterInfo(code);
        assert.equal(info?.kind, kind, label(code));
        assert.equal(info?.replacement, replacement, label(code));
      }
    }
    for (let code = 0xff01; code <= 0xff5e; code++) {
      assert.equal(characterInfo(code)?.replacement, String.fromCharCode(code - 0xfee0));
    }
    assert.equal(characterInfo(0x20), undefined);
    assert.equal(characterInfo(0xe9), undefined, 'é is a letter, not a pasted artefact');
  });

  it('counts a look-alike letter only inside an otherwise ASCII word', () => {
    assert.deepEqual(findTypographic('SMSSITE\u0421ODE=ABC').map((c) => c.index), [7]);
    assert.deepEqual(findTypographic('mp01.cont\u043eso.com').map((c) => c.index), [9]);
    // Russian words (with letters that have no Latin twin) and a word of look-alikes alone stay quiet.
    assert.deepEqual(findTypographic('CCMADMINS=\u043a\u043e\u043d\u0442\u043e\u0440\u0430\\\u0430\u0434\u043c\u0438\u043d'), []);
    assert.deepEqual(findTypographic('\u0421\u0410\u0412'), []);
    assert.deepEqual(findTypographic('Soci\u00e9t\u00e9'), []);
  });
});

describe('Windows argument splitting: space and tab only', () => {
  it('a no-break or ideographic space is no separator', () => {
    assert.ok(isSpace(32) && isSpace(9));
    assert.ok(!isSpace(0xa0) && !isSpace(0x3000) && !isSpace(0x2009));
    assert.equal(tokenize('a\u00a0b c\u3000d').length, 2);
  });

  it('two arguments joined by U+00A0 arrive as one: the /mp value swallows SMSSITECODE', () => {
    const line = parseCommandLine('ccmsetup.exe /mp:mp01.contoso.com\u00a0SMSSITECODE=ABC');
    assert.equal(line.args.length, 1);
    const [mp] = line.args;
    assert.ok(mp.type === 'parameter' && mp.value?.text === 'mp01.contoso.com\u00a0SMSSITECODE=ABC');
  });

  it('what the downstream checks see: SMSSITECODE is missing, and the message says why', () => {
    const text = 'CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com\u00a0SMSSITECODE=ABC"';
    const missing = others(text).find((p) => p.code === 'missing-required-for-intune');
    assert.ok(missing, JSON.stringify(problems(text)));
    assert.match(missing.message, /SMSSITECODE is missing/);
    assert.match(missing.message, /U\+00A0 NO-BREAK SPACE/);
  });

  it('a value ending in a no-break space is not trimmed: Windows passes the character on', () => {
    const text = 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC\u00a0';
    const [finding] = typo(text);
    assert.equal(finding.span.start, text.length - 1);
    // With the character rule off, the value check itself sees "ABC\u00a0", not ABC.
    assert.ok(problems(text, { rules: { [CODE]: 'off' } }).some((p) => p.code === 'invalid-value'));
  });
});

/** Each class in a .ccmsetup line: the character, the line with it, and the ASCII line the fix gives. */
const CLASS_CASES: { name: string; text: string; fixed: string; says: RegExp }[] = [
  { name: 'left double quote', text: 'ccmsetup.exe /source:\u201c\\\\server\\share\u201d SMSSITECODE=ABC', fixed: 'ccmsetup.exe /source:"\\\\server\\share" SMSSITECODE=ABC', says: /not read it as a quote/ },
  { name: 'single quote', text: 'ccmsetup.exe /mp:mp01.contoso.com CCMADMINS=\u2018contoso\\admin\u2019 SMSSITECODE=ABC', fixed: "ccmsetup.exe /mp:mp01.contoso.com CCMADMINS='contoso\\admin' SMSSITECODE=ABC", says: /straight double quotes/ },
  { name: 'angle quotes', text: 'ccmsetup.exe /source:\u00ab\\\\server\\share\u00bb SMSSITECODE=ABC', fixed: 'ccmsetup.exe /source:"\\\\server\\share" SMSSITECODE=ABC', says: /not read it as a quote/ },
  { name: 'low-9 quote', text: 'ccmsetup.exe /source:\u201e\\\\server\\share\u201c SMSSITECODE=ABC', fixed: 'ccmsetup.exe /source:"\\\\server\\share" SMSSITECODE=ABC', says: /not read it as a quote/ },
  { name: 'no-break space', text: 'ccmsetup.exe /mp:mp01.contoso.com\u00a0SMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /glued together/ },
  { name: 'thin space', text: 'ccmsetup.exe /mp:mp01.contoso.com\u2009SMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /only at spaces and tabs/ },
  { name: 'ideographic space', text: 'ccmsetup.exe /mp:mp01.contoso.com\u3000SMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /only at spaces and tabs/ },
  { name: 'narrow no-break space', text: 'ccmsetup.exe /mp:mp01.contoso.com\u202fSMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /only at spaces and tabs/ },
  { name: 'zero width space in a name', text: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITE\u200bCODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /invisible, but Windows passes it on/ },
  { name: 'word joiner in an address', text: 'ccmsetup.exe /mp:mp01.con\u2060toso.com SMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /extra character/ },
  { name: 'byte order mark inside the line', text: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=AB\ufeffC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /invisible/ },
  { name: 'soft hyphen in an https address', text: 'ccmsetup.exe /mp:https://mp1.con\u00adtoso.com SMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:https://mp1.contoso.com SMSSITECODE=ABC', says: /extra character/ },
  { name: 'en dash as a switch', text: 'ccmsetup.exe \u2013mp:mp01.contoso.com SMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /not a switch prefix/ },
  { name: 'em dash as a switch', text: 'ccmsetup.exe \u2014UsePKICert SMSSITECODE=ABC', fixed: 'ccmsetup.exe /UsePKICert SMSSITECODE=ABC', says: /not a switch prefix/ },
  { name: 'minus sign as a switch', text: 'ccmsetup.exe \u2212UsePKICert SMSSITECODE=ABC', fixed: 'ccmsetup.exe /UsePKICert SMSSITECODE=ABC', says: /not a switch prefix/ },
  { name: 'non-breaking hyphen in a host name', text: 'ccmsetup.exe /mp:mp\u201101.contoso.com SMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:mp-01.contoso.com SMSSITECODE=ABC', says: /hyphen-minus/ },
  { name: 'en dash in a GUID', text: 'ccmsetup.exe AADCLIENTAPPID=aa28e7f1\u2013b88a-43cd-a2e3-f88b257c863b AADRESOURCEURI=https://contososerver', fixed: 'ccmsetup.exe AADCLIENTAPPID=aa28e7f1-b88a-43cd-a2e3-f88b257c863b AADRESOURCEURI=https://contososerver', says: /hyphen-minus/ },
  { name: 'full-width equals sign', text: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE\uff1dABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /does not separate a name from its value/ },
  { name: 'full-width solidus as a switch', text: 'ccmsetup.exe \uff0fmp:mp01.contoso.com SMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /not a parameter/ },
  { name: 'full-width letters', text: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=\uff21BC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /different character from the ASCII A/ },
  { name: 'right-to-left override', text: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=AB\u202eC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /order text is shown in/ },
  { name: 'first strong isolate', text: 'ccmsetup.exe /mp:mp01.contoso.com\u2068 SMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /order text is shown in/ },
  { name: 'right-to-left mark', text: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=\u200fABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /order text is shown in/ },
  { name: 'Cyrillic letter in a property name', text: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITE\u0421ODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /looks like the Latin letter C/ },
  { name: 'Cyrillic letter in a host name', text: 'ccmsetup.exe /mp:mp01.c\u043entoso.com SMSSITECODE=ABC', fixed: 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC', says: /looks like the Latin letter o/ },
  { name: 'Greek letter in a parameter name', text: 'ccmsetup.exe /UsePKICert /\u039cP:mp01.contoso.com SMSSITECODE=ABC', fixed: 'ccmsetup.exe /UsePKICert /MP:mp01.contoso.com SMSSITECODE=ABC', says: /looks like the Latin letter M/ },
];

describe('typographic characters in .ccmsetup lines', () => {
  for (const { name, text, fixed, says } of CLASS_CASES) {
    it(`${name}: one finding per character, on it, naming it; the fixes give the ASCII line`, () => {
      const found = typo(text);
      const flagged = [...text].map((ch, i) => [ch, i] as const).filter(([ch]) => ch.charCodeAt(0) >= 0x80);
      assert.equal(found.length, flagged.length, JSON.stringify(found));
      found.forEach((finding, i) => {
        const [ch, at] = flagged[i];
        assert.deepEqual(finding.span, { start: at, end: at + 1 });
        assert.equal(finding.severity, 'error');
        assert.ok(finding.message.includes(label(ch.charCodeAt(0))), finding.message);
        assert.ok(finding.fixes?.[0].title.includes(label(ch.charCodeAt(0))));
      });
      assert.match(found[0].message, says);
      const repaired = apply(text, found.flatMap((f) => f.fixes![0].edits));
      assert.equal(repaired, fixed);
      assert.deepEqual(typo(repaired), []);
    });
  }

  it('a byte order mark is skipped at the start of the file, and flagged at the start or end of any other line', () => {
    assert.deepEqual(typo('\ufeffccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC'), []);
    const text = 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC\n\ufeffccmsetup.exe /mp:mp02.contoso.com SMSSITECODE=ABC\ufeff';
    assert.deepEqual(typo(text).map((f) => f.span.start), [text.indexOf('\ufeff'), text.length - 1]);
    assert.deepEqual(problems(apply(text, typo(text).flatMap((f) => f.fixes![0].edits))), []);
  });

  it('leaves a dash alone where a path or free text may hold one', () => {
    assert.deepEqual(typo('ccmsetup.exe /source:"\\\\server\\Client \u2013 2403" SMSSITECODE=ABC'), []);
    assert.deepEqual(typo('"C:\\Setup \u2013 2403\\ccmsetup.exe" /mp:mp01.contoso.com SMSSITECODE=ABC'), []);
  });

  it('leaves comments alone: Windows never receives them', () => {
    assert.deepEqual(typo('# \u201cpasted\u201d\u00a0notes \u2013 fine\nccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC'), []);
  });

  it('can be switched off and suppressed like any rule', () => {
    const text = 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=\u201cABC\u201d';
    assert.equal(problems(text, { rules: { [CODE]: 'off' } }).filter((p) => p.code === CODE).length, 0);
    assert.equal(typo(`# comanage-disable-next-line ${CODE}\n${text}`).length, 0);
    assert.equal(problems(text, { rules: { [CODE]: 'warning' } }).find((p) => p.code === CODE)?.severity, 'warning');
  });
});

describe('the issue\'s examples: no misleading downstream message', () => {
  const PASTED = 'CCMSETUPCMD=\u201cCCMHOSTNAME=mp.contoso.com/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC\u201d';

  it('curly quotes around CCMSETUPCMD: named on each quote; "CCMHOSTNAME is missing" says it comes from them', () => {
    const found = typo(PASTED);
    assert.deepEqual(found.map((f) => PASTED.slice(f.span.start, f.span.end)), ['\u201c', '\u201d']);
    assert.match(found[0].message, /^This is U\+201C LEFT DOUBLE QUOTATION MARK\. Windows does not read it as a quote/);
    for (const problem of others(PASTED)) {
      if (/missing/.test(problem.message)) assert.match(problem.message, /U\+201C LEFT DOUBLE QUOTATION MARK/, problem.message);
    }
    assert.ok(!others(PASTED).some((p) => p.code === 'unexpected-token'), 'the glued token is explained by the quote');
  });

  it('SMSSITECODE=ABC” never says "ABC”" is not a site code without naming the character', () => {
    for (const text of ['ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC\u201d', 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABCD\u201d']) {
      for (const problem of others(text)) {
        if (problem.message.includes('\u201d')) assert.match(problem.message, /U\+201D RIGHT DOUBLE QUOTATION MARK/, problem.message);
      }
      assert.equal(typo(text).length, 1);
    }
  });

  it('the fix-all turns the pasted line into the documented one, and it is clean', () => {
    const [quick] = fixAllActions(PASTED);
    assert.equal(quick.title, 'Replace all 2 typographic characters in this file');
    const fixed = applyAction(PASTED, 'paste.ccmsetup', quick);
    assert.equal(fixed, 'CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"');
    assert.deepEqual(problems(fixed), []);
  });

  it('a Cyrillic С in SMSSITECODE: the named look-alike finding with the fix to SMSSITECODE, not "not a parameter" alone', () => {
    const text = 'ccmsetup.exe /mp:mp01.contoso.com SMSSITE\u0421ODE=ABC';
    const [finding] = typo(text);
    assert.match(finding.message, /U\+0421 CYRILLIC CAPITAL LETTER ES/);
    assert.equal(finding.fixes![0].title, 'Replace U+0421 CYRILLIC CAPITAL LETTER ES with C (SMSSITECODE)');
    assert.ok(!others(text).some((p) => /is not a parameter/.test(p.message)), JSON.stringify(others(text)));
  });

  it('a soft hyphen or zero-width space inside https://mp1.contoso.com is flagged, and the address check does not pass it', () => {
    for (const [name, text] of [
      ['/mp', 'ccmsetup.exe /mp:https://mp1.con\u00adtoso.com SMSSITECODE=ABC'],
      ['SMSMP', 'ccmsetup.exe /mp:mp01.contoso.com SMSMP=https://mp1.con\u200btoso.com SMSSITECODE=ABC'],
      ['AADRESOURCEURI', 'ccmsetup.exe AADCLIENTAPPID=aa28e7f1-b88a-43cd-a2e3-f88b257c863b AADRESOURCEURI=https://contoso\u00adserver'],
      ['CCMHOSTNAME', 'CCMSETUPCMD="CCMHOSTNAME=contoso.cloud\u200bapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"'],
    ]) {
      assert.equal(typo(text).length, 1, name);
      // Judged as written: with the character rule off, the address check itself rejects it.
      const off = problems(text, { rules: { [CODE]: 'off' } });
      assert.ok(off.some((p) => p.code === 'invalid-address'), `${name}: ${JSON.stringify(off)}`);
    }
  });
});

describe('typographic characters in manifests', () => {
  const manifest = (commandLine: string) => `version: 1\ncomanagement:\n  policies:\n    - name: pilot\n      commandLine: ${commandLine}\n`;
  const M = 'plan.comanage.yaml';

  function decodedCommandLine(text: string): string {
    return (parseYaml(text) as { comanagement: { policies: { commandLine: string }[] } }).comanagement.policies[0].commandLine;
  }

  const SCALARS: [string, string][] = [
    ['plain', manifest('CCMSETUPCMD=\u201cCCMHOSTNAME=mp.contoso.com\u00a0SMSSITECODE=ABC\u201d')],
    ['double-quoted with escapes before', manifest('"CCMSETUPCMD=\\"CCMHOSTNAME=mp.contoso.com SMSSITECODE=AB\u200bC\\" \u2013UsePKICert"')],
    ['single-quoted', manifest("'CCMSETUPCMD=\u201cCCMHOSTNAME=mp.contoso.com SMSSITE\u0421ODE=ABC\u201d'")],
    ['folded block', `version: 1\ncomanagement:\n  policies:\n    - name: pilot\n      commandLine: >-\n        CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com\n        SMSSITECODE\uff1dABC\u2009/UsePKICert"\n`],
  ];

  for (const [style, text] of SCALARS) {
    it(`${style} commandLine: each range lands on the YAML character, and the fix-all gives valid YAML with an ASCII line`, () => {
      const found = typo(text, M);
      const expected = [...text].map((ch, i) => [ch, i] as const).filter(([ch]) => ch.charCodeAt(0) >= 0x80);
      assert.deepEqual(found.map((f) => f.span), expected.map(([, i]) => ({ start: i, end: i + 1 })));
      found.forEach((f, i) => assert.ok(f.message.includes(label(expected[i][0].charCodeAt(0)))));
      const all = fixAllActions(text, M).find((a) => a.kind === 'source.fixAll.comanage');
      assert.ok(all);
      const fixed = applyAction(text, M, all);
      assert.doesNotThrow(() => parseYaml(fixed));
      assert.ok(/^[\x20-\x7e]*$/.test(decodedCommandLine(fixed)), decodedCommandLine(fixed));
      assert.deepEqual(typo(fixed, M), []);
    });
  }

  it('a plain scalar that starts with a curly quote is reported but not "fixed" into a quoted YAML string', () => {
    const text = manifest('\u201cCCMSETUPCMD=CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC');
    const [finding] = typo(text, M);
    assert.equal(text.slice(finding.span.start, finding.span.end), '\u201c');
    assert.equal(finding.fixes, undefined);
  });

  it('a readiness finding on a value that holds a pasted character names it (the plan says ABC, the line ABС)', () => {
    const text = `version: 1\nsite:\n  code: ABC\ncomanagement:\n  policies:\n    - name: pilot\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=AB\u0421"\n`;
    const all = problems(text, {}, M);
    const mismatch = all.find((p) => p.code === 'command-line-site-code-matches');
    assert.ok(mismatch, JSON.stringify(all));
    assert.match(mismatch.message, /U\+0421 CYRILLIC CAPITAL LETTER ES/);
    assert.equal(typo(text, M).length, 1);
  });

  it('a key with a Cyrillic е or a zero-width space gets the named finding, and the unknown-key message names it', () => {
    for (const [key, ch] of [['sit\u0435', '\u0435'], ['si\u200bte', '\u200b'], ['site\u00a0', '\u00a0']]) {
      const text = `version: 1\n${key}:\n  code: ABC\n`;
      const all = problems(text, {}, M);
      const [finding] = all.filter((p) => p.code === CODE);
      assert.ok(finding, JSON.stringify(all));
      assert.equal(text.slice(finding.span.start, finding.span.end), ch);
      assert.ok(finding.message.includes(label(ch.charCodeAt(0))));
      const unknown = all.find((p) => p.code === 'manifest-unknown-key');
      if (unknown) assert.ok(unknown.message.includes(label(ch.charCodeAt(0))), unknown.message);
      const fixed = apply(text, finding.fixes![0].edits);
      assert.deepEqual(problems(fixed, {}, M).filter((p) => p.code === CODE || p.code === 'manifest-unknown-key'), []);
    }
  });
});

describe('fix all in this file', () => {
  const FILE = [
    'ccmsetup.exe \u2013mp:mp01.contoso.com SMSSITE\u0421ODE=ABC',
    '# a comment with \u201cquotes\u201d stays as it is',
    'CCMSETUPCMD=\u201cCCMHOSTNAME=mp.contoso.com/CCM_Proxy_MutualAuth/72186325152220500\u00a0SMSSITECODE=ABC\u201d',
    'ccmsetup.exe /mp:https://mp1.con\u00adtoso.com SMSSITECODE=AB\u200bC',
  ].join('\n');

  it('offers "Replace all 7 typographic characters in this file" and a source.fixAll.comanage action; both leave the file clean', () => {
    const actions = fixAllActions(FILE);
    const quick = actions.find((a) => a.kind === 'quickfix');
    const source = actions.find((a) => a.kind === 'source.fixAll.comanage');
    assert.equal(quick?.title, 'Replace all 7 typographic characters in this file');
    assert.equal(source?.title, 'Replace all 7 typographic characters in this file');
    for (const action of [quick!, source!]) {
      const fixed = applyAction(FILE, 'paste.ccmsetup', action);
      assert.equal(fixed, FILE
        .replace('\u2013mp', '/mp').replace('\u0421', 'C').replace(/[\u201c\u201d](?=CCM|$)/gm, '"')
        .replace('\u00a0', ' ').replace('\u00ad', '').replace('\u200b', ''));
      assert.deepEqual(problems(fixed), []);
    }
  });

  it('offers no "all" quick fix for a single character (its own fix is the same)', () => {
    const actions = fixAllActions('ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=AB\u200bC');
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.comanage']);
    assert.equal(actions[0].title, 'Replace all 1 typographic character in this file');
  });
});

describe('property: a flagged character inserted into a valid line', () => {
  const VALID = [
    'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC',
    'CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"',
    'ccmsetup.exe /UsePKICert CCMHOSTNAME=SERVER3.CONTOSO.COM SMSSITECODE=ABC CCMEVALHOUR=13',
    'ccmsetup.msi CCMSETUPCMD="/mp:https://mp1.contoso.com CCMHOSTNAME=mp1.contoso.com SMSSITECODE=ABC"',
  ];
  const codes = flaggableCodes();

  /** Where a character of this kind is flagged: dashes at a token start, look-alikes next to an ASCII letter, the rest anywhere but a leading BOM. */
  function positions(line: string, code: number): number[] {
    const kind = characterInfo(code)?.kind ?? 'lookalike';
    const all = Array.from({ length: line.length + 1 }, (_, i) => i);
    if (kind === 'dash') return all.filter((i) => i === 0 || line[i - 1] === ' ');
    if (kind === 'lookalike') return all.filter((i) => /[A-Za-z]/.test(line[i - 1] ?? '') || /[A-Za-z]/.test(line[i] ?? ''));
    return code === 0xfeff ? all.filter((i) => i > 0 && i < line.length) : all;
  }

  it('yields one finding whose range is exactly that character and whose message names its code point', () => {
    fc.assert(fc.property(fc.constantFrom(...VALID), fc.constantFrom(...codes), fc.nat(), (line, code, pick) => {
      const places = positions(line, code);
      const at = places[pick % places.length];
      const text = line.slice(0, at) + String.fromCharCode(code) + line.slice(at);
      const found: Problem[] = typo(text);
      assert.equal(found.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(found)}`);
      assert.deepEqual(found[0].span, { start: at, end: at + 1 });
      assert.ok(found[0].message.includes(`U+${code.toString(16).toUpperCase().padStart(4, '0')} `), found[0].message);
      // And its fix leaves a line without such characters (a deletion gives back the valid line).
      const fixed = apply(text, found[0].fixes![0].edits);
      assert.deepEqual(typo(fixed), []);
      if (found[0].fixes![0].edits[0].newText === '') assert.equal(fixed, line);
    }), { seed: 20261202, numRuns: 400 });
  });
});

describe('typographic characters: cost', () => {
  /** Fastest of three full analyses, in ms. */
  function best(text: string, name: string, settings = {}): number {
    let fastest = Infinity;
    for (let run = 0; run < 3; run++) {
      const service = getLanguageService({ budget: { ms: 60_000 }, settings });
      const document = doc(text, name);
      const start = performance.now();
      service.analyze(document);
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  }

  // Each character is placed, and each other finding looked up against the characters, by a walk
  // and binary search: checking the characters costs a small multiple of the checks without them
  // (the line is checked a second time), never a factor that grows with the input. Measured
  // against the same text with the rule off, so a slow or busy machine slows both alike.
  for (const [what, text, name] of [
    ['one 60 KB line of 20,000 arguments, each with a no-break space', `ccmsetup.exe ${'x\u00a0 '.repeat(20_000)}`, 'cost.ccmsetup'],
    ['CCMSETUPCMD holding 8,000 values in typographic quotes', `CCMSETUPCMD="${'A=\u201c1\u201d '.repeat(8_000)}"`, 'cost.ccmsetup'],
    ['8,000 manifest keys with a Cyrillic letter', `version: 1\n${Array.from({ length: 8_000 }, (_, i) => `k\u0435y${i}: 1\n`).join('')}`, 'cost.comanage.yaml'],
  ] as const) {
    it(`stays linear: ${what}`, function () {
      this.timeout(120_000);
      const without = best(text, name, { rules: { [CODE]: 'off' } });
      const withRule = best(text, name);
      assert.ok(withRule < without * 5 + 200, `${without.toFixed(0)} ms without the rule, ${withRule.toFixed(0)} ms with it`);
    });
  }
});

describe('typographic characters: placed once per line', () => {
  it('keeps each line\'s placed characters while it lives, however many lines are asked in turn', () => {
    const text = 'ccmsetup.exe SMSSITECODE=ABC\u201d\nccmsetup.exe /mp:mp1.contoso.com\u00a0SMSSITECODE=ABC\n';
    const [first, second] = parseCcmsetupDocument(text).lines;
    const placed = placedCharacters(first, text);
    assert.equal(placed.length, 1);
    assert.equal(placedCharacters(second, text).length, 1);
    // Asked again after another line: the same answer, not placed again.
    assert.equal(placedCharacters(first, text), placed);
  });
});
