// Benchmark inputs for the script hosts (issue #12, item 9): 10,000-line PowerShell and batch
// scripts with 200 ccmsetup invocations of the forms admins write, among ordinary script code
// (functions, loops, logging, service checks), and a 10,000-line PowerShell script that never
// names ccmsetup. Deterministic; every invocation's text differs (its management point host), so
// no result can be reused from another invocation. Every 25th invocation carries typos.
import type { BenchInput, Probe } from './inputs';

const LINES = 10_000;
const INVOCATIONS = 200;
/** Lines per block: one invocation (with the assignments it uses) among ordinary code. */
const BLOCK = LINES / INVOCATIONS;

class Lines {
  readonly lines: string[] = [];
  push(...lines: string[]): number {
    const first = this.lines.length;
    this.lines.push(...lines);
    return first;
  }
  find(needle: string, from = 0): number {
    const n = this.lines.findIndex((l, k) => k >= from && l.includes(needle));
    if (n < 0) throw new Error(`bench input: "${needle}" not found after line ${from + 1}`);
    return n;
  }
  at(label: string, n: number, needle: string, after = false): Probe {
    const col = this.lines[n].indexOf(needle);
    if (col < 0) throw new Error(`bench input: "${needle}" not on line ${n + 1}: ${this.lines[n]}`);
    return { label, line: n, character: after ? col + needle.length : col };
  }
}

// --- PowerShell -----------------------------------------------------------------------------------

/** Ordinary PowerShell: a prerequisite check function, `count` lines. Mentions no ccmsetup. */
function psOrdinary(i: number, count: number): string[] {
  const body = [
    `function Test-Prerequisite${i} {`,
    '    [CmdletBinding()]',
    `    param([string]$Computer = $env:COMPUTERNAME, [int]$MinimumFreeGB = ${5 + (i % 7)})`,
    '    # Free space on the system drive, in GB',
    '    $disk = Get-CimInstance -ClassName Win32_LogicalDisk -Filter "DeviceID=\'C:\'"',
    '    if (($disk.FreeSpace / 1GB) -lt $MinimumFreeGB) {',
    `        Write-Warning "Only $([math]::Round($disk.FreeSpace / 1GB, 1)) GB free on $Computer (ring ${i})"`,
    '        return $false',
    '    }',
    "    foreach ($name in @('BITS', 'wuauserv', 'Winmgmt')) {",
    '        $service = Get-Service -Name $name -ErrorAction SilentlyContinue',
    "        if ($null -eq $service) { Write-Verbose \"$name is not installed\"; continue }",
    "        if ($service.Status -ne 'Running') {",
    '            Start-Service -Name $name',
    `            Write-Log -Message "Started $name" -Severity ${1 + (i % 3)}`,
    '        }',
    '    }',
    `    $pending = Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending'`,
    '    if ($pending) {',
    '        Write-Log -Message "A restart is pending" -Severity 2',
    '    }',
    '    $os = Get-CimInstance -ClassName Win32_OperatingSystem',
    "    $result = [pscustomobject]@{ Computer = $Computer; Build = $os.BuildNumber; Pending = $pending }",
    `    $result | Export-Csv -Path "C:\\Windows\\Temp\\prereq-${i}.csv" -NoTypeInformation -Append`,
    '    return $true',
    '}',
    '',
  ];
  const out: string[] = [];
  for (let k = 0; out.length < count; k++) out.push(k < body.length ? body[k] : `Write-Verbose "step ${i}.${k}: nothing to do"`);
  return out;
}

/** One invocation (and the assignments it reads), in one of the forms of the issue. */
function psInvocation(i: number, typo = i % 25 === 24): string[] {
  const mp = `mp${i}.contoso.com`;
  const site = typo ? 'SMSSITECOD' : 'SMSSITECODE';
  const pki = typo ? '/UsePKICrt' : '/UsePKICert';
  switch (i % 10) {
    case 0: return [`& "$PSScriptRoot\\ccmsetup.exe" /mp:${mp} /BITSPriority:HIGH ${site}=$SiteCode`];
    case 1: return [`Start-Process -FilePath "$Source\\ccmsetup.exe" -ArgumentList "/mp:${mp}", '${pki}', "${site}=$SiteCode" -Wait`];
    case 2: return [
      `$arguments${i} = @(`,
      `    "/mp:${mp}"`,
      `    "/source:\`"$Source\`""`,
      `    '${site}=ABC'`,
      "    'SMSCACHESIZE=10240'",
      ')',
      `$process = Start-Process -FilePath $CcmsetupPath -ArgumentList $arguments${i} -Wait -PassThru`,
    ];
    case 3: return [
      `$commandLine${i} = @"`,
      `/mp:${mp} ${site}=$SiteCode FSP=fsp01.contoso.com`,
      '"@',
      `Start-Process -FilePath $CcmsetupPath -ArgumentList $commandLine${i} -Wait`,
    ];
    case 4: return [`& $CcmsetupPath /mp:${mp} ${pki} /NoCRLCheck ${site}=$SiteCode`];
    case 5: return [`msiexec.exe /i "$Source\\ccmsetup.msi" /qn CCMSETUPCMD="/mp:${mp} ${site}=$SiteCode"`];
    case 6: return [`Start-Process msiexec.exe -ArgumentList '/i', "\`"$Source\\ccmsetup.msi\`"", '/qn', "CCMSETUPCMD=\`"/mp:${mp} ${site}=$SiteCode\`"" -Wait`];
    case 7: return [
      `$line${i} = '/mp:{0} /BITSPriority:{1} ${site}={2}' -f '${mp}', 'HIGH', $SiteCode`,
      `Start-Process -FilePath $CcmsetupPath -ArgumentList $line${i} -Wait -NoNewWindow`,
    ];
    case 8: return [`cmd /c "ccmsetup.exe /mp:${mp} /forceinstall ${site}=ABC"`];
    default: return [
      `$list${i} = @("/mp:${mp}")`,
      `$list${i} += "${site}=$SiteCode"`,
      `$list${i} += 'RESETKEYINFORMATION=TRUE'`,
      `& $CcmsetupPath $list${i}`,
    ];
  }
}

const PS_HEAD = [
  '#Requires -RunAsAdministrator',
  '# Installs the Configuration Manager client on every ring, with prerequisite checks and logging.',
  'param(',
  "    [string]$Source = '\\\\cm01.contoso.com\\SMS_ABC\\Client'",
  ')',
  "$SiteCode = 'ABC'",
  "$CcmsetupPath = 'C:\\Windows\\ccmsetup\\ccmsetup.exe'",
  "$LogPath = 'C:\\Windows\\Temp\\Install-CMClient.log'",
  'function Write-Log([string]$Message, [int]$Severity = 1) {',
  '    Add-Content -Path $LogPath -Value "$(Get-Date -Format o) [$Severity] $Message"',
  '}',
];

const PS_HEAD_NONE = PS_HEAD.map((l) => l.replace(/ccmsetup/gi, 'setup')).map((l) => l.replace('Configuration Manager client', 'monitoring agent'));

function powershellScript(withInvocations: boolean): { w: Lines; invocations: number[] } {
  const w = new Lines();
  w.push(...(withInvocations ? PS_HEAD : PS_HEAD_NONE));
  const invocations: number[] = [];
  for (let i = 0; w.lines.length < LINES; i++) {
    const call = withInvocations && i < INVOCATIONS ? psInvocation(i) : [`Write-Log -Message "Ring ${i}: checked" -Severity 1`];
    const room = Math.min(BLOCK, LINES - w.lines.length) - call.length - 2;
    w.push(...psOrdinary(i, Math.max(0, room)));
    w.push(`if (-not (Test-Prerequisite${i})) { Write-Log -Message "Ring ${i} skipped" -Severity 2; return }`);
    invocations.push(w.push(...call) + call.length - 1);
    w.push(`Write-Log -Message "Ring ${i} done with $LASTEXITCODE"`);
  }
  w.lines.length = LINES;
  return { w, invocations };
}

export function powershellInput(): BenchInput {
  const { w } = powershellScript(true);
  // Probes inside argument strings: a direct call (form 0), a Start-Process string (form 1), an
  // array element (form 2) in the middle of the file, and a here-string near the end.
  const first = w.find('& "$PSScriptRoot\\ccmsetup.exe" /mp:mp0.');
  const midArray = w.find("    'SMSSITECODE=ABC'", LINES / 2);
  const midStart = w.find('Start-Process -FilePath "$Source\\ccmsetup.exe" -ArgumentList "/mp:mp1', 0);
  const lateHere = w.find('/mp:mp193.contoso.com');
  const site = w.find("$SiteCode = 'ABC'");
  return {
    id: 'powershell-10000',
    fileName: 'bench-install.ps1',
    kind: 'powershell',
    description: `${LINES.toLocaleString('en-US')}-line PowerShell script with ${INVOCATIONS} ccmsetup invocations in 10 forms (direct, Start-Process with strings, arrays, here-strings, -f, +=, msiexec CCMSETUPCMD, cmd /c) among prerequisite functions; every 25th has typos`,
    text: `${w.lines.join('\n')}\n`,
    lines: w.lines.length,
    hovers: [
      w.at('first invocation, parameter', first, '/mp:'),
      w.at('Start-Process string, property', midStart, 'SMSSITECODE'),
      w.at('middle array element, property', midArray, 'SMSSITECODE'),
      w.at('here-string near the end, property', lateHere, 'SMSSITECODE'),
    ],
    completions: [
      w.at('first invocation, parameter name', first, '/mp:'),
      w.at('middle array element, property value', midArray, 'SMSSITECODE=', true),
      w.at('here-string near the end, property name', lateHere, 'SMSSITECODE'),
    ],
    // The site code every invocation but the literal ones uses: a one-character edit that makes
    // most invocations be checked again.
    edit: { line: site, character: w.lines[site].indexOf('ABC') + 1, from: 'B', to: 'Q' },
  };
}

/** The same script, with an edit inside one invocation's arguments instead of the shared variable. */
export function powershellLocalEditInput(): BenchInput {
  const input = powershellInput();
  const lines = input.text.split('\n');
  const line = lines.findIndex((l) => l.includes('/mp:mp100.contoso.com'));
  const character = lines[line].indexOf('mp100') + 2;
  return { ...input, id: 'powershell-10000-local-edit', description: `${input.description}; the edit changes one invocation's management point`, edit: { line, character, from: '1', to: '7' } };
}

export function powershellNoInvocationInput(): BenchInput {
  const { w } = powershellScript(false);
  const text = `${w.lines.join('\n')}\n`;
  if (/ccmsetup|InstallationPropert/i.test(text)) throw new Error('bench input: the no-invocation script names ccmsetup');
  const mid = w.find('Write-Warning', LINES / 2);
  return {
    id: 'powershell-10000-none',
    fileName: 'bench-maintenance.ps1',
    kind: 'powershell',
    description: `${LINES.toLocaleString('en-US')}-line PowerShell script that never names ccmsetup (the same functions and logging)`,
    text,
    lines: w.lines.length,
    hovers: [w.at('middle, a cmdlet', mid, 'Write-Warning')],
    completions: [w.at('middle, a cmdlet', mid, 'Write-Warning', true)],
    edit: { line: mid, character: w.lines[mid].indexOf('Only') + 1, from: 'n', to: 'N' },
  };
}

// --- batch ----------------------------------------------------------------------------------------

function batchOrdinary(i: number, count: number): string[] {
  const body = [
    `:ring${i}`,
    `REM Ring ${i}: check the prerequisites, then install`,
    `set "RING=${i}"`,
    `echo %DATE% %TIME% ring %RING% starting >> "%LOG%"`,
    'if not exist "%WINDIR%\\Temp" mkdir "%WINDIR%\\Temp"',
    'for %%S in (BITS wuauserv Winmgmt) do (',
    '    sc query %%S | find "RUNNING" >nul',
    '    if errorlevel 1 (',
    '        echo %%S is not running, starting it >> "%LOG%"',
    '        net start %%S >nul 2>&1',
    '    )',
    ')',
    'reg query "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending" >nul 2>&1',
    'if %ERRORLEVEL% EQU 0 (',
    '    echo A restart is pending >> "%LOG%"',
    `    set /a PENDING+=1`,
    ')',
    `for /f "tokens=3" %%F in ('dir /-c "%SystemDrive%\\" ^| find "bytes free"') do set FREE=%%F`,
    `echo Free bytes: %FREE% >> "%LOG%"`,
    'ping -n 2 127.0.0.1 >nul',
    '',
  ];
  const out: string[] = [];
  for (let k = 0; out.length < count; k++) out.push(k < body.length ? body[k] : `echo step ${i}.${k} >> "%LOG%"`);
  return out;
}

function batchInvocation(i: number, typo = i % 25 === 24): string[] {
  const mp = `mp${i}.contoso.com`;
  const site = typo ? 'SMSSITECOD' : 'SMSSITECODE';
  const pki = typo ? '/UsePKICrt' : '/UsePKICert';
  switch (i % 7) {
    case 0: return [`"%~dp0ccmsetup.exe" /mp:${mp} /BITSPriority:HIGH ${site}=%SITE%`];
    case 1: return [`start /wait "" "%~dp0ccmsetup.exe" /mp:${mp} /source:"%~dp0." ^`, `    ${site}=%SITE% ^`, '    SMSCACHESIZE=10240'];
    case 2: return [`call %CCMSETUP% /mp:${mp} ${pki} ${site}=%SITE%`];
    case 3: return [`cmd /c "ccmsetup.exe /mp:${mp} /forceinstall ${site}=ABC"`];
    case 4: return [`msiexec /i "%~dp0ccmsetup.msi" /qn CCMSETUPCMD="/mp:${mp} ${site}=%SITE%"`];
    case 5: return [`psexec \\\\pc${i}.contoso.com -s \\\\cm01.contoso.com\\SMS_ABC\\Client\\ccmsetup.exe /mp:${mp} ${site}=%SITE%`];
    default: return [`if exist "%~dp0ccmsetup.exe" (`, `    "%~dp0ccmsetup.exe" /mp:${mp} ${pki} ${site}=%SITE%`, ')'];
  }
}

const BATCH_HEAD = [
  '@echo off',
  'REM Installs the Configuration Manager client ring by ring, with prerequisite checks and logging.',
  'setlocal',
  'set "SITE=ABC"',
  'set "CCMSETUP=C:\\Windows\\ccmsetup\\ccmsetup.exe"',
  'set "LOG=%WINDIR%\\Temp\\Install-CMClient.log"',
  'set PENDING=0',
];

export function batchInput(): BenchInput {
  const w = new Lines();
  w.push(...BATCH_HEAD);
  for (let i = 0; w.lines.length < LINES; i++) {
    const call = i < INVOCATIONS ? batchInvocation(i) : [`echo ring ${i} done >> "%LOG%"`];
    const room = Math.min(BLOCK, LINES - w.lines.length) - call.length - 1;
    w.push(...batchOrdinary(i, Math.max(0, room)));
    w.push(...call);
    w.push(`echo %DATE% %TIME% ring ${i} returned %ERRORLEVEL% >> "%LOG%"`);
  }
  w.lines.length = LINES;
  const first = w.find('/mp:mp0.');
  const mid = w.find('/mp:mp100.');
  const late = w.find('/mp:mp196.');
  const site = w.find('set "SITE=ABC"');
  return {
    id: 'batch-10000',
    fileName: 'bench-install.cmd',
    kind: 'batch',
    description: `${LINES.toLocaleString('en-US')}-line batch file with ${INVOCATIONS} ccmsetup invocations in 7 forms (direct, start /wait, call %VAR%, cmd /c, msiexec CCMSETUPCMD, psexec, in if blocks; ^ continuations) among loops and logging; every 25th has typos`,
    text: `${w.lines.join('\r\n')}\r\n`,
    lines: w.lines.length,
    hovers: [w.at('first invocation, parameter', first, '/mp:'), w.at('middle invocation, property', mid, 'SMSSITECODE'), w.at('late invocation, property', late, 'SMSSITECODE')],
    completions: [w.at('first invocation, parameter name', first, '/mp:'), w.at('middle invocation, property value', mid, 'SMSSITECODE=', true)],
    edit: { line: site, character: w.lines[site].indexOf('ABC') + 1, from: 'B', to: 'Q' },
  };
}

/**
 * A smaller script of the same make for tests that compare every version with a fresh analysis:
 * `count` invocations in every form, a few lines of ordinary code between them, and a suppression
 * comment above every seventh; every fifth has typos.
 */
export function smallScript(kind: 'powershell' | 'batch', count: number): string {
  const w = new Lines();
  w.push(...(kind === 'powershell' ? PS_HEAD : BATCH_HEAD));
  for (let i = 0; i < count; i++) {
    w.push(...(kind === 'powershell' ? psOrdinary(i, 40).slice(10, 12) : batchOrdinary(i, 21).slice(1, 5)));
    for (let k = 0; k < i % 4; k++) w.push(kind === 'powershell' ? `Write-Log -Message "Ring ${i}.${k}"` : `echo ring ${i}.${k} >> "%LOG%"`);
    const call = kind === 'powershell' ? psInvocation(i, i % 5 === 2) : batchInvocation(i, i % 5 === 2);
    // Above the command that starts ccmsetup (after the lines that build its arguments).
    if (i % 7 === 3) call.splice(call.length - 1, 0, kind === 'powershell' ? '# comanage-disable-next-line unknown-property' : 'REM comanage-disable-next-line unknown-property');
    w.push(...call);
  }
  return `${w.lines.join('\n')}\n`;
}

/** The batch file, with an edit inside one invocation's arguments instead of the shared variable. */
export function batchLocalEditInput(): BenchInput {
  const input = batchInput();
  const lines = input.text.split('\r\n');
  const line = lines.findIndex((l) => l.includes('/mp:mp100.contoso.com'));
  const character = lines[line].indexOf('mp100') + 2;
  return { ...input, id: 'batch-10000-local-edit', description: `${input.description}; the edit changes one invocation's management point`, edit: { line, character, from: '1', to: '7' } };
}

export function scriptInputs(): BenchInput[] {
  return [powershellInput(), powershellLocalEditInput(), powershellNoInvocationInput(), batchInput(), batchLocalEditInput()];
}
