// Bulk registration tokens are secrets: no piece of one may reach anything comanage shows. A
// document is searched once per version (findSecrets) for every token in its text, whatever its
// form: whole, wrapped onto the next line by a mail client or YAML folding, split by a space, in a
// name, a key or a comment. Every output the document produces then passes through its masker
// (maskOutputs.ts), which hides any 8-character piece of what was found.

export const MASK = '‹token masked›';

/** Pieces shorter than this are not masked: they would blank ordinary words, and reveal nothing. */
const MIN_SECRET_FRAGMENT = 8;

/** Secret text kept per document; beyond it (only a crafted file holds that much), every random-looking run is masked. */
const MAX_SECRET_TEXT = 64 * 1024;
const MAX_SEEDS = 2048;

/** What a document's text holds in secrets, and how to keep them out of what it produces. */
export interface DocumentSecrets {
  /** True when the document holds nothing secret: outputs can be handed out as they are. */
  readonly none: boolean;
  /** The text with every piece of a secret replaced by MASK. */
  mask(text: string): string;
  /** Does `text` hold a piece of a secret that `original` (the text an edit replaces) doesn't? */
  inserts(text: string, original?: string): boolean;
}

// base64url and the dots between a JWT's parts: the characters a token's run is made of.
const RUN = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.') RUN[c.charCodeAt(0)] = 1;
const isRun = (text: string, i: number) => i >= 0 && i < text.length && RUN[text.charCodeAt(i)] === 1;

// Where a token starts: a JWT header ("eyJ" is base64 for '{"'); two long dotted parts (a JWT
// whose header was cut off); the word after /regtoken, REGTOKEN= or a misspelling of them.
const JWT_START = /eyJ[A-Za-z0-9_-]{4}/g;
const JWT_PARTS = /\.[A-Za-z0-9_-]{20}/g;
const AFTER_REGTOKEN = /regtok[a-z]*[\s:="']{1,4}/gi;
/** An ordinary word (ccmsetup.exe, Pilot, SMSSITECODE): never taken as the rest of a token. */
const WORD = /^(?:[A-Z]?[a-z]+|[A-Z]+)(?:\.[A-Za-z]{2,4})?$/;
/** What may start a continuation line: indentation, a comment mark, a mail client's quote mark. */
const CONTINUATION_PREFIX = /[ \t]*(?:(?:[#>;]|\/\/)[ \t]*){0,4}/y;
const ANY_RUN = /[A-Za-z0-9_.-]{8,}/g;
/** The value after a regtok… anchor, up to a length no token reaches (so a crafted file stays linear). */
const VALUE = /[^\s"']{1,8192}/y;

/**
 * Finds every token in a document's text. A token's run continues past a line end onto the start
 * of the next line (after indentation or a `#`, `>` or `//` prefix), and past a single space, when
 * what follows is token-like: not an ordinary word, not a key or a NAME= property. So a token that a
 * mail client wrapped, YAML folded or a paste split is found whole, even the pieces that no longer
 * start with "eyJ". One pass over the text: seeds in order, each run read once.
 */
export function findSecrets(text: string): DocumentSecrets {
  const fragments: string[] = [];
  const seeds: number[] = [];
  let anchors = 0;
  // A real document holds a few tokens; thousands of them is a crafted file, masked wholesale.
  const many = () => seeds.length + anchors > MAX_SEEDS;
  if (text.includes('eyJ')) for (JWT_START.lastIndex = 0; !many() && JWT_START.exec(text);) seeds.push(JWT_START.lastIndex - 7);
  if (text.includes('.')) {
    for (JWT_PARTS.lastIndex = 0; !many() && JWT_PARTS.exec(text);) {
      const dot = JWT_PARTS.lastIndex - 21;
      let before = 0;
      while (before < 20 && isRun(text, dot - 1 - before) && text[dot - 1 - before] !== '.') before++;
      if (before === 20) seeds.push(dot);
    }
  }
  if (/regtok/i.test(text)) {
    for (const m of text.matchAll(AFTER_REGTOKEN)) {
      if (many()) break;
      anchors++;
      const at = m.index + m[0].length;
      // A value of any shape is secret (a plain token, quotes and all), not only base64url.
      VALUE.lastIndex = at;
      const found = VALUE.exec(text);
      if (found) fragments.push(found[0]);
      if (isRun(text, at)) seeds.push(at);
    }
  }
  if (many()) return secretsFrom([], true);
  seeds.sort((a, b) => a - b);

  let covered = 0;
  let held = 0;
  for (const seed of seeds) {
    if (seed < covered) continue;
    if (held > MAX_SECRET_TEXT) return secretsFrom([], true);
    let start = seed;
    while (isRun(text, start - 1)) start--;
    let end = runEnd(text, seed);
    const pieces = [text.slice(start, end)];
    for (let next = continuation(text, end); next !== undefined; next = continuation(text, end)) {
      end = runEnd(text, next);
      pieces.push(text.slice(next, end));
    }
    covered = end;
    held += end - start;
    fragments.push(...pieces);
    // Joined as well, for an output that puts the pieces back together.
    if (pieces.length > 1) fragments.push(pieces.join(''));
  }
  return secretsFrom(fragments);
}

function runEnd(text: string, from: number): number {
  let end = from;
  while (isRun(text, end)) end++;
  return end;
}

/** Where a token's run that ends at `end` goes on, if it does. */
function continuation(text: string, end: number): number | undefined {
  let i = end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  let next: number;
  let keyEnds: string;
  if (i > end && i - end <= 2 && isRun(text, i)) {
    next = i; // split by a space
    keyEnds = '=';
  } else {
    if (text[i] === '\\') i++; // a YAML escaped line break
    if (text[i] === '\r') i++;
    if (text[i] !== '\n') return undefined;
    CONTINUATION_PREFIX.lastIndex = i + 1;
    CONTINUATION_PREFIX.exec(text);
    next = CONTINUATION_PREFIX.lastIndex;
    if (!isRun(text, next)) return undefined;
    keyEnds = '=:';
  }
  const after = runEnd(text, next);
  if (WORD.test(text.slice(next, after)) || keyEnds.includes(text[after] ?? ' ')) return undefined;
  return next;
}

/** A masker for known secret text: any 8-character piece of it is masked, and anything shaped like a JWT. */
function secretsFrom(fragments: readonly string[], tooMany = false): DocumentSecrets {
  const grams = new Set<string>();
  let held = 0;
  let overflow = tooMany;
  for (const fragment of fragments) {
    if (overflow) break;
    if (fragment.length < MIN_SECRET_FRAGMENT) continue;
    held += fragment.length;
    if (held > MAX_SECRET_TEXT) {
      overflow = true;
      break;
    }
    for (let i = 0; i + MIN_SECRET_FRAGMENT <= fragment.length; i++) grams.add(fragment.slice(i, i + MIN_SECRET_FRAGMENT));
  }
  const secret = overflow
    ? (run: string) => !WORD.test(run)
    : (piece: string) => grams.has(piece);
  /** Marks the characters of `text` that belong to a secret piece; undefined when there are none. */
  const cover = (text: string): Uint8Array | undefined => {
    let covered: Uint8Array | undefined;
    for (const m of text.matchAll(ANY_RUN)) {
      const run = m[0];
      if (overflow) {
        if (secret(run)) (covered ??= new Uint8Array(text.length)).fill(1, m.index, m.index + run.length);
        continue;
      }
      for (let i = 0; i + MIN_SECRET_FRAGMENT <= run.length; i++) {
        if (secret(run.slice(i, i + MIN_SECRET_FRAGMENT))) (covered ??= new Uint8Array(text.length)).fill(1, m.index + i, m.index + i + MIN_SECRET_FRAGMENT);
      }
    }
    return covered;
  };
  const none = grams.size === 0 && !overflow;
  return {
    none,
    mask(raw) {
      // Whole JWTs first: masking a piece first could cut off the "eyJ" that marks the rest.
      const text = raw.includes('eyJ') ? raw.replace(JWT, MASK) : raw;
      if (none) return text;
      const covered = cover(text);
      if (!covered) return text;
      let out = '';
      for (let i = 0; i < text.length;) {
        if (!covered[i]) { out += text[i++]; continue; }
        while (i < text.length && covered[i]) i++;
        out += MASK;
      }
      return out;
    },
    inserts(text, original = '') {
      if (JWT_SHAPE.test(text) && !JWT_SHAPE.test(original)) return true;
      if (none) return false;
      for (const m of text.matchAll(ANY_RUN)) {
        for (let i = 0; i + MIN_SECRET_FRAGMENT <= m[0].length; i++) {
          const piece = m[0].slice(i, i + MIN_SECRET_FRAGMENT);
          if (secret(piece) && !original.includes(piece)) return true;
        }
      }
      return false;
    },
  };
}

// Anything shaped like a JWT, whole or cut short (a message that quotes its first 40 characters).
const JWT = /eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)*/g;
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{4}/;

/** A text on its own (a file name, a log line) with its own tokens masked. */
export function maskText(text: string): string {
  return findSecrets(text).mask(text);
}

/**
 * The expiry (`exp` claim) of a JSON Web Token, read without verifying the signature: comanage only
 * warns about dates, it never trusts the token. Undefined for anything that isn't a readable JWT.
 */
export function tokenExpiry(token: string): Date | undefined {
  const parts = token.trim().split('.');
  // A bulk registration token's payload is well under a few KB; refuse to decode anything huge.
  if (parts.length < 2 || parts[1].length === 0 || parts[1].length > 16_384) return undefined;
  const payload = decodeBase64Url(parts[1]);
  if (payload === undefined) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const exp = claims && typeof claims === 'object' ? (claims as { exp?: unknown }).exp : undefined;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
  const date = new Date(exp * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** base64url (RFC 4648 §5, padding optional) to a latin1 string; undefined when it isn't base64url. */
function decodeBase64Url(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return undefined;
  const base64 = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (base64.length % 4 === 1) return undefined;
  try {
    return atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return undefined;
  }
}
