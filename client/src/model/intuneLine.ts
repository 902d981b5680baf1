// "Copy command line for Intune": which text the command works on, and what it tells the user.
import { IntuneCommandLine } from './protocol';

/** The selection when there is one, else the cursor's line; comment and empty lines are refused. */
export function commandLineToCopy(lineText: string, selectionText: string): { text: string } | { error: string } {
  const text = (selectionText.trim() ? selectionText : lineText).trim();
  if (/[\r\n]/.test(text)) return { error: 'Select a single command line (the selection spans several lines).' };
  if (!text) return { error: 'Put the cursor on a command line, or select one.' };
  if (text.startsWith('#')) return { error: 'The cursor is on a comment: put it on a command line.' };
  return { text };
}

export type CopyOutcome = { text: string; message: string } | { error: string };

export function presentIntuneLine(result: IntuneCommandLine | null | undefined): CopyOutcome {
  if (!result) return { error: 'The language server gave no answer; see the "Co-management" output channel.' };
  if (result.refused || result.text === undefined) {
    return { error: `Not copied: ${result.refused ?? 'the server returned no line.'}` };
  }
  return { text: result.text, message: `Copied for Intune's co-management settings (${result.length} of ${result.limit} characters).` };
}
