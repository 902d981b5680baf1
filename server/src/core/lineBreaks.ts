// Line breaks as editors count them: \r\n, \n and a lone \r all end a line (the LSP's positions
// and TextDocument do so). The parsers read a copy of the text with every lone \r turned into \n:
// the same length, so every offset stays valid, and the code after them only looks for \n.
// YAML 1.2 counts a lone \r as a line break too, but the `yaml` package doesn't.

const LONE_CR = /\r(?!\n)/g;

/** `text` with each lone carriage return replaced by a line feed (same length, same offsets). */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
}
