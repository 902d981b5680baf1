// Figures for scripts (issue 12), PowerShell side: time from text to findings on large scripts
// (10,000 lines with 200 invocations in the forms admins use; 10,000 lines with none, which the
// prefilter answers), a one-character edit, and hover/completion inside an invocation.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/core/languageService';

const FORMS = [
  (i: number) => `Start-Process -FilePath "$PSScriptRoot\\ccmsetup.exe" -ArgumentList "/mp:$MP", 'SMSSITECODE=ABC', '/logon' -Wait # ${i}`,
  (i: number) => `& "\\\\cm01\\Client\\ccmsetup.exe" /mp:cm01.contoso.com SMSSITECODE=$SiteCode \`\n    SMSCACHESIZE=${i}`,
  (i: number) => `$a${i} = @('/mp:cm01.contoso.com', 'SMSSITECODE=ABC')\nStart-Process ccmsetup.exe -ArgumentList $a${i}`,
  (i: number) => `msiexec /i ccmsetup.msi /qn CCMSETUPCMD="/mp:cm01.contoso.com SMSSITECODE=ABC FSP=fsp${i}.contoso.com"`,
];

export function largeScript(invocations: number, lines = 10_000): string {
  const out: string[] = ["$MP = 'cm01.contoso.com'", "$SiteCode = 'ABC'"];
  const every = invocations ? Math.floor(lines / invocations) : Infinity;
  for (let i = 0; out.length < lines; i++) {
    out.push(i % every === every - 1 ? FORMS[i % FORMS.length](i) : `Write-Verbose "step ${i}"; $count${i % 50} = Get-Random -Maximum ${i}`);
  }
  return out.join('\n');
}

function median(f: () => void, runs = 7): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) { const t = performance.now(); f(); times.push(performance.now() - t); }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function powershellScripts(): Promise<string[]> {
  const busy = largeScript(200);
  const quiet = largeScript(0);
  let version = 0;
  const open = (text: string) => () => { getLanguageService().analyze(TextDocument.create(`file:///r/${++version}.ps1`, 'powershell', 1, text)); };
  const service = getLanguageService();
  const edited = busy.replace('step 5000', 'step 50000');
  const edit = () => {
    const uri = `file:///r/edit${++version}.ps1`;
    service.analyze(TextDocument.create(uri, 'powershell', 1, busy));
    const t = performance.now();
    service.analyze(TextDocument.create(uri, 'powershell', 2, edited));
    return performance.now() - t;
  };
  const edits = Array.from({ length: 5 }, edit).sort((a, b) => a - b)[2];
  const doc = TextDocument.create('file:///r/hover.ps1', 'powershell', 1, busy);
  service.analyze(doc);
  const at = doc.positionAt(busy.indexOf('SMSSITECODE=ABC') + 3);
  const hover = median(() => { for (let i = 0; i < 100; i++) service.doHover(doc, at); }) / 100;
  const complete = median(() => { for (let i = 0; i < 100; i++) service.doComplete(doc, at); }) / 100;
  return [
    '| PowerShell script | median ms |',
    '| --- | --- |',
    `| 10,000 lines, 200 invocations: open to findings | ${median(open(busy)).toFixed(1)} |`,
    `| same, one-character edit to findings | ${edits.toFixed(1)} |`,
    `| 10,000 lines, no invocation (prefilter) | ${median(open(quiet)).toFixed(2)} |`,
    `| hover inside an invocation | ${hover.toFixed(3)} |`,
    `| completion inside an invocation | ${complete.toFixed(3)} |`,
  ];
}

if (require.main === module) void powershellScripts().then((lines) => console.log(lines.join('\n')));
