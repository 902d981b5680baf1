// PowerShell mistakes that change what ccmsetup receives. Each is a small rule: id, severity from
// the words of the docs, our own message, a doc link, its check, and fixtures (whole scripts)
// that must raise it and must not (test/scriptsPowershell.test.ts runs them).
import type { Problem } from '../languageTypes';
import { HostRule, hostProblem } from './hostRule';
import type { Decoded } from './decoded';
import type { PsToken } from './powershellLexer';
import { isWholeString } from './powershellDecode';


const START_PROCESS_DOC = 'https://learn.microsoft.com/powershell/module/microsoft.powershell.management/start-process#-argumentlist';
const PARSING_DOC = 'https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_parsing#passing-arguments-that-contain-quote-characters';
const QUOTING_DOC = 'https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules#single-quoted-strings';

export const startProcessSplitArgument: HostRule = {
  id: 'start-process-split-argument', severity: 'warning', docUrl: START_PROCESS_DOC, host: 'powershell',
  title: 'A Start-Process -ArgumentList element with a blank inside a value: it reaches ccmsetup as two arguments',
  examples: {
    fail: ["Start-Process -FilePath 'ccmsetup.exe' -ArgumentList '/mp:mp01.contoso.com', 'SMSSITECODE=ABC', '/source:\\\\srv\\Client Files'"],
    pass: ["Start-Process -FilePath 'ccmsetup.exe' -ArgumentList '/mp:mp01.contoso.com', 'SMSSITECODE=ABC', '/source:\"\\\\srv\\Client Files\"'"],
  },
};

export const embeddedQuotes: HostRule = {
  id: 'powershell-embedded-quotes', severity: 'warning', docUrl: PARSING_DOC, host: 'powershell',
  title: 'Double quotes inside a quoted argument of a directly run program: Windows PowerShell 5.1 passes them unescaped',
  examples: {
    fail: ["& .\\ccmsetup.exe '/mp:mp01.contoso.com' 'SMSSITECODE=ABC' 'SMSCACHEDIR=\"D:\\Cache Folder\"'"],
    pass: ['& .\\ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC SMSCACHEDIR="D:\\Cache Folder"'],
  },
};

export const singleQuotedVariable: HostRule = {
  id: 'powershell-single-quoted-variable', severity: 'warning', docUrl: QUOTING_DOC, host: 'powershell',
  title: 'A $variable inside single quotes: PowerShell passes its name, not its value',
  examples: {
    fail: ["$MP = 'mp01.contoso.com'\nStart-Process ccmsetup.exe -ArgumentList '/mp:$MP SMSSITECODE=ABC'"],
    pass: ["$MP = 'mp01.contoso.com'\nStart-Process ccmsetup.exe -ArgumentList \"/mp:$MP SMSSITECODE=ABC\""],
  },
};

export const POWERSHELL_RULES: readonly HostRule[] = [startProcessSplitArgument, embeddedQuotes, singleQuotedVariable];

/** What starts a new ccmsetup argument after a blank: a /switch, a NAME=value, or nothing more. */
const NEW_ARGUMENT = /^(?:[/-]|[A-Za-z_][\w.]*[=:])/;

/** Start-Process joins elements with spaces and adds no quotes: a blank inside a value splits it. */
export function checkSplitElements(text: string, elements: { text: string; offsets: readonly number[]; span: { start: number; end: number } }[]): Problem[] {
  const found: Problem[] = [];
  for (const element of elements) {
    let quoted = false;
    for (let i = 0; i < element.text.length; i++) {
      const ch = element.text[i];
      if (ch === '"') quoted = !quoted;
      if (quoted || (ch !== ' ' && ch !== '\t')) continue;
      const rest = element.text.slice(i + 1).trimStart();
      if (rest === '' || NEW_ARGUMENT.test(rest)) continue;
      const at = element.offsets[i];
      found.push(hostProblem(startProcessSplitArgument, { start: at, end: at + 1 },
        'Start-Process joins -ArgumentList elements with spaces and adds no quotes, so this blank splits the value: ccmsetup receives two arguments. Put escaped double quotes around the value (`"…`" or \'"…"\').'));
      break;
    }
  }
  return found;
}

/** A whole quoted argument with `"` inside, given to a program run directly (`& ccmsetup.exe '…"…"'`). */
export function checkEmbeddedQuotes(text: string, token: PsToken, line: Decoded): Problem[] {
  if (token.kind !== 'word' || !isWholeString(text, token.start, token.end)) return [];
  const inner = text.slice(token.start + 1, token.end - 1);
  if (!/["\u201C\u201D\u201E]/.test(inner.replace(/`"/g, '"'))) return [];
  void line;
  return [hostProblem(embeddedQuotes, { start: token.start, end: token.end },
    'Windows PowerShell 5.1 (and PowerShell 7.2 or earlier) does not escape double quotes inside an argument when it builds the command line, so ccmsetup may receive this argument cut at its quotes. Write the argument unquoted with the quotes where ccmsetup needs them (NAME="value"), or pass the whole line with Start-Process -ArgumentList.')];
}

/** `'/mp:$MP'`: in single quotes nothing is expanded. */
export function checkSingleQuotedVariables(text: string, line: Decoded): Problem[] {
  const found: Problem[] = [];
  for (const region of line.regions) {
    if (region.style !== 'sq' && region.style !== 'here-sq') continue;
    const re = /\$(?:\{[^}]*\}|\(|[A-Za-z_]\w*)/g;
    for (const match of text.slice(region.start, region.end).matchAll(re)) {
      const at = region.start + (match.index ?? 0);
      const shown = match[0] === '$(' ? '$(…)' : match[0];
      found.push(hostProblem(singleQuotedVariable, { start: at, end: at + match[0].length },
        `PowerShell doesn't expand variables in single quotes: ccmsetup receives the text ${shown}, not its value. Use double quotes to pass the value.`));
    }
  }
  return found;
}
