// Where a JSON text goes wrong, and how, for a file JSON.parse refused: V8's messages give an
// offset only for some errors, and others quote the file's text (which may hold a secret). One
// pass, no recursion (a crafted file nests deeply), called only after JSON.parse has failed.

export interface JsonFault {
  /** UTF-16 offset of the first character that can't be there. */
  offset: number;
  /** What is wrong, in our words; never quotes the text. */
  reason: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

type Due = 'value' | 'key' | 'key-or-close' | 'value-or-close' | 'colon' | 'comma-or-close' | 'end';

/** The first fault in `text`, or undefined when it is valid JSON. */
export function findJsonFault(text: string): JsonFault | undefined {
  let i = 0;
  const n = text.length;
  // What may come next: a value, a key (or } right after {), a colon, a comma or a closer, nothing.
  const stack: ('{' | '[')[] = [];
  let due = 'value' as Due;
  const skip = () => { while (i < n && WS.has(text.charCodeAt(i))) i++; };
  const fault = (reason: string, at = i): JsonFault => ({ offset: Math.min(at, n), reason });
  const afterValue = () => { due = stack.length ? 'comma-or-close' : 'end'; };

  for (;;) {
    skip();
    if (i >= n) return due === 'end' ? undefined : fault('the JSON ends too early (a bracket, brace or value is missing)');
    const c = text[i];
    switch (due) {
      case 'end':
        return fault('there is more text after the JSON value');
      case 'colon':
        if (c !== ':') return fault('a colon (:) should follow the property name');
        i++; due = 'value'; continue;
      case 'comma-or-close': {
        const open = stack[stack.length - 1];
        if (c === ',') { i++; due = open === '{' ? 'key' : 'value'; continue; }
        if ((c === '}' && open === '{') || (c === ']' && open === '[')) { i++; stack.pop(); afterValue(); continue; }
        return fault(open === '{' ? 'a comma (,) or } should follow the property value' : 'a comma (,) or ] should follow the list item');
      }
      case 'key':
      case 'key-or-close':
        if (c === '}' && due === 'key-or-close') { i++; stack.pop(); afterValue(); continue; }
        if (c !== '"') return fault(c === '}' ? 'a comma (,) is followed by } (JSON has no trailing commas)' : 'a property name in double quotes is expected here');
        {
          const bad = scanString();
          if (bad) return bad;
        }
        due = 'colon'; continue;
      case 'value':
      case 'value-or-close':
        if (c === ']' && due === 'value-or-close') { i++; stack.pop(); afterValue(); continue; }
        if (c === '{') { i++; stack.push('{'); due = 'key-or-close'; continue; }
        if (c === '[') { i++; stack.push('['); due = 'value-or-close'; continue; }
        if (c === '"') { const bad = scanString(); if (bad) return bad; afterValue(); continue; }
        if (c === '-' || (c >= '0' && c <= '9')) { const bad = scanNumber(); if (bad) return bad; afterValue(); continue; }
        {
          const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
          if (word) { i += word.length; afterValue(); continue; }
        }
        if (c === ']' || c === '}') return fault(`a comma (,) is followed by ${c} (JSON has no trailing commas)`);
        return fault('a value is expected here (text in double quotes, a number, true, false, null, an object or a list)');
    }
  }

  function scanString(): JsonFault | undefined {
    const start = i;
    i++;
    while (i < n) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) { i++; return undefined; }
      if (ch < 0x20) return fault('a line break or control character inside a string must be escaped (\\n, \\t)');
      if (ch === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fault('\\u must be followed by four hexadecimal digits');
          i += 6; continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return fault('a backslash starts an escape JSON doesn\'t know (write \\\\ for a backslash)');
        i += 2; continue;
      }
      i++;
    }
    return fault('a string is not closed (a double quote is missing)', start);
  }

  function scanNumber(): JsonFault | undefined {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!match) return fault('a number is malformed');
    i += match[0].length;
    if (/[0-9.eE]/.test(text[i] ?? '')) return fault('a number is malformed (JSON allows no leading zeros, and one decimal point)');
    return undefined;
  }
}
