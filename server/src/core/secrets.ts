// Bulk registration tokens are JSON Web Tokens; anything shaped like one is masked in every
// message and title the core produces, wherever in the line it was pasted. "eyJ" is base64 for '{"',
// so the pattern also catches a token cut short (a message that quotes its first 40 characters).
const JWT = /eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)*/g;

export const MASK = '‹token masked›';

export function maskSecrets(text: string): string {
  return text.includes('eyJ') ? text.replace(JWT, MASK) : text;
}

/** Fragments shorter than this are not masked: they would blank ordinary words, and reveal nothing. */
export const MIN_SECRET_FRAGMENT = 8;

/**
 * A masker for known secret values (the /regtoken values of a line), whatever their shape: every
 * run of a message made of 8-character pieces of a secret is masked, so a message that quotes a
 * secret whole, truncated or inside other text never shows it. JWT-shaped text is masked as well.
 */
export function secretMasker(secrets: readonly string[]): (text: string) => string {
  const grams = new Set<string>();
  for (const secret of secrets) {
    for (let i = 0; i + MIN_SECRET_FRAGMENT <= secret.length; i++) grams.add(secret.slice(i, i + MIN_SECRET_FRAGMENT));
  }
  if (grams.size === 0) return maskSecrets;
  return (raw) => {
    // Whole JWTs first: masking a fragment first could cut off the "eyJ" that identifies the rest.
    const text = maskSecrets(raw);
    const covered = new Uint8Array(text.length);
    let any = false;
    for (let i = 0; i + MIN_SECRET_FRAGMENT <= text.length; i++) {
      if (grams.has(text.slice(i, i + MIN_SECRET_FRAGMENT))) {
        covered.fill(1, i, i + MIN_SECRET_FRAGMENT);
        any = true;
      }
    }
    if (!any) return text;
    let out = '';
    for (let i = 0; i < text.length;) {
      if (!covered[i]) { out += text[i++]; continue; }
      while (i < text.length && covered[i]) i++;
      out += MASK;
    }
    return out;
  };
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
