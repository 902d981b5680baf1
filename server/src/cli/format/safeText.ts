// Text from a file (a name, a value quoted in a message) must not act on the terminal that shows
// it: no line breaks or control sequences, and no bidi controls, which reorder what is displayed
// (a name can read `txt.exe` while being `exe.txt`). Every format, and stderr, goes through here.

/** Bidi embedding, override and isolate controls, the LTR/RTL marks and the Arabic letter mark. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const codePoint = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** For text output: each bidi control shown as `<U+202E>`. */
export function escapeBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, (c) => `<U+${codePoint(c)}>`);
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
  return json.replace(/[\u007f-\u009f\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${codePoint(c).toLowerCase()}`);
}
