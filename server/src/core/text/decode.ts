// Bytes → text, for every file comanage reads (the CLI's files, readiness reports and config; any
// future read by the server). UTF-8 with or without a byte-order mark and UTF-16 LE/BE with one
// decode silently, the mark dropped, so a UTF-16 file gives the same text, and so the same
// positions, as its UTF-8 twin. Anything else is never a silent pass: it comes back with one
// problem that says how it was read, or that it wasn't (README "Encodings and unreadable files").
import type { Problem } from '../languageTypes';
import { SERVICE_CODES, type CodeInfo } from '../diagnosticCodes';
import { codePointText } from './typographic';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text to check; '' when `encoding` is 'none'. Never starts with the byte-order mark. */
  text: string;
  /** How the bytes were read; 'none' means not as text at all (binary, UTF-32): don't check it. */
  encoding: TextEncodingName | 'none';
  bom: boolean;
  /** Set unless the file was plain UTF-8 or UTF-16 with a byte-order mark; its span is in `text`. */
  problem?: Problem;
}

/** More control bytes than this share (NUL aside, which is never text) and a file is not text. */
const MAX_CONTROL_SHARE = 0.02;

export function decodeText(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8(bytes.subarray(3), true);
  // UTF-32 LE's mark starts like UTF-16 LE's; tell them apart before reading UTF-16.
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    return notText('UTF-32 text, which comanage does not read');
  }
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le', true);
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', true);

  // No mark. A NUL byte is never in a text file, but every other byte of UTF-16 written without a
  // mark is one: read that as UTF-16 (with a warning) rather than as garbage.
  if (bytes.indexOf(0) >= 0) {
    const utf16 = bomlessUtf16(bytes);
    return utf16 ? decodeUtf16(bytes, utf16, false) : notText('it holds NUL bytes');
  }
  if (controlBytes(bytes) > bytes.length * MAX_CONTROL_SHARE) return notText('it holds control bytes');
  return decodeUtf8(bytes, false);
}

function decodeUtf8(bytes: Uint8Array, bom: boolean): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', bom };
  } catch {
    // Not UTF-8; where it goes wrong is worth naming.
  }
  const bad = firstInvalidUtf8(bytes);
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, bad));
  const byte = hexByte(bytes[bad]);
  if (bom) {
    // The mark says UTF-8, so the file was damaged, not written in another encoding.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return {
      text, encoding: 'utf-8', bom,
      problem: problem(SERVICE_CODES.damagedText, before.length, before.length + 1,
        `This file starts with a UTF-8 byte-order mark, but the byte ${byte} here is not UTF-8; damaged bytes were read as U+FFFD. Save the file again from its source.`),
    };
  }
  // Mostly ASCII with a byte like 0x93 (a curly quote from Word) is what Windows PowerShell 5.1's
  // Set-Content and older editors write: the Windows-1252 ("ANSI") code page. Read it that way so
  // the real findings, and the characters, come through.
  const text = decodeWindows1252(bytes);
  const shown = text[bad];
  return {
    text, encoding: 'windows-1252', bom,
    problem: problem(SERVICE_CODES.readAsWindows1252, bad, bad + 1,
      `This file is not UTF-8 (the byte ${byte} here is not UTF-8), so it was read as Windows-1252, the code page Windows PowerShell 5.1's Set-Content writes: ${byte} is ${describeChar(shown)} there. If that is not what the file holds, save it as UTF-8.`),
  };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): DecodedText {
  const le = encoding === 'utf-16le' ? bytes : swapPairs(bytes);
  const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(le);
  const label = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  const bad = firstInvalidUtf16(le);
  if (bad >= 0) {
    const how = bad === Math.floor(le.length / 2) ? 'it has an odd number of bytes' : 'a surrogate pair is broken here';
    return {
      text, encoding, bom,
      problem: problem(SERVICE_CODES.damagedText, bad, Math.min(bad + 1, text.length),
        `This file ${bom ? `starts with a ${label} byte-order mark` : `reads as ${label}`} but is damaged (${how}); damaged characters were read as U+FFFD. Save the file again from its source.`),
    };
  }
  if (bom) return { text, encoding, bom };
  return {
    text, encoding, bom,
    problem: problem(SERVICE_CODES.utf16WithoutBom, 0, 0,
      `This file has no byte-order mark but every other byte is zero, so it was read as ${label}. Save it with a byte-order mark (Unicode in Notepad) or as UTF-8, so other tools read it the same way.`),
  };
}

function notText(why: string): DecodedText {
  return {
    text: '', encoding: 'none', bom: false,
    problem: problem(SERVICE_CODES.notText, 0, 0, `This file is not UTF-8 or UTF-16 text (${why}), so it was not checked. Save it as UTF-8.`),
  };
}

function problem(code: CodeInfo, start: number, end: number, message: string): Problem {
  return { code: code.id, severity: code.severity, docUrl: code.docUrl, span: { start, end }, message };
}

/**
 * 'utf-16le' or 'utf-16be' when the bytes look like mostly-ASCII UTF-16 without a mark: an even
 * length, zero in most high bytes and almost none of the low ones.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = bytes.length / 2;
  if (oddZeros >= units / 2 && evenZeros <= units / 20) return 'utf-16le';
  if (evenZeros >= units / 2 && oddZeros <= units / 20) return 'utf-16be';
  return undefined;
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and Ctrl+Z (an old DOS end of file), and DEL. */
function controlBytes(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1a) || b === 0x7f) count++;
  }
  return count;
}

/** Index of the first byte that doesn't start or continue a well-formed UTF-8 sequence (WHATWG), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const c = bytes[i];
    if (c < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) { need = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? lo : 0x80) || next > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Index (in UTF-16 units) of the first lone surrogate or of a trailing odd byte, or -1. */
function firstInvalidUtf16(le: Uint8Array): number {
  const units = Math.floor(le.length / 2);
  for (let i = 0; i < units; i++) {
    const unit = le[2 * i] | (le[2 * i + 1] << 8);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 1 < units ? le[2 * i + 2] | (le[2 * i + 3] << 8) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
      return i;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return le.length % 2 === 0 ? -1 : units;
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) { out[i] = bytes[i + 1]; out[i + 1] = bytes[i]; }
  if (bytes.length % 2) out[bytes.length - 1] = bytes[bytes.length - 1];
  return out;
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F. Node's TextDecoder('windows-1252') reads
// those as Latin-1 C1 controls (Node 20), so the 27 assigned ones are listed here; the five
// unassigned bytes stay C1 controls, as the WHATWG decoder leaves them.
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F'
  + '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const CP1252 = Uint16Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b));

export function decodeWindows1252(bytes: Uint8Array): string {
  // Every character is in the BMP: one UTF-16 unit per byte, decoded natively.
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = CP1252[bytes[i]];
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(units);
}

/**
 * A file name's bytes as text: UTF-8 where it is, each byte that isn't shown as `\xNN`.
 * `valid` is false when anything had to be escaped.
 */
export function decodeName(bytes: Uint8Array): { text: string; valid: boolean } {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let rest = bytes;
  let text = '';
  let valid = true;
  for (let bad = firstInvalidUtf8(rest); bad >= 0; bad = firstInvalidUtf8(rest)) {
    valid = false;
    text += `${decoder.decode(rest.subarray(0, bad))}\\x${hexByte(rest[bad]).slice(2)}`;
    rest = rest.subarray(bad + 1);
  }
  return { text: text + decoder.decode(rest), valid };
}

function hexByte(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

function describeChar(c: string): string {
  const code = codePointText(c.charCodeAt(0));
  // Controls and unassigned bytes can't be shown; a printable character can, next to its code point.
  return /[\u0000-\u001f\u007f-\u00a0]/.test(c) ? code : `${c} (${code})`;
}
