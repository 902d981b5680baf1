// The characters that text pasted from Word, Outlook and web pages brings along and that look
// like, or hide among, the ASCII a command line needs: typographic quotes, Unicode spaces,
// invisible characters, dashes, full-width forms, bidi controls, and Cyrillic or Greek letters
// that look like Latin ones. For each: its code point and Unicode name, the ASCII it stands for
// ('' = delete), and what Windows makes of it. Pure; callers decide where a finding is worth it.

export type CharacterClass = 'quote' | 'space' | 'invisible' | 'dash' | 'fullwidth' | 'bidi' | 'lookalike';

export interface CharacterInfo {
  code: number;
  kind: CharacterClass;
  /** The Unicode character name. */
  name: string;
  /** The ASCII text it stands for; '' means it should be deleted. A dash says '-' (callers use '/' at a switch). */
  replacement: string;
}

export interface FlaggedCharacter extends CharacterInfo {
  /** Index in the scanned text (UTF-16 code unit; every listed character is one unit). */
  index: number;
}

// Names as in the Unicode Character Database (checked against Python's unicodedata when written).
const TABLE: [number, CharacterClass, string, string][] = [
  [0x2018, 'quote', 'LEFT SINGLE QUOTATION MARK', "'"],
  [0x2019, 'quote', 'RIGHT SINGLE QUOTATION MARK', "'"],
  [0x201a, 'quote', 'SINGLE LOW-9 QUOTATION MARK', "'"],
  [0x201b, 'quote', 'SINGLE HIGH-REVERSED-9 QUOTATION MARK', "'"],
  [0x201c, 'quote', 'LEFT DOUBLE QUOTATION MARK', '"'],
  [0x201d, 'quote', 'RIGHT DOUBLE QUOTATION MARK', '"'],
  [0x201e, 'quote', 'DOUBLE LOW-9 QUOTATION MARK', '"'],
  [0x201f, 'quote', 'DOUBLE HIGH-REVERSED-9 QUOTATION MARK', '"'],
  [0x00ab, 'quote', 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK', '"'],
  [0x00bb, 'quote', 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK', '"'],
  [0x2039, 'quote', 'SINGLE LEFT-POINTING ANGLE QUOTATION MARK', "'"],
  [0x203a, 'quote', 'SINGLE RIGHT-POINTING ANGLE QUOTATION MARK', "'"],
  [0x00a0, 'space', 'NO-BREAK SPACE', ' '],
  [0x1680, 'space', 'OGHAM SPACE MARK', ' '],
  [0x2000, 'space', 'EN QUAD', ' '],
  [0x2001, 'space', 'EM QUAD', ' '],
  [0x2002, 'space', 'EN SPACE', ' '],
  [0x2003, 'space', 'EM SPACE', ' '],
  [0x2004, 'space', 'THREE-PER-EM SPACE', ' '],
  [0x2005, 'space', 'FOUR-PER-EM SPACE', ' '],
  [0x2006, 'space', 'SIX-PER-EM SPACE', ' '],
  [0x2007, 'space', 'FIGURE SPACE', ' '],
  [0x2008, 'space', 'PUNCTUATION SPACE', ' '],
  [0x2009, 'space', 'THIN SPACE', ' '],
  [0x200a, 'space', 'HAIR SPACE', ' '],
  [0x202f, 'space', 'NARROW NO-BREAK SPACE', ' '],
  [0x205f, 'space', 'MEDIUM MATHEMATICAL SPACE', ' '],
  [0x3000, 'space', 'IDEOGRAPHIC SPACE', ' '],
  [0x200b, 'invisible', 'ZERO WIDTH SPACE', ''],
  [0x200c, 'invisible', 'ZERO WIDTH NON-JOINER', ''],
  [0x200d, 'invisible', 'ZERO WIDTH JOINER', ''],
  [0x2060, 'invisible', 'WORD JOINER', ''],
  [0xfeff, 'invisible', 'ZERO WIDTH NO-BREAK SPACE', ''],
  [0x00ad, 'invisible', 'SOFT HYPHEN', ''],
  [0x2010, 'dash', 'HYPHEN', '-'],
  [0x2011, 'dash', 'NON-BREAKING HYPHEN', '-'],
  [0x2012, 'dash', 'FIGURE DASH', '-'],
  [0x2013, 'dash', 'EN DASH', '-'],
  [0x2014, 'dash', 'EM DASH', '-'],
  [0x2015, 'dash', 'HORIZONTAL BAR', '-'],
  [0x2212, 'dash', 'MINUS SIGN', '-'],
  [0x202a, 'bidi', 'LEFT-TO-RIGHT EMBEDDING', ''],
  [0x202b, 'bidi', 'RIGHT-TO-LEFT EMBEDDING', ''],
  [0x202c, 'bidi', 'POP DIRECTIONAL FORMATTING', ''],
  [0x202d, 'bidi', 'LEFT-TO-RIGHT OVERRIDE', ''],
  [0x202e, 'bidi', 'RIGHT-TO-LEFT OVERRIDE', ''],
  [0x2066, 'bidi', 'LEFT-TO-RIGHT ISOLATE', ''],
  [0x2067, 'bidi', 'RIGHT-TO-LEFT ISOLATE', ''],
  [0x2068, 'bidi', 'FIRST STRONG ISOLATE', ''],
  [0x2069, 'bidi', 'POP DIRECTIONAL ISOLATE', ''],
  [0x200e, 'bidi', 'LEFT-TO-RIGHT MARK', ''],
  [0x200f, 'bidi', 'RIGHT-TO-LEFT MARK', ''],
  [0x061c, 'bidi', 'ARABIC LETTER MARK', ''],
];

/** Cyrillic and Greek letters drawn like a Latin one in common fonts, and that Latin letter. */
const LOOKALIKES: [number, string, string][] = [
  [0x0410, 'CYRILLIC CAPITAL LETTER A', 'A'], [0x0412, 'CYRILLIC CAPITAL LETTER VE', 'B'],
  [0x0415, 'CYRILLIC CAPITAL LETTER IE', 'E'], [0x041a, 'CYRILLIC CAPITAL LETTER KA', 'K'],
  [0x041c, 'CYRILLIC CAPITAL LETTER EM', 'M'], [0x041d, 'CYRILLIC CAPITAL LETTER EN', 'H'],
  [0x041e, 'CYRILLIC CAPITAL LETTER O', 'O'], [0x0420, 'CYRILLIC CAPITAL LETTER ER', 'P'],
  [0x0421, 'CYRILLIC CAPITAL LETTER ES', 'C'], [0x0422, 'CYRILLIC CAPITAL LETTER TE', 'T'],
  [0x0425, 'CYRILLIC CAPITAL LETTER HA', 'X'], [0x0406, 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I', 'I'],
  [0x0408, 'CYRILLIC CAPITAL LETTER JE', 'J'], [0x0405, 'CYRILLIC CAPITAL LETTER DZE', 'S'],
  [0x04ba, 'CYRILLIC CAPITAL LETTER SHHA', 'H'],
  [0x0430, 'CYRILLIC SMALL LETTER A', 'a'], [0x0435, 'CYRILLIC SMALL LETTER IE', 'e'],
  [0x043e, 'CYRILLIC SMALL LETTER O', 'o'], [0x0440, 'CYRILLIC SMALL LETTER ER', 'p'],
  [0x0441, 'CYRILLIC SMALL LETTER ES', 'c'], [0x0443, 'CYRILLIC SMALL LETTER U', 'y'],
  [0x0445, 'CYRILLIC SMALL LETTER HA', 'x'], [0x0456, 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', 'i'],
  [0x0458, 'CYRILLIC SMALL LETTER JE', 'j'], [0x0455, 'CYRILLIC SMALL LETTER DZE', 's'],
  [0x04bb, 'CYRILLIC SMALL LETTER SHHA', 'h'], [0x0501, 'CYRILLIC SMALL LETTER KOMI DE', 'd'],
  [0x051b, 'CYRILLIC SMALL LETTER QA', 'q'], [0x051d, 'CYRILLIC SMALL LETTER WE', 'w'],
  [0x0391, 'GREEK CAPITAL LETTER ALPHA', 'A'], [0x0392, 'GREEK CAPITAL LETTER BETA', 'B'],
  [0x0395, 'GREEK CAPITAL LETTER EPSILON', 'E'], [0x0396, 'GREEK CAPITAL LETTER ZETA', 'Z'],
  [0x0397, 'GREEK CAPITAL LETTER ETA', 'H'], [0x0399, 'GREEK CAPITAL LETTER IOTA', 'I'],
  [0x039a, 'GREEK CAPITAL LETTER KAPPA', 'K'], [0x039c, 'GREEK CAPITAL LETTER MU', 'M'],
  [0x039d, 'GREEK CAPITAL LETTER NU', 'N'], [0x039f, 'GREEK CAPITAL LETTER OMICRON', 'O'],
  [0x03a1, 'GREEK CAPITAL LETTER RHO', 'P'], [0x03a4, 'GREEK CAPITAL LETTER TAU', 'T'],
  [0x03a5, 'GREEK CAPITAL LETTER UPSILON', 'Y'], [0x03a7, 'GREEK CAPITAL LETTER CHI', 'X'],
  [0x03bf, 'GREEK SMALL LETTER OMICRON', 'o'], [0x03bd, 'GREEK SMALL LETTER NU', 'v'],
];

/** Unicode names of printable ASCII, for the full-width forms U+FF01–FF5E ("FULLWIDTH " + name). */
const ASCII_NAMES: Record<string, string> = {
  '!': 'EXCLAMATION MARK', '"': 'QUOTATION MARK', '#': 'NUMBER SIGN', $: 'DOLLAR SIGN', '%': 'PERCENT SIGN',
  '&': 'AMPERSAND', "'": 'APOSTROPHE', '(': 'LEFT PARENTHESIS', ')': 'RIGHT PARENTHESIS', '*': 'ASTERISK',
  '+': 'PLUS SIGN', ',': 'COMMA', '-': 'HYPHEN-MINUS', '.': 'FULL STOP', '/': 'SOLIDUS', ':': 'COLON',
  ';': 'SEMICOLON', '<': 'LESS-THAN SIGN', '=': 'EQUALS SIGN', '>': 'GREATER-THAN SIGN', '?': 'QUESTION MARK',
  '@': 'COMMERCIAL AT', '[': 'LEFT SQUARE BRACKET', '\\': 'REVERSE SOLIDUS', ']': 'RIGHT SQUARE BRACKET',
  '^': 'CIRCUMFLEX ACCENT', _: 'LOW LINE', '`': 'GRAVE ACCENT', '{': 'LEFT CURLY BRACKET', '|': 'VERTICAL LINE',
  '}': 'RIGHT CURLY BRACKET', '~': 'TILDE',
};
const DIGITS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];

function asciiName(ch: string): string {
  if (ch >= '0' && ch <= '9') return `DIGIT ${DIGITS[ch.charCodeAt(0) - 48]}`;
  if (ch >= 'A' && ch <= 'Z') return `LATIN CAPITAL LETTER ${ch}`;
  if (ch >= 'a' && ch <= 'z') return `LATIN SMALL LETTER ${ch.toUpperCase()}`;
  return ASCII_NAMES[ch];
}

const BY_CODE = new Map<number, CharacterInfo>(TABLE.map(([code, kind, name, replacement]) => [code, { code, kind, name, replacement }]));
const LOOKALIKE_BY_CODE = new Map<number, CharacterInfo>(LOOKALIKES.map(([code, name, replacement]) => [code, { code, kind: 'lookalike', name, replacement }]));

/** What a character is, when it is one we flag anywhere (look-alike letters need a word around them: see findTypographic). */
export function characterInfo(code: number): CharacterInfo | undefined {
  const listed = BY_CODE.get(code);
  if (listed) return listed;
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    return { code, kind: 'fullwidth', name: `FULLWIDTH ${asciiName(ascii)}`, replacement: ascii };
  }
  return undefined;
}

/** The look-alike entry for a letter, regardless of context. */
export function lookalikeInfo(code: number): CharacterInfo | undefined {
  return LOOKALIKE_BY_CODE.get(code);
}

/** "U+201C": the one spelling of a code point in every message and output. */
export function codePointText(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "U+201C LEFT DOUBLE QUOTATION MARK" */
export function characterLabel(info: Pick<CharacterInfo, 'code' | 'name'>): string {
  return `${codePointText(info.code)} ${info.name}`;
}

/** The bidi controls and marks, which reorder what is displayed: the CLI escapes them in all it prints. */
export const BIDI_CODE_POINTS: readonly number[] = TABLE.filter(([, kind]) => kind === 'bidi').map(([code]) => code);

/** Every character of the listed classes, a full-width form, or a look-alike letter. */
export function flaggableCodes(): number[] {
  const fullwidth = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => 0xff01 + i);
  return [...BY_CODE.keys(), ...fullwidth, ...LOOKALIKE_BY_CODE.keys()];
}

const LETTER = /\p{L}/u;
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The flagged characters of text[from, to), in order. A look-alike letter counts only inside a
 * word (a run of letters and digits) that has ASCII in it and no other non-ASCII letter: a name
 * such as SMSSITEСODE, not a word of Russian or Greek. One pass; a line of plain ASCII costs one loop.
 */
export function findTypographic(text: string, from = 0, to = text.length): FlaggedCharacter[] {
  const found: FlaggedCharacter[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && !isAsciiAlnum(code)) { i++; continue; }
    const info = code >= 0x80 ? characterInfo(code) : undefined;
    if (info) { found.push({ ...info, index: i }); i++; continue; }
    if (!isAsciiAlnum(code) && !LETTER.test(text[i])) { i++; continue; }
    // A word: letters and digits up to the next other character.
    const start = i;
    let ascii = false;
    let foreign = false;
    let lookalikes = 0;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (isAsciiAlnum(c)) ascii = true;
      else if (c >= 0x80 && !characterInfo(c) && LETTER.test(text[i])) {
        if (LOOKALIKE_BY_CODE.has(c)) lookalikes++;
        else foreign = true;
      } else break;
      i++;
    }
    if (lookalikes > 0 && ascii && !foreign) {
      for (let j = start; j < i; j++) {
        const lookalike = LOOKALIKE_BY_CODE.get(text.charCodeAt(j));
        if (lookalike) found.push({ ...lookalike, index: j });
      }
    }
  }
  return found;
}

/** Does the text hold anything findTypographic could flag? A quick test for the common ASCII case. */
export function mayHoldTypographic(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}

/** Where a character sits, which decides what it does and what replaces it. */
export type CharacterPlace = 'switch' | 'commandLine' | 'key';

/** The ASCII that replaces a character at a place: at a switch position a dash stands for '/'. */
export function replacementAt(info: CharacterInfo, place: CharacterPlace): string {
  return info.kind === 'dash' && place === 'switch' ? '/' : info.replacement;
}

/** One plain sentence on what Windows and ccmsetup (or YAML, for a manifest key) do with the character. */
export function characterEffect(info: CharacterInfo, place: CharacterPlace): string {
  if (place === 'key') {
    return 'YAML keeps it as part of the key, so this is not the key it looks like and its setting is not read.';
  }
  switch (info.kind) {
    case 'quote':
      return info.replacement === '"'
        ? 'Windows does not read it as a quote: it stays inside the value, and a space after it still ends the argument.'
        : 'Windows groups words only with straight double quotes: this one stays inside the value as a character of its own.';
    case 'space':
      return 'Windows splits a command line only at spaces and tabs, so it does not separate arguments: the text on both sides arrives glued together, with this character inside.';
    case 'invisible':
      return 'It is invisible, but Windows passes it on: the name or address arrives with an extra character in it.';
    case 'bidi':
      return 'It is an invisible control that changes the order text is shown in, not what Windows passes on: the line may do something other than what it shows.';
    case 'dash':
      return place === 'switch'
        ? 'It is not a switch prefix: ccmsetup sees a word, not a parameter.'
        : 'It is not the hyphen-minus (-) it looks like: the name or value arrives with a different character.';
    case 'fullwidth': {
      const ascii = info.replacement;
      const role = ascii === '"' ? ' so it groups nothing'
        : ascii === '/' && place === 'switch' ? ' so ccmsetup sees a word, not a parameter'
          : ascii === '=' || ascii === ':' ? ' so it does not separate a name from its value'
            : '';
      return `It is a different character from the ASCII ${ascii} it looks like, to Windows and to ccmsetup,${role || ' so the name or value is not the one it looks like'}.`;
    }
    case 'lookalike':
      return `It looks like the Latin letter ${info.replacement} but is another letter, so the word it is in is not the name or address it looks like.`;
  }
}

/** "Replace it with a straight quote (")." / "Delete it." */
export function replacementAdvice(replacement: string): string {
  if (replacement === '') return 'Delete it.';
  if (replacement === ' ') return 'Use a plain space.';
  if (replacement === '"') return 'Use a straight quote (").';
  if (replacement === "'") return "Use a straight apostrophe (').";
  if (replacement === '/') return 'Use / (ccmsetup parameters start with a slash).';
  if (replacement === '-') return 'Use - (hyphen-minus).';
  if (/^[A-Za-z]$/.test(replacement)) return `Type the Latin letter ${replacement} instead.`;
  if (/^[0-9]$/.test(replacement)) return `Type the digit ${replacement} instead.`;
  return `Use ${replacement}.`;
}
