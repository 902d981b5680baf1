// Properties of the script hosts (server/src/core/hosts/), for test/fuzz/properties.ts:
// - round trip: any text a fix or a completion writes into an argument, escaped by the invocation's
//   own `encode` (the quick-fix path) and put in the script, decodes back to exactly that text, in
//   every PowerShell string style and in batch (quoted or not, in CCMSETUPCMD, with delayed
//   expansion); where `encode` refuses, the text really can't be written there;
// - decode then re-encode: argument text written the way scripts write it (escapes, doubled quotes,
//   variables, ^ and %%) decodes to a text that, encoded again, decodes to the same text;
// - placement: every finding in a script built from invocation templates with random argument
//   content lies inside the text its invocation was read from (or on a constant it uses), and
//   applying any fix leaves the same number of invocations.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findBatchLines } from '../../server/src/core/hosts/batch';
import { sourceRange } from '../../server/src/core/hosts/embed';
import type { EmbeddedLine } from '../../server/src/core/hosts/host';
import { findPowerShellLines } from '../../server/src/core/hosts/powershell';
import { getLanguageService } from '../../server/src/core/languageService';

const MARK = 'QQMARKQQ';

interface Form {
  name: string;
  host: 'powershell' | 'batch';
  /** A script with MARK where the argument text goes. */
  script: string;
  /** Characters this form can't carry whatever the escaping (encode must refuse them). */
  impossible?: RegExp;
  /** Blank runs are argument separators here: compared as one space. */
  blanksSeparate?: boolean;
}

const FORMS: Form[] = [
  { name: 'PowerShell "…"', host: 'powershell', script: '$x = 1\nStart-Process ccmsetup.exe -ArgumentList "/mp:cm01 QQMARKQQ /logon" -Wait\n' },
  { name: "PowerShell '…'", host: 'powershell', script: "Start-Process ccmsetup.exe -ArgumentList '/mp:cm01 QQMARKQQ /logon' -Wait\n" },
  { name: 'PowerShell @"…"@', host: 'powershell', script: 'Start-Process ccmsetup.exe -ArgumentList @"\n/mp:cm01 QQMARKQQ /logon\n"@ -Wait\n' },
  // A literal here-string has no escapes at all: only a line starting with '@ can't be written.
  { name: "PowerShell @'…'@", host: 'powershell', script: "Start-Process ccmsetup.exe -ArgumentList @'\n/mp:cm01 QQMARKQQ /logon\n'@ -Wait\n", impossible: /(?:^|[\n\r])['\u2018-\u201B]@/ },
  { name: 'PowerShell array element', host: 'powershell', script: "Start-Process ccmsetup.exe -ArgumentList '/mp:cm01', 'QQMARKQQ', '/logon'\n" },
  { name: 'PowerShell native bare word', host: 'powershell', script: '& .\\ccmsetup.exe /mp:cm01 QQMARKQQ /logon\n', blanksSeparate: true },
  { name: 'PowerShell msiexec CCMSETUPCMD', host: 'powershell', script: 'Start-Process msiexec.exe -ArgumentList "/i ccmsetup.msi CCMSETUPCMD=""/mp:cm01 QQMARKQQ""" -Wait\n' },
  // cmd can't carry a line break inside a command line.
  { name: 'batch bare', host: 'batch', script: '@echo off\r\n"%~dp0ccmsetup.exe" /mp:cm01 QQMARKQQ /logon\r\n', impossible: /[\r\n]/ },
  { name: 'batch "…"', host: 'batch', script: '@echo off\r\nccmsetup.exe /mp:cm01 "QQMARKQQ" /logon\r\n', impossible: /[\r\n]/ },
  { name: 'batch CCMSETUPCMD', host: 'batch', script: 'msiexec /i ccmsetup.msi /qn CCMSETUPCMD="/mp:cm01 QQMARKQQ"\r\n', impossible: /[\r\n]/ },
  // With delayed expansion on, cmd eats a ! that nothing can escape inside quotes.
  { name: 'batch delayed expansion', host: 'batch', script: 'setlocal EnableDelayedExpansion\r\nccmsetup.exe /mp:cm01 QQMARKQQ /logon\r\n', impossible: /[\r\n!]/ },
];

const find = (host: Form['host'], text: string): EmbeddedLine[] => (host === 'powershell' ? findPowerShellLines(text) : findBatchLines(text));

/**
 * What ccmsetup would get. Where blanks only separate arguments (PowerShell rejoins a native call's
 * arguments), the arguments as Windows splits them: `"ab"` and `ab` are the same argument there.
 */
const normal = (form: Form, text: string) => (form.blanksSeparate ? JSON.stringify(argv(text)) : text);

/** Windows' argument splitting, enough to compare: blanks separate outside quotes, quotes are dropped. */
function argv(text: string): string[] {
  const args: string[] = [];
  let current: string | undefined;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') { quoted = !quoted; current ??= ''; continue; }
    if (!quoted && (ch === ' ' || ch === '\t')) { if (current !== undefined) args.push(current); current = undefined; continue; }
    current = (current ?? '') + ch;
  }
  if (current !== undefined) args.push(current);
  return args;
}

/** The text the program receives for each invocation of `script`. */
const received = (form: Form, script: string) => find(form.host, script).map((line) => normal(form, line.source.text));

/** Escapes `value` with the invocation's own encode at MARK; the script with it, or undefined if refused. */
function written(form: Form, value: string): string | undefined {
  const [line] = find(form.host, form.script);
  assert.ok(line, `${form.name}: the template has no invocation`);
  const at = form.script.indexOf(MARK);
  const encoded = line.encode(value, at, at + MARK.length);
  return encoded === undefined ? undefined : form.script.slice(0, at) + encoded + form.script.slice(at + MARK.length);
}

/** The round trip of one value in one form. */
export function checkRoundTrip(form: Form, value: string): void {
  const expected = find(form.host, form.script).map((line) => normal(form, line.source.text.replace(MARK, () => value)));
  assert.equal(expected.length, 1, `${form.name}: the template should hold one invocation`);
  const script = written(form, value);
  if (script === undefined) {
    assert.ok(form.impossible?.test(value), `${form.name}: encode refused ${JSON.stringify(value)}, which can be written there`);
    return;
  }
  assert.deepEqual(received(form, script), expected, `${form.name}: ${JSON.stringify(value)} written as ${JSON.stringify(script)}`);
}

/** Text as a fix or completion writes it: what ccmsetup should receive. */
const receivedUnit = fc.constantFrom(
  'a', 'Z', '1', ' ', '  ', '\t', '"', "'", '`', '$', '/', ':', '=', '\\', '{', '}', '(', ')', ',', ';', '#', '@', '%', '^', '!',
  '&', '|', '<', '>', '*', '?', '-', '.', '\n', '\r\n', '\u201C', '\u201D', '\u2018', '\u2019', '\u00a0',
  '$x', '${x}', '$(x)', '"@', "'@", '\n"@', "\n'@", '%%', '%x%', '!x!', '^^', '--%', '""', "''", '`n', '$1', '${1|a,b|}',
);
export const receivedText = fc.array(receivedUnit, { maxLength: 16 }).map((units) => units.join(''));
export const formArbitrary = fc.constantFrom(...FORMS);

export const roundTripProperty = fc.property(formArbitrary, receivedText, (form, value) => checkRoundTrip(form, value));

// --- decode then re-encode: argument text as scripts write it ------------------------------------

/** Pieces of a PowerShell double-quoted string's content, each valid there on its own. */
const dqPiece = fc.constantFrom('a', ' ', 'SMSSITECODE=', '/mp:', '`"', '""', '``', '`$', '`n', '`t', '`0', '$x', '${x}', '$(Get-X)', '$env:windir', "'", '%', '^', '\u201C\u201C', '#', '\n');
/** Pieces of a single-quoted string's content. */
const sqPiece = fc.constantFrom('a', ' ', 'SMSSITECODE=', '/mp:', "''", '`', '$x', '"', '\u2018\u2018', '%', '\n', '#');
/** Pieces of a batch command line after the program (outside quotes unless a piece opens them). */
const batchPiece = fc.constantFrom('a', ' ', 'SMSSITECODE=', '/mp:', '^&', '^^', '^|', '^<', '^>', '%%', '%x%', '%~dp0', '"a b"', '"x^y"', '"%%"', '^"');

const decodeForms: { form: Form; piece: fc.Arbitrary<string> }[] = [
  { form: FORMS[0], piece: dqPiece },
  { form: FORMS[1], piece: sqPiece },
  { form: FORMS[7], piece: batchPiece },
];

export const decodeReencodeProperty = fc.property(
  fc.constantFrom(...decodeForms).chain(({ form, piece }) => fc.tuple(fc.constant(form), fc.array(piece, { maxLength: 12 }).map((p) => p.join('')))),
  ([form, source]) => {
    const script = form.script.replace(MARK, () => source);
    const lines = find(form.host, script);
    assert.equal(lines.length, 1, `${form.name}: ${JSON.stringify(script)} should hold one invocation`);
    // What the host made of the source text, between the template's own characters.
    const decoded = normal(form, lines[0].source.text);
    const [prefix, suffix] = received(form, form.script)[0].split(MARK);
    assert.ok(decoded.startsWith(prefix) && decoded.endsWith(suffix), `${form.name}: ${JSON.stringify(decoded)}`);
    const value = decoded.slice(prefix.length, decoded.length - suffix.length);
    checkRoundTrip(form, value);
  },
);

// --- placement of findings ---------------------------------------------------------------------

const argPiece = fc.constantFrom(
  '/mp=cm01', '/mp:cm01', 'SMSSITECODE:ABC', 'SMSSITECODE=ABCD', 'smssitecode=ABC', '/logon', '/forceinstal', 'SMSSITECODEE=ABC',
  'CCMHOSTNAME=https://x', '/source:C:\\A B', '/CCMHOSTNAME:x', 'SMSCACHESIZE=lots', '$Site', '%SITE%', '"', "'", '`', '^', '%', ' ', '"a b"', '$(x)',
);
const psTemplates = [
  (a: string) => `Start-Process ccmsetup.exe -ArgumentList "${a.replace(/["`$]/g, '`$&')}" -Wait`,
  (a: string) => `Start-Process -FilePath "$PSScriptRoot\\ccmsetup.exe" -ArgumentList '${a.replace(/'/g, "''")}'`,
  (a: string) => `$args1 = @"\n${a.replace(/\n"@/g, '')}\n"@\nStart-Process ccmsetup.exe -ArgumentList $args1`,
  (a: string) => `$list = @()\n${a.split(' ').filter(Boolean).map((p) => `$list += '${p.replace(/'/g, "''")}'`).join('\n')}\nStart-Process ccmsetup.exe -ArgumentList $list`,
  (a: string) => `& .\\ccmsetup.exe ${a}`,
  (a: string) => `ccmsetup.exe /mp:cm01 \`\n    ${a}`,
  (a: string) => `cmd /c "ccmsetup.exe ${a.replace(/"/g, '')}"`,
  (a: string) => `msiexec /i ccmsetup.msi /qn CCMSETUPCMD="${a.replace(/["`$]/g, '')}"`,
];
const batchTemplates = [
  (a: string) => `"%~dp0ccmsetup.exe" ${a}`,
  (a: string) => `ccmsetup.exe /mp:cm01 ^\r\n  ${a}`,
  (a: string) => `start /wait "" ccmsetup.exe ${a}`,
  (a: string) => `for %%i in (pc1 pc2) do psexec \\\\%%i -s ccmsetup.exe ${a}`,
  (a: string) => `msiexec /i ccmsetup.msi CCMSETUPCMD="${a.replace(/"/g, '')}"`,
];

const service = getLanguageService();

export const placementProperty = fc.property(
  fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.array(argPiece, { maxLength: 6 })), { minLength: 1, maxLength: 3 }),
  (powershell, invocations) => {
    const templates = powershell ? psTemplates : batchTemplates;
    const body = invocations.map(([k, pieces]) => templates[k % templates.length](pieces.join(' '))).join(powershell ? '\n' : '\r\n');
    const text = powershell ? `$Site = 'ABCD'\n${body}\nWrite-Host done\n` : `@echo off\r\nset SITE=ABCD\r\n${body}\r\necho done\r\n`;
    const host = powershell ? 'powershell' : 'batch';
    const document = TextDocument.create(`file:///fuzz/install.${powershell ? 'ps1' : 'cmd'}`, powershell ? 'powershell' : 'bat', 1, text);
    const lines = find(host, text);
    const allowed = lines.flatMap((line) => [sourceRange(line), ...line.symbols.flatMap((s) => (s.constant ? [s.constant.span] : []))]);
    for (const problem of service.analyze(document)) {
      if (problem.code === 'unknown-directive') continue;
      const within = (s: { start: number; end: number }) => problem.span.start >= s.start && problem.span.end <= s.end;
      assert.ok(allowed.some(within), `${problem.code} ${JSON.stringify(problem.span)} outside its invocation in ${JSON.stringify(text)}`);
      for (const fix of problem.fixes ?? []) {
        let fixed = text;
        for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) fixed = fixed.slice(0, edit.span.start) + edit.newText + fixed.slice(edit.span.end);
        assert.equal(find(host, fixed).length, lines.length, `"${fix.title}" for ${problem.code} changed the invocations: ${JSON.stringify(fixed)}`);
      }
    }
  },
);
