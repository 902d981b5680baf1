// Batch mistakes that change what ccmsetup receives. Same shape as the PowerShell ones
// (powershellRules.ts): id, severity from the words of the docs, our own message, a doc link,
// and whole-script fixtures that must raise it and must not (test/scriptsBatch.test.ts runs them).
import type { Problem } from '../languageTypes';
import { HostRule, hostProblem } from './hostRule';

const FOR_DOC = 'https://learn.microsoft.com/windows-server/administration/windows-commands/for#remarks';

/** The `for` docs say a batch file must write the loop variable `%%i`; `%i` works only at a prompt. */
export const forVariableSinglePercent: HostRule = {
  id: 'for-variable-single-percent', severity: 'error', docUrl: FOR_DOC, host: 'batch',
  title: 'A for loop variable written with one % in a batch file: the loop never runs as written',
  examples: {
    fail: ['for %i in (pc001 pc002) do psexec \\\\%i -s \\\\srv\\Client\\ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC'],
    pass: ['for %%i in (pc001 pc002) do psexec \\\\%%i -s \\\\srv\\Client\\ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC'],
  },
};

const START_DOC = 'https://learn.microsoft.com/windows-server/administration/windows-commands/start';

/** The start docs list a quoted title first but don't spell out that any first quoted argument is taken as it: advice. */
export const startQuotedProgram: HostRule = {
  id: 'start-quoted-program-is-title', severity: 'hint', docUrl: START_DOC, host: 'batch',
  title: 'A quoted program right after start: start takes it as the window title and does not run it',
  examples: {
    fail: ['start /wait "%~dp0ccmsetup.exe" /mp:mp01.contoso.com SMSSITECODE=ABC'],
    pass: ['start /wait "" "%~dp0ccmsetup.exe" /mp:mp01.contoso.com SMSSITECODE=ABC'],
  },
};

const PERCENT_DOC = 'https://learn.microsoft.com/windows-server/administration/windows-commands/cmd';

/** cmd drops a `%` that starts no variable from a batch file's line; its docs don't say so: advice. */
export const lonePercent: HostRule = {
  id: 'batch-lone-percent', severity: 'hint', docUrl: PERCENT_DOC, host: 'batch',
  title: 'A single % in a batch file that starts no variable: cmd removes it before ccmsetup runs',
  examples: {
    fail: ['ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC SMSCACHEFLAGS=PERCENTDISKSPACE SMSCACHESIZE=10%'],
    pass: ['ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC SMSCACHEFLAGS=PERCENTDISKSPACE SMSCACHESIZE=10'],
  },
};

export const BATCH_RULES: readonly HostRule[] = [forVariableSinglePercent, startQuotedProgram, lonePercent];

export function lonePercentProblem(at: number): Problem {
  return hostProblem(lonePercent, { start: at, end: at + 1 },
    'Advice: in a batch file cmd removes a % that starts no %variable%, so ccmsetup does not receive it. Write %% for a literal %, or remove it.',
    [{ title: 'Write %% (a literal %)', edits: [{ span: { start: at, end: at + 1 }, newText: '%%' }] }]);
}

/** `start "…\ccmsetup.exe" …`: the fix gives start an empty title first. */
export function startTitleProblem(program: { start: number; end: number }): Problem {
  return hostProblem(startQuotedProgram, program,
    'Advice: start reads its first quoted argument as the window title, so this program is not run (cmd tries the next argument as the program). Put an empty title first: start "" "…".',
    [{ title: 'Add an empty title ("") before the program', preferred: true, edits: [{ span: { start: program.start, end: program.start }, newText: '"" ' }] }]);
}

/** The report for `for %i …` in a batch file, with the fix that doubles every `%i` of the loop. */
export function forVariableProblem(declaration: { start: number; end: number }, letter: string, uses: number[]): Problem {
  return hostProblem(forVariableSinglePercent, declaration,
    `In a batch file cmd reads %${letter} as the start of a %variable% and the for command fails, so ccmsetup never runs. Write the loop variable %%${letter} (one % works only typed at a prompt).`,
    [{ title: `Write the loop variable as %%${letter}`, preferred: true, edits: uses.map((at) => ({ span: { start: at, end: at + 1 }, newText: '%%' })) }]);
}
