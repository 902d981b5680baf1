// Text from a file (a name, a value quoted in a message) must not act on the terminal that shows
// it: no line breaks or control sequences, and no bidi controls, which reorder what is displayed
// (a name can read `txt.exe` while being `exe.txt`). Every format, and stderr, goes through here.

import { BIDI_CODE_POINTS, codePointText } from '../../core/text/typographic';

/** Bidi embedding, override and isolate controls, the LTR/RTL marks and the Arabic letter mark: the core's list. */
const BIDI_CLASS = BIDI_CODE_POINTS.map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('');
const BIDI_CONTROLS = new RegExp(`[${BIDI_CLASS}]`, 'g');
const JSON_ESCAPED = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029${BIDI_CLASS}]`, 'g');

/** For text output: each bidi control shown as `<U+202E>`. */
function escapeBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, (c) => `<${codePointText(c.charCodeAt(0))}>`);
}

/**
 * One line of terminal text: line breaks become spaces, control characters U+FFFD, bidi controls
 * `<U+XXXX>`, so one diagnostic stays one line and can't recolour or reorder the screen.
 */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeBidi(s.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD'));
}

/**
 * JSON text with DEL, C1 controls, line/paragraph separators and bidi controls as `\uXXXX`:
 * JSON.stringify leaves them raw. The value read back is unchanged.
 */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
