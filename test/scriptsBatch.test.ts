// The batch host: every way a .cmd/.bat starts ccmsetup, what it receives (decoded text and the
// script characters each finding covers), constants from `set`, symbolic variables, the
// for-variable rule, suppression, fixes escaped for batch, hover, and a round-trip property.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { encode, findBatchLines } from '../server/src/core/hosts/batch';
import { BATCH_RULES } from '../server/src/core/hosts/batchRules';
import { getLanguageService } from '../server/src/core/languageService';
import { applyFix, doc, problems } from './helpers/core';

const NAME = 'install.cmd';
/** Each finding as `code:covered text`. */
const found = (text: string, name = NAME) => problems(text, {}, name).map((p) => `${p.code}:${text.slice(p.span.start, p.span.end)}`);
/** The one invocation's decoded text, and the script characters each decoded character came from. */
function decoded(text: string): { text: string; from: string } {
  const lines = findBatchLines(text);
  assert.equal(lines.length, 1, `expected one invocation, found ${lines.length}`);
  const { source } = lines[0];
  return { text: source.text, from: source.offsets.map((o) => text[o]).join('') };
}

describe('batch host', () => {
  describe('finds the invocation in every form, findings on the exact characters', () => {
    const forms: [string, string, string][] = [
      ['bare', 'ccmsetup.exe /mp=cm01.contoso.com SMSSITECODE=ABC', 'parameter-uses-equals:='],
      ['without .exe', 'ccmsetup /mp:cm01.contoso.com SMSSITECODE:ABC', 'property-uses-colon::'],
      ['relative', '.\\Client\\ccmsetup.exe /mp:cm01.contoso.com /forceinstal SMSSITECODE=ABC', 'unknown-parameter:/forceinstal'],
      ['absolute', 'C:\\Windows\\ccmsetup\\ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABCD', 'invalid-value:ABCD'],
      ['UNC', '\\\\cm01\\SMS_ABC\\Client\\ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC CCMLOGLEVEL=7', 'invalid-value:7'],
      ['quoted path with a space', '"C:\\Client Files\\ccmsetup.exe" /mp:cm01.contoso.com SMSSITECODE=ABC /logon', 'parameter-after-property:/logon'],
      ['%~dp0', '%~dp0ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC RESETKEYINFORMATION=YES', 'invalid-value:YES'],
      ['a folder passed to a subroutine, "%~1…"', ':install\n"%~1ccmsetup.exe" /mp:cm01.contoso.com SMSSITECODE=ABCD', 'invalid-value:ABCD'],
      ['"%~dp0…"', '"%~dp0ccmsetup.exe" /mp:cm01.contoso.com SMSSITECODE=ABC DISABLECACHEOPT=YES', 'invalid-value:YES'],
      ['@ and call', '@call "%~dp0ccmsetup.exe" /mp=cm01.contoso.com SMSSITECODE=ABC', 'parameter-uses-equals:='],
      ['start /wait ""', 'start /wait "" "%~dp0ccmsetup.exe" /mp:cm01.contoso.com SMSSITECODE=ABC SMSSLP=x', 'unknown-property:SMSSLP'],
      ['start /b /wait', 'start /b /wait ccmsetup.exe /mp:cm01.contoso.com /retry:ten SMSSITECODE=ABC', 'invalid-value:ten'],
      ['cmd /c "…"', 'cmd /c "\\\\cm01\\Client\\ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=AB_C" > "%TEMP%\\c.log" 2>&1', 'invalid-value:AB_C'],
      ['cmd.exe /q /c', 'cmd.exe /q /c ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC /UsePKICert', 'parameter-after-property:/UsePKICert'],
      ['psexec \\\\host', 'psexec \\\\pc001 -accepteula -s -u CONTOSO\\adm -c \\\\cm01\\Client\\ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE:ABC', 'property-uses-colon::'],
      ['psexec64 -i 1', 'psexec64.exe \\\\pc001 -i 1 -h ccmsetup.exe /mp:cm01.contoso.com /BITSPriority:URGENT SMSSITECODE=ABC', 'invalid-value:URGENT'],
      ['after if exist', 'if exist "%~dp0ccmsetup.exe" "%~dp0ccmsetup.exe" /mp:cm01.contoso.com SMSSITECODE=ABCD', 'invalid-value:ABCD'],
      ['after if not "%X%"=="1"', 'if not "%SKIP%"=="1" ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABCD', 'invalid-value:ABCD'],
      ['with redirections', 'ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABCD >"%TEMP%\\c.log" 2>&1 && echo ok', 'invalid-value:ABCD'],
      ['after &&', 'cd /d %~dp0 && ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABCD & echo done', 'invalid-value:ABCD'],
      ['msiexec ccmsetup.msi', 'msiexec /i "%~dp0ccmsetup.msi" /qn /l*v "%TEMP%\\m.log" CCMSETUPCMD="/mp:cm01.contoso.com SMSSITECODE=ABC /forceinstall"', 'parameter-after-property:/forceinstall'],
      ['start /wait msiexec', 'start /wait msiexec.exe /i \\\\cm01\\Client\\ccmsetup.msi /qn CCMSETUPCMD="/mp:cm01.contoso.com SMSSITECODE=ABCD"', 'invalid-value:ABCD'],
    ];
    for (const [name, line, expected] of forms) {
      it(name, () => assert.deepEqual(found(`@echo off\r\n${line}\r\n`), [expected]));
    }
  });

  it('keeps the clean twin of every form silent', () => {
    const clean = [
      'ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC',
      '"%~dp0ccmsetup.exe" /mp:cm01.contoso.com /source:"%~dp0" SMSSITECODE=ABC',
      'start /wait "" "%~dp0ccmsetup.exe" /mp:cm01.contoso.com SMSSITECODE=ABC',
      'cmd /c "\\\\cm01\\Client\\ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC" > "%TEMP%\\c.log" 2>&1',
      'psexec \\\\pc001 -s -c \\\\cm01\\Client\\ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC',
      'msiexec /i "%~dp0ccmsetup.msi" /qn /l*v "%TEMP%\\m.log" CCMSETUPCMD="/mp:cm01.contoso.com /forceinstall SMSSITECODE=ABC"',
    ];
    for (const line of clean) assert.deepEqual(found(`@echo off\n${line}\n`), [], line);
  });

  it('reads what ccmsetup receives: the program by its name, %%, ^ escapes, quotes as written', () => {
    const text = 'set LOG=x\n"C:\\Client Files\\ccmsetup.exe" /mp:cm01.contoso.com CCMLOGMAXSIZE=10000%% SMSSITECODE=A^BC FSP="fsp ^01"\n';
    const { text: got, from } = decoded(text);
    assert.equal(got, 'ccmsetup.exe /mp:cm01.contoso.com CCMLOGMAXSIZE=10000% SMSSITECODE=ABC FSP="fsp ^01"');
    // Every character maps to the script character it came from (the `%` of `%%` to the first one).
    assert.equal(from, 'ccmsetup.exe /mp:cm01.contoso.com CCMLOGMAXSIZE=10000% SMSSITECODE=ABC FSP="fsp ^01"');
  });

  it('joins lines continued with ^ into one invocation, findings on their own line', () => {
    const text = '@echo off\n%~dp0ccmsetup.exe ^\n  /mp:cm01.contoso.com ^\n  SMSSITECODE=ABC ^\n  /forceinstall\necho next\n';
    const document = doc(text, NAME);
    const list = getLanguageService().analyze(document);
    assert.deepEqual(list.map((p) => [p.code, document.positionAt(p.span.start).line, text.slice(p.span.start, p.span.end)]), [['parameter-after-property', 4, '/forceinstall']]);
    assert.equal(decoded(text).text, 'ccmsetup.exe   /mp:cm01.contoso.com   SMSSITECODE=ABC   /forceinstall');
  });

  describe('variables', () => {
    it('checks a constant from `set` and reports it on the assignment, pointing at the invocation', () => {
      const text = '@echo off\nset SITE=ABCD\nset "MP=cm01.contoso.com"\nccmsetup.exe /mp:%MP% SMSSITECODE=%SITE%\n';
      const list = problems(text, {}, NAME);
      assert.deepEqual(list.map((p) => `${p.code}:${text.slice(p.span.start, p.span.end)}`), ['invalid-value:ABCD']);
      const related = (list[0] as { related?: { span: { start: number; end: number } }[] }).related;
      assert.equal(related && text.slice(related[0].span.start, related[0].span.end), '%SITE%');
      assert.match(list[0].message, /line 4/);
    });

    it('checks arguments kept in a variable built from other constants, on the exact characters of the set lines', () => {
      const text = 'set MP=cm01.contoso.com\nset "SITE=ABC"\nset ARGS=/mp:%MP% SMSSITECODE=%SITE% RESETKEYINFORMATION=YES\n"%~dp0ccmsetup.exe" %ARGS%\n';
      assert.deepEqual(found(text), ['invalid-value:YES']);
      // The order of the arguments inside the variable is checked too, and a nested constant's value
      // is reported where it is set.
      const nested = 'set "SITE=ABCD"\nset ARGS=/mp:cm01 SMSSITECODE=%SITE% /forceinstall\nccmsetup.exe %ARGS%\n';
      assert.deepEqual(found(nested), ['invalid-value:ABCD', 'parameter-after-property:/forceinstall']);
      assert.ok(problems(nested, {}, NAME).every((p) => /value of %ARGS%, used on line 3/.test(p.message)));
      assert.equal(decoded(text).text, 'ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC RESETKEYINFORMATION=YES');
      // One unknown name keeps the whole value symbolic.
      assert.deepEqual(found(text.replace('set MP=cm01.contoso.com\n', '')), []);
    });

    it('checks !VAR! constants after setlocal EnableDelayedExpansion', () => {
      const text = 'setlocal EnableDelayedExpansion\nset "SITE=AB_C"\n"%~dp0ccmsetup.exe" /mp:cm01.contoso.com SMSSITECODE=!SITE!\n';
      assert.deepEqual(found(text), ['invalid-value:AB_C']);
    });

    it('keeps other variables symbolic: names checked, values not, no script-variable warning', () => {
      for (const text of [
        'set SITE=ABC\nset SITE=XYZW\nccmsetup.exe /mp:%MP% SMSSITECODE=%SITE% SMSCACHESIZE=%CACHE%\n', // set twice: not a constant
        'set /p SITE=Site code: \nccmsetup.exe /mp:%1 SMSSITECODE=%SITE%\n',
        'for %%s in (ABCD) do ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=%%s\n',
        'ccmsetup.exe /mp:%COMPUTERNAME%.contoso.com SMSSITECODE=%SITE:~0,3%\n',
        // A variable that is a whole argument may hold several: nothing to check, nothing to flag.
        'ccmsetup.exe %CCMARGS%\n', '"%~dp0ccmsetup.exe" %*\n', 'setlocal EnableDelayedExpansion\nccmsetup.exe /mp:x !MORE! SMSSITECODE=ABC\n',
      ]) assert.deepEqual(found(text), [], text);
      // The name is still checked.
      assert.deepEqual(found('ccmsetup.exe /mp:%MP% SMSSITECOD=%SITE%\n'), ['unknown-property:SMSSITECOD']);
    });

    it('says in the hover where a value came from', () => {
      const text = 'set SITE=ABC\nccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=%SITE%\n';
      const hover = getLanguageService().doHover(doc(text, NAME), { line: 1, character: text.split('\n')[1].indexOf('%SITE%') + 2 });
      assert.ok(hover, 'no hover');
      assert.match(JSON.stringify(hover.contents), /set on line 1/);
    });
  });

  for (const rule of BATCH_RULES) {
    describe(rule.id, () => {
      rule.examples.fail.forEach((text, k) => it(`raises on failing fixture ${k + 1}`, () => assert.ok(found(text).some((f) => f.startsWith(`${rule.id}:`)), found(text).join())));
      rule.examples.pass.forEach((text, k) => it(`stays quiet on passing fixture ${k + 1}`, () => assert.deepEqual(found(text), [])));
    });
  }

  it('start-quoted-program-is-title: covers the quoted program, still checks its arguments, and the fix adds an empty title', () => {
    const text = 'start /wait "\\\\cm01\\Client\\ccmsetup.exe" /mp=cm01.contoso.com SMSSITECODE=ABC\n';
    assert.deepEqual(found(text), ['start-quoted-program-is-title:"\\\\cm01\\Client\\ccmsetup.exe"', 'parameter-uses-equals:=']);
    assert.equal(applyFix(text, 'start-quoted-program-is-title', undefined, NAME), text.replace('/wait "', '/wait "" "'));
    assert.equal(problems(text, {}, NAME)[0].severity, 'hint');
  });

  it('batch-lone-percent: drops the % as cmd does, and the fix doubles it', () => {
    const text = 'ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC FSP=fsp%x01\n';
    assert.equal(decoded(text).text, 'ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC FSP=fspx01');
    assert.deepEqual(found(text), ['batch-lone-percent:%']);
    assert.equal(applyFix(text, 'batch-lone-percent', undefined, NAME), text.replace('%', '%%'));
  });

  describe('for-variable-single-percent', () => {

    it('fixes every %i of the loop to %%i, giving the clean twin', () => {
      const text = 'for %i in (pc001 pc002) do psexec \\\\%i -s \\\\srv\\Client\\ccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC\n';
      assert.equal(applyFix(text, 'for-variable-single-percent', undefined, NAME), text.replace(/%i/g, '%%i'));
    });

    it('follows the loop variable into a ( … ) block on the next lines', () => {
      const text = 'for /f "tokens=*" %%C in (hosts.txt) do (\n  echo %%C\n  psexec \\\\%%C -s "%~dp0ccmsetup.exe" /mp:cm01.contoso.com SMSSITECODE=%%C\n)\nccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=%%C\n';
      // Inside the loop %%C is the loop's value (symbolic); after the block it is a literal "%C".
      assert.deepEqual(found(text), ['invalid-value:%%C']);
    });
  });

  describe('not an invocation', () => {
    it('ignores ccmsetup in REM, ::, echo, taskkill, if exist and labels', () => {
      const text = [
        '@echo off', 'REM ccmsetup.exe /mp=x SMSSITECODE:ABCD', ':: ccmsetup.exe /forceinstal', ':ccmsetup',
        'echo ccmsetup.exe /mp=x SMSSITECODE:ABCD', 'taskkill /im ccmsetup.exe /f', 'if exist "%WINDIR%\\ccmsetup\\ccmsetup.exe" echo present',
        'set NOTE=ccmsetup.exe /mp=x', 'type ccmsetup.log | find "ccmsetup.exe /x"',
      ].join('\r\n');
      assert.deepEqual(findBatchLines(text), []);
      assert.deepEqual(found(text), []);
    });

    it('says nothing about a script that never names ccmsetup', () => {
      assert.deepEqual(found('@echo off\nstart /wait msiexec /i agent.msi /qn SERVER=/mp:x\n'), []);
    });
  });

  it('honours REM and :: comanage-disable-next-line', () => {
    const text = 'REM comanage-disable-next-line property-name-case\nccmsetup.exe /mp:cm01.contoso.com smssitecode=ABC\n:: comanage-disable-next-line\nccmsetup.exe /mp=cm01.contoso.com SMSSITECODE=ABCD\n@rem comanage-disable-next-line unknown-property\nccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC XYZ=1 /logon\n';
    assert.deepEqual(found(text), ['parameter-after-property:/logon']);
  });

  it('warns about a misspelt directive in REM or ::, at its characters', () => {
    const text = 'REM comanage-disable-nextline\nccmsetup.exe /mp:cm01.contoso.com smssitecode=ABC\n:: comanage-disable-next-line propery-name-case\nccmsetup.exe /mp:cm01.contoso.com SMSSITECODE=ABC\n';
    assert.deepEqual(found(text).filter((f) => f.startsWith('unknown-directive')), ['unknown-directive:comanage-disable-nextline', 'unknown-directive:propery-name-case']);
  });

  it('completes a new argument typed after the program or the last argument, not past the line', () => {
    const service = getLanguageService();
    for (const text of ['ccmsetup.exe \r\n', '"%~dp0ccmsetup.exe" /mp:cm01  \r\n', 'ccmsetup.exe /mp:cm01 > log.txt\r\n']) {
      const document = doc(text, NAME);
      const at = text.includes('>') ? text.indexOf('>') : text.indexOf('\r');
      const labels = service.doComplete(document, document.positionAt(at)).items.map((i) => i.label);
      assert.ok(labels.includes('SMSSITECODE') && labels.includes('/logon'), `${JSON.stringify(text)}: ${labels.length} items`);
    }
    const document = doc('ccmsetup.exe /mp:cm01\r\necho done\r\n', NAME);
    assert.deepEqual(service.doComplete(document, { line: 1, character: 0 }).items, []);
    assert.deepEqual(service.doComplete(document, { line: 1, character: 4 }).items, []);
  });

  describe('fixes written for batch', () => {
    it('applies a ccmsetup fix at the script characters', () => {
      const text = '@echo off\nstart /wait "" "%~dp0ccmsetup.exe" /mp=cm01.contoso.com SMSSITECODE=ABC\n';
      assert.equal(applyFix(text, 'parameter-uses-equals', undefined, NAME), text.replace('/mp=', '/mp:'));
    });

    it('doubles % and escapes cmd special characters outside quotes', () => {
      assert.equal(encode('10%', false, false), '10%%');
      assert.equal(encode('a&b|c<d>e^f(g)', false, false), 'a^&b^|c^<d^>e^^f^(g^)');
      assert.equal(encode('a&b', true, false), 'a&b');
      assert.equal(encode('"x&y" & z', false, false), '"x&y" ^& z');
      assert.equal(encode('hi!', false, true), undefined);
    });

    it('refuses what cmd can\'t carry: a line break, a ! with delayed expansion', () => {
      assert.equal(encode('a\r\nb', false, false), undefined);
      assert.equal(encode('a%b', true, false), 'a%%b');
    });

  });

  it('never throws on arbitrary batch text and keeps offsets inside the document', () => {
    const piece = fc.constantFrom('ccmsetup.exe ', 'msiexec /i ccmsetup.msi ', 'CCMSETUPCMD="', '/mp:x ', 'SMSSITECODE=', '%', '%%', '%~dp0', '!', '^', '^\n', '\r\n', '\n', '"', '(', ')', '&', '|', '>', 'for %%i in (a) do ', 'for %i in (', ' do ', 'if exist x ', 'else ', 'start /wait "" ', 'cmd /c "', 'psexec \\\\h -s ', 'call ', 'set A=', 'set "B=', 'setlocal EnableDelayedExpansion\n', 'REM comanage-disable-next-line\n', ':: x\n', ' ', 'ABC');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      for (const e of findBatchLines(text)) {
        assert.equal(e.source.offsets.length, e.source.text.length);
        for (const o of e.source.offsets) assert.ok(o >= 0 && o < text.length, `offset ${o}`);
        assert.ok(e.span.start <= e.span.end && e.span.end <= text.length);
      }
      for (const p of problems(text, {}, NAME)) assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, `${p.code} ${JSON.stringify(p.span)}`);
    }), { seed: 7, numRuns: 400 });
  });

  it("checks the README's batch examples clean, one invocation per example", () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const block = /In batch files[\s\S]*?```bat\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(block, 'README has no batch example');
    assert.equal(findBatchLines(block).length, 6);
    assert.deepEqual(found(block), []);
  });

  it('keeps every finding inside its invocation or on a constant it uses', () => {
    const text = '@echo off\nset SITE=ABCD\nfor %i in (a) do psexec \\\\%i ccmsetup.exe /mp=x SMSSITECODE=%SITE% /logon SMSCACHESIZE=lots\n';
    const lines = findBatchLines(text);
    for (const p of problems(text, {}, NAME)) {
      const inside = lines.some((e) => p.span.start >= e.span.start && p.span.end <= e.span.end)
        || lines.some((e) => e.symbols.some((s) => s.constant && s.constant.span.start === p.span.start && s.constant.span.end === p.span.end));
      assert.ok(inside, `${p.code} at ${JSON.stringify(text.slice(p.span.start, p.span.end))}`);
    }
  });
});
