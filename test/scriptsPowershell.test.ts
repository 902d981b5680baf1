// ccmsetup command lines inside PowerShell scripts (issue #12): the host finds every invocation
// form, findings land on the script's own characters, hovers and completions answer only inside
// an invocation's arguments, quick fixes are escaped for PowerShell, and suppression works.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/core/languageService';
import { LanguageSettings, Problem } from '../server/src/core/languageTypes';
import { findPowerShellLines } from '../server/src/core/hosts/powershell';
import { encodeFor } from '../server/src/core/hosts/powershellDecode';
import { POWERSHELL_RULES } from '../server/src/core/hosts/powershellRules';

let n = 0;
const ps = (text: string, name = 'install.ps1') => TextDocument.create(`file:///tmp/ps/${++n}/${name}`, 'powershell', 1, text);
const analyze = (text: string, settings: LanguageSettings = {}): Problem[] => getLanguageService({ settings }).analyze(ps(text));
/** Each finding as `code@covered text`. */
const found = (text: string, settings?: LanguageSettings) => analyze(text, settings).map((p) => `${p.code}@${text.slice(p.span.start, p.span.end)}`);
const applyFirstFix = (text: string, code: string): string => {
  const problem = analyze(text).find((p) => p.code === code);
  const fix = problem?.fixes?.[0];
  if (!fix) throw new Error(`no fix for ${code}: ${JSON.stringify(analyze(text).map((p) => p.code))}`);
  let out = text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
};
const decodedLines = (text: string) => findPowerShellLines(text).map((l) => l.source.text);

describe('PowerShell scripts: finding invocations', () => {
  const forms: [string, string, string][] = [
    ['a bare program', 'ccmsetup.exe /mp=mp01.contoso.com SMSSITECODE=ABC', 'ccmsetup.exe /mp=mp01.contoso.com SMSSITECODE=ABC'],
    ['a relative path', '.\\ccmsetup.exe /mp=mp01.contoso.com SMSSITECODE=ABC', 'ccmsetup.exe /mp=mp01.contoso.com SMSSITECODE=ABC'],
    ['a UNC path with the call operator', '& "\\\\cm01\\Client\\ccmsetup.exe" /mp=mp01 SMSSITECODE=ABC', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['a variable path', '$exe = "C:\\Client\\ccmsetup.exe"\n& $exe /mp=mp01 SMSSITECODE=ABC', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['a path built from a variable', '& "$dir\\ccmsetup.exe" /mp=mp01 SMSSITECODE=ABC', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['Start-Process with one string', 'Start-Process -FilePath ccmsetup.exe -ArgumentList "/mp=mp01 SMSSITECODE=ABC" -Wait', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['Start-Process with an array', "Start-Process ccmsetup.exe -ArgumentList @('/mp=mp01', 'SMSSITECODE=ABC')", 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['Start-Process with a comma list', "Start-Process -FilePath 'ccmsetup.exe' -ArgumentList '/mp=mp01', 'SMSSITECODE=ABC'", 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['Start-Process positional', "Start-Process ccmsetup.exe '/mp=mp01 SMSSITECODE=ABC'", 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['a variable built with +=', "$a = @()\n$a += '/mp=mp01'\n$a += 'SMSSITECODE=ABC'\nStart-Process ccmsetup.exe -ArgumentList $a", '/mp=mp01 SMSSITECODE=ABC'],
    ['an array over lines', "$a = @(\n  '/mp=mp01'\n  'SMSSITECODE=ABC'\n)\nStart-Process ccmsetup.exe -ArgumentList $a", '/mp=mp01 SMSSITECODE=ABC'],
    ['a here-string', 'Start-Process ccmsetup.exe -ArgumentList @"\n/mp=mp01 SMSSITECODE=ABC\n"@', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['-f with literal arguments', "$l = '/mp={0} SMSSITECODE={1}' -f 'mp01', 'ABC'\nStart-Process ccmsetup.exe -ArgumentList $l", '/mp=mp01 SMSSITECODE=ABC'],
    ['an array joined with -join', "$l = @('/mp=mp01', 'SMSSITECODE=ABC') -join ' '\nStart-Process ccmsetup.exe -ArgumentList $l", '/mp=mp01 SMSSITECODE=ABC'],
    ['Start-Process with splatting', "$setup = @{\n  FilePath     = 'C:\\Windows\\ccmsetup\\ccmsetup.exe'\n  ArgumentList = '/mp=mp01 SMSSITECODE=ABC'\n  Wait         = $true\n}\nStart-Process @setup -PassThru", '/mp=mp01 SMSSITECODE=ABC'],
    ['Start-Process with a one-line splat and an array', "$p = @{ FilePath = 'ccmsetup.exe'; ArgumentList = '/mp=mp01', 'SMSSITECODE=ABC' }\nStart-Process @p", '/mp=mp01 SMSSITECODE=ABC'],
    ['concatenation', "$l = '/mp=' + 'mp01' + ' SMSSITECODE=ABC'\nStart-Process ccmsetup.exe -ArgumentList $l", '/mp=mp01 SMSSITECODE=ABC'],
    ['cmd /c', 'cmd /c "ccmsetup.exe /mp=mp01 SMSSITECODE=ABC"', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['psexec on a remote device', '& psexec.exe \\\\pc01 -accepteula -s -u CONTOSO\\admin -p $pw \\\\cm01\\Client\\ccmsetup.exe /mp=mp01 SMSSITECODE=ABC', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['a backtick continuation', 'ccmsetup.exe /mp=mp01 `\n    SMSSITECODE=ABC', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['msiexec of ccmsetup.msi', 'msiexec /i ccmsetup.msi /qn CCMSETUPCMD="/mp=mp01 SMSSITECODE=ABC"', 'msiexec /i ccmsetup.msi /qn CCMSETUPCMD="/mp=mp01 SMSSITECODE=ABC"'],
    ['Start-Process of msiexec', "Start-Process msiexec.exe -ArgumentList '/i ccmsetup.msi CCMSETUPCMD=\"/mp=mp01 SMSSITECODE=ABC\"'", 'msiexec /i ccmsetup.msi CCMSETUPCMD="/mp=mp01 SMSSITECODE=ABC"'],
    ['Start-Process with a switch PowerShell passes on (-Verbose) before -ArgumentList', "Start-Process -FilePath ccmsetup.exe -Verbose -ArgumentList '/mp=mp01 SMSSITECODE=ABC'", 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['Start-Process of cmd /c', 'Start-Process cmd.exe -ArgumentList "/c $src\\ccmsetup.exe /mp=mp01 SMSSITECODE=ABC" -Wait', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['Invoke-Expression of a command string', 'Invoke-Expression "$src\\ccmsetup.exe /mp=mp01 SMSSITECODE=ABC"', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['Win32_Process Create through Invoke-WmiMethod', 'Invoke-WmiMethod -ComputerName $pc -Class Win32_Process -Name Create -ArgumentList "C:\\Windows\\ccmsetup\\ccmsetup.exe /mp=mp01 SMSSITECODE=ABC"', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['Invoke-Expression of a quoted msiexec path', "Invoke-Expression '\"C:\\Windows\\System32\\msiexec.exe\" /i ccmsetup.msi CCMSETUPCMD=\"/mp=mp01 SMSSITECODE=ABC\"'", 'CCMSETUPCMD="/mp=mp01 SMSSITECODE=ABC"'],
    ['Start-ADTProcess (PSAppDeployToolkit 4)', "Start-ADTProcess -FilePath \"$($adtSession.DirFiles)\\ccmsetup.exe\" -PassThru -ArgumentList '/mp=mp01', 'SMSSITECODE=ABC' -WindowStyle Hidden", 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['Execute-Process (PSAppDeployToolkit 3)', 'Execute-Process -Path "$dirFiles\\ccmsetup.exe" -Parameters "/mp=mp01 SMSSITECODE=ABC" -WindowStyle Hidden', 'ccmsetup.exe /mp=mp01 SMSSITECODE=ABC'],
    ['Execute-MSI of ccmsetup.msi (PSAppDeployToolkit 3)', "Execute-MSI -Action Install -Path 'ccmsetup.msi' -AddParameters 'CCMSETUPCMD=\"/mp=mp01 SMSSITECODE=ABC\"'", 'ccmsetup.msi CCMSETUPCMD="/mp=mp01 SMSSITECODE=ABC"'],
    ['Start-ADTMsiProcess of ccmsetup.msi (PSAppDeployToolkit 4)', "Start-ADTMsiProcess -Action Install -FilePath \"$dir\\ccmsetup.msi\" -AdditionalArgumentList 'CCMSETUPCMD=\"/mp=mp01 SMSSITECODE=ABC\"'", 'ccmsetup.msi CCMSETUPCMD="/mp=mp01 SMSSITECODE=ABC"'],
  ];
  for (const [what, script, decoded] of forms) {
    it(`finds ${what} and flags /mp= at its own characters`, () => {
      assert.deepEqual(decodedLines(script).map((t) => t.slice(t.length - decoded.length)), [decoded]);
      const problems = analyze(script).filter((p) => p.code === 'parameter-uses-equals');
      assert.equal(problems.length, 1, JSON.stringify(found(script)));
      assert.equal(script.slice(problems[0].span.start, problems[0].span.end), '=');
      assert.equal(script.slice(problems[0].span.start - 3, problems[0].span.start), '/mp');
      // The clean twin is silent.
      assert.deepEqual(found(script.replace('/mp=', '/mp:')), []);
    });
  }

  it('leaves other programs started through cmd, Invoke-Expression and the toolkit alone', () => {
    for (const script of [
      "Start-Process cmd.exe -ArgumentList '/c echo ccmsetup finished'",
      'Invoke-Expression "Get-Service ccmsetup"',
      "Invoke-WmiMethod -Class Win32_Process -Name Create -ArgumentList 'notepad.exe ccmsetup.log'",
      "Execute-MSI -Action Install -Path 'Other.msi' -Parameters 'ALLUSERS=1 NOTE=ccmsetup'",
      "Start-ADTProcess -FilePath 'setup.exe' -ArgumentList '/mp=x ccmsetup'",
    ]) assert.deepEqual(decodedLines(script), [], script);
  });

  it('takes a .NET object (a list built with ::new() and .Add) as a value it does not know, not as text', () => {
    assert.deepEqual(found("$l = [System.Collections.Generic.List[string]]::new()\n$l.Add('/mp:mp01')\nStart-Process ccmsetup.exe -ArgumentList $l"), []);
  });

  it('checks -InstallationProperty in the client push context', () => {
    const text = 'Set-CMClientPushInstallation -SiteCode ABC -InstallationProperty "/mp:cm01 SMSSITECODE=ABC"';
    assert.deepEqual(found(text), ['not-allowed-in-client-push@/mp']);
    assert.deepEqual(found(text.replace('/mp:cm01 ', '')), []);
  });

  it('treats a script invocation as exe or msi, never Intune (no 1024-character limit)', () => {
    const long = `msiexec /i ccmsetup.msi CCMSETUPCMD="/mp:cm01.contoso.com SMSSITECODE=ABC FSP=${'f'.repeat(1100)}.contoso.com"`;
    assert.ok(!found(long).some((f) => f.startsWith('intune')), JSON.stringify(found(long)));
  });

  it('stays silent on scripts that only mention ccmsetup, and on scripts without it', () => {
    assert.deepEqual(found('# installs ccmsetup.exe\nWrite-Host "Running ccmsetup.exe /mp=x"\nGet-Process ccmsetup | Wait-Process'), []);
    assert.deepEqual(found('Get-ChildItem C:\\ | Out-Null\n$x = 1'), []);
  });
});

describe('PowerShell scripts: the README', () => {
  it("finds every form of the README's PowerShell example, and they are clean", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const block = /## Scripts[\s\S]*?```powershell\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(block, 'README has a PowerShell example');
    // One invocation per command (a backtick continues one over two lines); `$setup` and `$arguments` stay symbolic.
    const commands = block!.replace(/`\n/g, '').split('\n').filter((l) => l.trim());
    assert.equal(findPowerShellLines(block!).length, commands.length);
    assert.deepEqual(found(block!), []);
  });
});

describe('PowerShell scripts: decoding what ccmsetup receives', () => {
  it('decodes backtick escapes and doubled quotes in double-quoted strings', () => {
    assert.deepEqual(decodedLines('Start-Process ccmsetup.exe -ArgumentList "/source:`"C:\\A B`" SMSSITECODE=""ABC"""'),
      ['ccmsetup.exe /source:"C:\\A B" SMSSITECODE="ABC"']);
  });

  it("keeps single-quoted text as written ('' is one quote, $ is literal)", () => {
    assert.deepEqual(decodedLines("Start-Process ccmsetup.exe -ArgumentList 'SMSSITECODE=ABC FSP=it''s $x'"), ["ccmsetup.exe SMSSITECODE=ABC FSP=it's $x"]);
  });

  it('puts a constant variable value in, and keeps an unknown one symbolic', () => {
    assert.deepEqual(decodedLines("$MP = 'mp01'\nccmsetup.exe /mp:$MP SMSSITECODE=$Site"), ['ccmsetup.exe /mp:mp01 SMSSITECODE=$Site']);
    assert.deepEqual(decodedLines('ccmsetup.exe SMSSITECODE=${Site} FSP=$($cfg.Fsp)'), ['ccmsetup.exe SMSSITECODE=${Site} FSP=${cfg.Fsp}']);
  });

  it('maps every decoded character back to the script character it came from', () => {
    const text = '$MP = "mp01"\nStart-Process ccmsetup.exe -ArgumentList "/mp:$MP", \'SMS`SITECODE=ABC\'';
    const [line] = findPowerShellLines(text);
    const at = (needle: string) => line.source.offsets[line.source.text.indexOf(needle)];
    assert.equal(text.slice(at('/mp:'), at('/mp:') + 4), '/mp:');
    assert.equal(text.slice(at('SMS`'), at('SMS`') + 4), 'SMS`', 'a backtick in single quotes is literal');
  });

  it('puts a finding on the program on the program\'s name in its path, or on the whole path', () => {
    const programOf = (text: string) => {
      const problem = analyze(text).find((p) => p.code === 'missing-required-for-intune');
      assert.ok(problem, JSON.stringify(found(text)));
      return text.slice(problem.span.start, problem.span.end);
    };
    const args = '-ArgumentList "CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1"';
    assert.equal(programOf(`Start-Process -FilePath "$PSScriptRoot\\ccmsetup.exe" ${args}`), 'ccmsetup.exe');
    assert.equal(programOf(`Start-Process -FilePath "\\\\cm01\\Client\\CCMSetup" ${args}`), 'CCMSetup');
    assert.equal(programOf(`& "$PSScriptRoot\\ccmsetup.exe" CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1`), 'ccmsetup.exe');
    assert.equal(programOf(`[string]$Installer = 'C:\\Client\\ccmsetup.exe'\n& $Installer CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1`), '$Installer');
  });
});

describe('PowerShell scripts: variables', () => {
  it('does not warn about variables PowerShell expands, and skips their values', () => {
    assert.deepEqual(found('param($SiteCode, $MP)\nccmsetup.exe /mp:$MP SMSSITECODE=$SiteCode'), []);
    assert.deepEqual(found('Start-Process ccmsetup.exe -ArgumentList "/mp:$($cfg.MP)", "SMSSITECODE=${Site}"'), []);
  });

  it('checks a constant value and reports it on the assignment, related to the invocation', () => {
    const text = "$SiteCode = 'ABCD'\nStart-Process ccmsetup.exe -ArgumentList \"/mp:cm01 SMSSITECODE=$SiteCode\"";
    const [problem] = analyze(text);
    assert.equal(problem.code, 'invalid-value');
    assert.equal(text.slice(problem.span.start, problem.span.end), 'ABCD');
    assert.equal(text.slice(problem.related![0].span.start, problem.related![0].span.end), '$SiteCode');
    assert.match(problem.message, /value of \$SiteCode, used on line 2/);
    const diagnostics = getLanguageService().doValidation(ps(text));
    assert.equal(diagnostics[0].relatedInformation?.[0].location.range.start.line, 1);
  });

  it('reads $($Name) as the variable itself: its constant is checked on the assignment', () => {
    const text = "$SiteCode = 'ABCD'\nStart-Process ccmsetup.exe -ArgumentList \"/mp:cm01 SMSSITECODE=$($SiteCode)\"";
    const problems = analyze(text).filter((p) => p.code === 'invalid-value');
    assert.deepEqual(problems.map((p) => text.slice(p.span.start, p.span.end)), ['ABCD']);
    assert.match(problems[0].message, /\$SiteCode, used on line 2/);
  });

  it('follows typed assignments ([string]$Site = …, [string[]] $list = …)', () => {
    const text = "[string]$SiteCode = 'ABCD'\n[string[]] $list = '/mp:cm01', \"SMSSITECODE=$SiteCode\", '/logon'\nStart-Process .\\ccmsetup.exe -ArgumentList $list";
    assert.deepEqual(found(text), ['invalid-value@ABCD', 'parameter-after-property@/logon']);
  });

  it("says precisely that '$MP' in single quotes sends the name", () => {
    const text = "$MP = 'cm01'\nStart-Process ccmsetup.exe -ArgumentList '/mp:$MP SMSSITECODE=ABC'";
    assert.deepEqual(found(text), ['powershell-single-quoted-variable@$MP']);
    assert.match(analyze(text)[0].message, /ccmsetup receives the text \$MP, not its value/);
  });
});

describe('PowerShell scripts: host mistakes (rule fixtures)', () => {
  for (const rule of POWERSHELL_RULES) {
    it(`${rule.id}: its failing fixtures raise it, its passing ones don't`, () => {
      for (const text of rule.examples.fail) assert.ok(found(text).some((f) => f.startsWith(`${rule.id}@`)), `${text}\n→ ${found(text)}`);
      for (const text of rule.examples.pass) assert.ok(!found(text).some((f) => f.startsWith(`${rule.id}@`)), `${text}\n→ ${found(text)}`);
    });
  }

  it('an MSI property written /NAME=value for msiexec: told to drop the slash, not to use a colon', () => {
    const text = "Start-Process msiexec.exe -ArgumentList '/i', 'ccmsetup.msi', '/SMSSITECODE=ABC'";
    const problems = analyze(text);
    assert.ok(problems.some((p) => p.code === 'unknown-parameter' && /without the slash/.test(p.message)), JSON.stringify(found(text)));
    assert.ok(!problems.some((p) => p.code === 'parameter-uses-equals'), JSON.stringify(found(text)));
  });

  it('a blank inside one array element splits the value; separate arguments in one string are fine', () => {
    assert.deepEqual(found("Start-Process ccmsetup.exe -ArgumentList '/mp:cm01', 'SMSCACHEDIR=D:\\Cache Dir'").filter((f) => f.startsWith('start-process')), ['start-process-split-argument@ ']);
    assert.deepEqual(found("Start-Process ccmsetup.exe -ArgumentList '/mp:cm01 SMSSITECODE=ABC', '/logon'").filter((f) => f.startsWith('start-process')), []);
  });
});

describe('PowerShell scripts: hover and completion', () => {
  const service = getLanguageService();
  it('hovers inside the arguments, nowhere else', () => {
    const text = 'Write-Host "SMSSITECODE=ABC"\nStart-Process ccmsetup.exe -ArgumentList "SMSSITECODE=ABC"';
    const document = ps(text);
    const inArgs = service.doHover(document, document.positionAt(text.lastIndexOf('SMSSITE') + 3));
    assert.match(JSON.stringify(inArgs?.contents), /SMSSITECODE/);
    assert.equal(service.doHover(document, document.positionAt(text.indexOf('SMSSITE') + 3)), null);
    assert.equal(service.doHover(document, document.positionAt(text.indexOf('Start-Process') + 3)), null);
  });

  it('shows where a variable value came from', () => {
    const text = "$SiteCode = 'ABC'\nccmsetup.exe SMSSITECODE=$SiteCode";
    const document = ps(text);
    const hover = service.doHover(document, document.positionAt(text.lastIndexOf('$SiteCode') + 2));
    assert.match(JSON.stringify(hover?.contents), /\$SiteCode` is `ABC`, set on line 1/);
  });

  it('hovers on arguments assigned above the invocation, and says a variable is set at run time', () => {
    const text = "$a = @()\n$a += 'SMSSITECODE=ABC'\nWrite-Host 'SMSSITECODE=ABC'\nStart-Process ccmsetup.exe -ArgumentList $a\nccmsetup.exe SMSSITECODE=$Unknown";
    const document = ps(text);
    const hover = (offset: number) => JSON.stringify(service.doHover(document, document.positionAt(offset))?.contents ?? null);
    assert.match(hover(text.indexOf('SMSSITECODE') + 2), /SMSSITECODE/);
    assert.equal(hover(text.indexOf("Host 'SMSS") + 8), 'null', 'Write-Host starts nothing');
    assert.match(hover(text.indexOf('$Unknown') + 2), /Unknown` is set when the script runs; its name and place are checked, its value is not/);
  });

  it('completes a new argument typed after a native call\'s program or last argument, not past the line', () => {
    for (const text of ['ccmsetup.exe ', '& .\\ccmsetup.exe /mp:cm01  ', 'ccmsetup.exe /mp:cm01 # then\nWrite-Host']) {
      const document = ps(text);
      const at = text.includes('#') ? text.indexOf('#') : text.length;
      const labels = service.doComplete(document, document.positionAt(at)).items.map((i) => i.label);
      assert.ok(labels.includes('SMSSITECODE') && labels.includes('/logon'), `${JSON.stringify(text)}: ${labels.length} items`);
      assert.equal(service.doHover(document, document.positionAt(at)), null);
    }
    const next = ps('ccmsetup.exe /mp:cm01\n');
    assert.deepEqual(service.doComplete(next, { line: 1, character: 0 }).items, []);
  });

  it('escapes a completion for the string it is inserted in (snippet placeholders kept)', () => {
    const insert = (text: string, label: string) => {
      const document = ps(text);
      const item = service.doComplete(document, document.positionAt(text.indexOf('msi ') + 4)).items.find((i) => i.label === label);
      assert.ok(item?.textEdit && 'range' in item.textEdit, `no ${label} item with a text edit`);
      return item.textEdit.newText;
    };
    assert.equal(insert('Start-Process msiexec.exe -ArgumentList "/i ccmsetup.msi " -Wait', 'CCMSETUPCMD'), 'CCMSETUPCMD=`"$1`"');
    assert.equal(insert("Start-Process msiexec.exe -ArgumentList '/i ccmsetup.msi ' -Wait", 'CCMSETUPCMD'), 'CCMSETUPCMD="$1"');
    assert.equal(insert('Start-Process msiexec.exe -ArgumentList "/i ccmsetup.msi " -Wait', 'SMSSITECODE'), 'SMSSITECODE=$1');
  });

  it('completes names inside a single-quoted array element, nothing outside', () => {
    const text = "Start-Process ccmsetup.exe -ArgumentList '/mp:cm01', 'SMSSITE'\nGet-";
    const document = ps(text);
    const list = service.doComplete(document, document.positionAt(text.indexOf('SMSSITE') + 'SMSSITE'.length));
    const item = list.items.find((i) => i.label === 'SMSSITECODE');
    assert.ok(item, 'SMSSITECODE offered');
    const edit = item!.textEdit as { range: { start: { character: number } } };
    assert.equal(edit.range.start.character, text.indexOf('SMSSITE'), 'replaces only the word after the quote');
    assert.deepEqual(service.doComplete(document, document.positionAt(text.length)).items, []);
    assert.deepEqual(service.doComplete(document, document.positionAt(text.indexOf('-ArgumentList') + 3)).items, []);
  });

  it('gives no outline for scripts (the PowerShell extension owns it)', () => {
    assert.deepEqual(service.findDocumentSymbols(ps('ccmsetup.exe SMSSITECODE=ABC')), []);
  });
});

describe('PowerShell scripts: quick fixes and suppression', () => {
  it('escapes a fix inside a double-quoted string', () => {
    const text = 'Start-Process ccmsetup.exe -ArgumentList "/mp:cm01 /source:C:\\Src SMSSITECODE=ABC" -Wait';
    // Moving /source before the property is plain text; a fix that inserts a quote is escaped.
    const fixed = applyFirstFix('Start-Process ccmsetup.exe -ArgumentList "smssitecode=ABC"', 'property-name-case');
    assert.equal(fixed, 'Start-Process ccmsetup.exe -ArgumentList "SMSSITECODE=ABC"');
    assert.equal(encodeFor('dq', 'A="b c"'), 'A=`"b c`"');
    assert.equal(encodeFor('sq', "it's"), "it''s");
    // In a native call's bare words a blank separates arguments, as it does for ccmsetup.
    assert.equal(encodeFor('bare', '/logon SMSSITECODE=ABC'), '/logon SMSSITECODE=ABC');
    assert.equal(encodeFor('bare', '/source:"C:\\A B" $x'), '/source:"C:\\A B" `$x');
    assert.equal(encodeFor('sq', '\u2018'), '\u2018\u2018', 'a typographic quote is doubled as itself');
    assert.equal(encodeFor('here-sq', "x\n'@"), undefined, "nothing can escape '@ in a literal here-string");
    assert.deepEqual(found(text), []);
  });

  it('moves a parameter in a native call as separate arguments, and never edits right after an escaping backtick', () => {
    const moved = applyFirstFix('ccmsetup.exe SMSSITECODE=ABC /logon', 'parameter-after-property');
    assert.equal(moved, 'ccmsetup.exe /logon SMSSITECODE=ABC');
    assert.deepEqual(decodedLines(moved), ['ccmsetup.exe /logon SMSSITECODE=ABC']);
    // Removing "` /mp:b"'s word would leave the backtick before the line break: the next line would join the command.
    const text = 'ccmsetup.exe /mp:a` /mp:b\nWrite-Host done';
    const fixes = analyze(text).flatMap((p) => p.fixes ?? []);
    assert.ok(fixes.every((f) => f.edits.every((e) => text[e.span.start - 1] !== '`')), JSON.stringify(fixes));
  });

  it('a fix leaves PowerShell that decodes to the corrected line', () => {
    const text = "Start-Process ccmsetup.exe -ArgumentList '/mp=cm01', 'SMSSITECODE=ABC'";
    const fixed = applyFirstFix(text, 'parameter-uses-equals');
    assert.equal(fixed, "Start-Process ccmsetup.exe -ArgumentList '/mp:cm01', 'SMSSITECODE=ABC'");
    assert.deepEqual(decodedLines(fixed), ['ccmsetup.exe /mp:cm01 SMSSITECODE=ABC']);
    assert.deepEqual(found(fixed), []);
  });

  it('a fix that copies an entry writes what ccmsetup received, escaped once', () => {
    // The entry is written with PowerShell's doubled quotes; copied from the script and then escaped
    // again, it would send ""contoso…"" to ccmsetup.
    const cmg = 'contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500';
    const text = `Start-Process ccmsetup.exe -ArgumentList "/mp:cm01 SMSSITECODE=ABC /CCMHOSTNAME:""${cmg}"""`;
    const asProperty = applyFirstFix(text, 'unknown-parameter');
    assert.equal(asProperty, `Start-Process ccmsetup.exe -ArgumentList "/mp:cm01 SMSSITECODE=ABC CCMHOSTNAME=\`"${cmg}\`""`);
    assert.deepEqual(decodedLines(asProperty), [`ccmsetup.exe /mp:cm01 SMSSITECODE=ABC CCMHOSTNAME="${cmg}"`]);
    const moved = applyFirstFix('Start-Process ccmsetup.exe -ArgumentList "SMSSITECODE=ABC /source:""C:\\A B"""', 'parameter-after-property');
    assert.deepEqual(decodedLines(moved), ['ccmsetup.exe /source:"C:\\A B" SMSSITECODE=ABC']);
  });

  it('drops a fix that would land on a constant elsewhere in the file', () => {
    const text = "$Site = 'abc'\nccmsetup.exe SMSSITECODE=$Site /mp:cm01";
    assert.ok(analyze(text).every((p) => !p.fixes || p.fixes.every((f) => f.edits.every((e) => text.slice(e.span.start, e.span.end) !== '$Site'))));
  });

  it('honours # comanage-disable-next-line for ccmsetup and host codes', () => {
    const text = "# comanage-disable-next-line parameter-uses-equals\nccmsetup.exe /mp=cm01 SMSSITECODE=ABC\nccmsetup.exe /mp=cm01 SMSSITECODE=ABC";
    assert.deepEqual(found(text), ['parameter-uses-equals@=']);
    assert.equal(ps(text).positionAt(analyze(text)[0].span.start).line, 2, 'only the line without the comment above it');
    const host = "$MP='x'\n# comanage-disable-next-line powershell-single-quoted-variable\nStart-Process ccmsetup.exe -ArgumentList '/mp:$MP'";
    assert.deepEqual(found(host), []);
  });

  it('warns about a misspelt directive in a script that starts ccmsetup, not in other scripts', () => {
    const text = '# comanage-disable-nextline parameter-uses-equals\nccmsetup.exe /mp:cm01 SMSSITECODE=ABC';
    assert.deepEqual(found(text), ['unknown-directive@comanage-disable-nextline']);
    assert.deepEqual(found('# comanage-disable-nextline x\nWrite-Host hi'), []);
  });

  it('honours comanage.scripts.enabled and rule severity settings', () => {
    const text = 'ccmsetup.exe /mp=cm01 SMSSITECODE=ABC';
    assert.deepEqual(found(text, { scripts: { enabled: false } }), []);
    assert.equal(getLanguageService({ settings: { scripts: { enabled: false } } }).kindOf(ps(text)), 'none');
    assert.deepEqual(found(text, { rules: { 'parameter-uses-equals': 'off' } }), []);
  });
});

describe('PowerShell scripts: hostile input', () => {
  it('never throws on PowerShell-like noise, and every offset is in the text', () => {
    const fragment = fc.constantFrom('ccmsetup.exe', 'Start-Process', 'msiexec', '-ArgumentList', '-FilePath', ' ', '\n', '`', '`\n', '"', "'", '@"\n', '"@', "@'\n", '$a', '$(', '${', '(', ')', '@(', ',', '+=', '=', '+', '-f', '{0}', '#', '<#', '#>', ';', '|', '&', 'cmd', '/c', 'SMSSITECODE=ABC', '/mp:x', 'CCMSETUPCMD="', 'ccmsetup.msi');
    fc.assert(fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      for (const line of findPowerShellLines(text)) {
        assert.equal(line.source.offsets.length, line.source.text.length);
        assert.ok(line.source.offsets.every((o) => o >= 0 && o < text.length), JSON.stringify(text));
      }
      analyze(text);
    }), { numRuns: 400 });
  });

  it('reads a 400,000-character argument string without overflowing the stack, and answers the next request', () => {
    const text = `Start-Process ccmsetup.exe -ArgumentList "/mp:x ${'A'.repeat(400_000)}"\n`;
    const service = getLanguageService({});
    const document = ps(text);
    assert.deepEqual(service.analyze(document).map((p) => p.code), ['line-too-long']);
    assert.equal(service.doHover(document, { line: 0, character: 30 }), null);
  });

  it('stays fast on deep nesting and on variables built from themselves', () => {
    const deep = `ccmsetup.exe ${'('.repeat(100_000)}`;
    const selfBuilt = `$a = @('/mp:x')\n${'$a += $a\n'.repeat(2000)}Start-Process ccmsetup.exe -ArgumentList $a`;
    for (const text of [deep, selfBuilt]) {
      const started = Date.now();
      analyze(text);
      assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
    }
  });
});
// Round trips of every string style and the placement of findings: test/fuzz/scriptHosts.ts.
