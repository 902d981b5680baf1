// RELIABILITY.md section on text pasted from Word, mail and the web: for each class of character
// the core flags, one pasted line (a .ccmsetup line, a manifest's embedded command line, a
// manifest key) is run through getLanguageService(): which finding lands on the character, what
// its message says, and whether the file-wide fix (source.fixAll.comanage) leaves a clean file.
// Also what the re-check of such lines costs. Every figure comes from the run that prints it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/core/languageService';
import type { CodeAction } from '../../server/src/core/languageTypes';

interface Case { what: string; file: string; text: string; char: string }

const LINE = (pasted: string) => `ccmsetup.exe /mp:mp01.contoso.com ${pasted}`;
const POLICY = (commandLine: string) => `version: 1\ncomanagement:\n  policies:\n    - name: pilot\n      commandLine: ${commandLine}\n`;

const CASES: Case[] = [
  { what: 'Typographic double quotes', file: 'a.ccmsetup', text: 'CCMSETUPCMD=\u201cCCMHOSTNAME=mp.contoso.com/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC\u201d', char: '\u201c' },
  { what: 'Typographic single quotes', file: 'a.ccmsetup', text: LINE('SMSSITECODE=ABC CCMADMINS=\u2018contoso\\admin\u2019'), char: '\u2018' },
  { what: 'Angle quotes', file: 'a.ccmsetup', text: 'ccmsetup.exe /source:\u00ab\\\\server\\share\u00bb SMSSITECODE=ABC', char: '\u00ab' },
  { what: 'No-break space between two arguments', file: 'a.ccmsetup', text: 'ccmsetup.exe /mp:mp01.contoso.com\u00a0SMSSITECODE=ABC', char: '\u00a0' },
  { what: 'Other Unicode space (thin, ideographic, …)', file: 'a.ccmsetup', text: 'ccmsetup.exe /mp:mp01.contoso.com\u3000SMSSITECODE=ABC', char: '\u3000' },
  { what: 'Zero-width space in a name', file: 'a.ccmsetup', text: LINE('SMSSITE\u200bCODE=ABC'), char: '\u200b' },
  { what: 'Soft hyphen in an https address', file: 'a.ccmsetup', text: 'ccmsetup.exe /mp:https://mp1.con\u00adtoso.com SMSSITECODE=ABC', char: '\u00ad' },
  { what: 'Byte order mark inside the line', file: 'a.ccmsetup', text: LINE('SMSSITECODE=AB\ufeffC'), char: '\ufeff' },
  { what: 'En dash as a switch prefix', file: 'a.ccmsetup', text: 'ccmsetup.exe \u2013mp:mp01.contoso.com SMSSITECODE=ABC', char: '\u2013' },
  { what: 'Minus sign as a switch prefix', file: 'a.ccmsetup', text: 'ccmsetup.exe \u2212UsePKICert SMSSITECODE=ABC', char: '\u2212' },
  { what: 'Non-breaking hyphen in a host name', file: 'a.ccmsetup', text: 'ccmsetup.exe /mp:mp\u201101.contoso.com SMSSITECODE=ABC', char: '\u2011' },
  { what: 'Full-width equals sign', file: 'a.ccmsetup', text: LINE('SMSSITECODE\uff1dABC'), char: '\uff1d' },
  { what: 'Bidi control (right-to-left override)', file: 'a.ccmsetup', text: LINE('SMSSITECODE=AB\u202eC'), char: '\u202e' },
  { what: 'Cyrillic С in SMSSITECODE', file: 'a.ccmsetup', text: LINE('SMSSITE\u0421ODE=ABC'), char: '\u0421' },
  { what: 'Greek Ο in a host name', file: 'a.ccmsetup', text: 'ccmsetup.exe /mp:MP01.C\u039fNTOSO.COM SMSSITECODE=ABC', char: '\u039f' },
  { what: 'Manifest command line, double-quoted YAML', file: 'a.comanage.yaml', text: POLICY('"CCMSETUPCMD=\u201cCCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC\u201d"'), char: '\u201c' },
  { what: 'Manifest command line, folded YAML', file: 'a.comanage.yaml', text: POLICY('>-\n        CCMSETUPCMD="/UsePKICert\u00a0CCMHOSTNAME=mp.contoso.com\n        SMSSITECODE=ABC"'), char: '\u00a0' },
  { what: 'Manifest key with a Cyrillic е', file: 'a.comanage.yaml', text: 'version: 1\nsit\u0435:\n  code: ABC\n', char: '\u0435' },
  { what: 'Manifest key with a zero-width space', file: 'a.comanage.yaml', text: 'version: 1\nsi\u200bte:\n  code: ABC\n', char: '\u200b' },
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function applyAction(document: TextDocument, action: CodeAction | undefined): string | undefined {
  const edits = action?.edit?.changes?.[document.uri];
  if (!edits) return undefined;
  return TextDocument.applyEdits(document, edits);
}

export async function pasteArtifactsSection(): Promise<string[]> {
  const lines: string[] = [
    '## Text pasted from Word, mail and the web',
    '',
    'Each row is one pasted line run through the core (`getLanguageService()`): the finding that',
    'lands exactly on the pasted character, the start of its message, and whether the file-wide',
    'fix (`source.fixAll.comanage`, the same edits as "Replace all N typographic characters in',
    'this file") leaves a file with no finding at all.',
    '',
    '| Pasted | Finding on the character | Message (start) | Other findings | Fix-all leaves a clean file |',
    '| --- | --- | --- | ---: | --- |',
  ];
  let held = 0;
  for (const [index, c] of CASES.entries()) {
    const service = getLanguageService();
    const document = TextDocument.create(`file:///paste/${index}/${c.file}`, 'plain', 1, c.text);
    const problems = service.analyze(document);
    const at = c.text.indexOf(c.char);
    const onChar = problems.find((p) => p.span.start === at && p.span.end === at + 1);
    const rest = problems.filter((p) => p !== onChar && p.code !== onChar?.code).length;
    const all = service.getCodeActions(document, { start: document.positionAt(0), end: document.positionAt(c.text.length) })
      .find((a) => a.kind === 'source.fixAll.comanage');
    const fixed = applyAction(document, all);
    const clean = fixed !== undefined && getLanguageService().analyze(TextDocument.create(`file:///paste/${index}/fixed/${c.file}`, 'plain', 1, fixed)).length === 0;
    if (onChar && clean) held++;
    const excerpt = onChar ? `${onChar.message.slice(0, 110)}${onChar.message.length > 110 ? '…' : ''}` : '(none)';
    lines.push(`| ${cell(c.what)} | ${onChar ? `\`${onChar.code}\`` : '**FAILED**: none'} | ${cell(excerpt)} | ${rest} | ${clean ? 'yes' : '**FAILED**: no'} |`);
  }
  lines.push('', `${held} of ${CASES.length} pasted lines: the character named on its own range, and the fix-all leaves a clean file.`);
  lines.push('', ...cost());
  return lines;
}

/** What checking lines with pasted characters costs next to the same lines in ASCII (a re-check per such line). */
function cost(): string[] {
  const count = 2000;
  const ascii = Array.from({ length: count }, (_, i) => `ccmsetup.exe /mp:mp${i}.contoso.com SMSSITECODE=ABC CCMEVALHOUR=${i % 24}`).join('\n');
  const pasted = Array.from({ length: count }, (_, i) => `ccmsetup.exe /mp:mp${i}.contoso.com\u00a0SMSSITECODE=\u201cABC\u201d CCMEVALHOUR=${i % 24}`).join('\n');
  const time = (text: string, name: string) => {
    const samples: number[] = [];
    for (let run = 0; run < 5; run++) {
      const service = getLanguageService();
      const document = TextDocument.create(`file:///cost/${name}/${run}.ccmsetup`, 'plain', 1, text);
      const start = performance.now();
      service.analyze(document);
      samples.push(performance.now() - start);
    }
    return Math.min(...samples);
  };
  const plain = time(ascii, 'ascii');
  const withChars = time(pasted, 'pasted');
  return [
    `Cost: ${count.toLocaleString('en-US')} command lines, fastest of 5 full analyses: ${plain.toFixed(0)} ms in ASCII, ${withChars.toFixed(0)} ms with a no-break space and two typographic quotes on every line`
      + ` (each such line is checked a second time with the characters replaced, to tell which findings they cause).`,
  ];
}

if (require.main === module) {
  pasteArtifactsSection().then((lines) => console.log(lines.join('\n')), (error) => { console.error(error); process.exit(1); });
}
