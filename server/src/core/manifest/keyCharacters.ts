// Typographic and invisible characters in a manifest's keys: a key such as "sitе" with a Cyrillic
// е, or one with a zero-width space, is another key to YAML, and its setting is never read. Each
// such character gets the named `typographic-character` finding on the character itself; the
// structure finding on the same key (unknown key) then names it too (see analyze.ts).
import type { Span } from '../ccmsetup/ast';
import type { Fix } from '../languageTypes';
import { FIX_ALL_TITLE, TYPOGRAPHIC_CODE } from '../ccmsetup/characters';
import { characterEffect, characterLabel, findTypographic, mayHoldTypographic, replacementAdvice } from '../text/typographic';
import { Steps, due, work } from '../steps';
import type { ManifestNode } from './ast';

export interface KeyCharacterFinding {
  code: typeof TYPOGRAPHIC_CODE;
  span: Span;
  label: string;
  message: string;
  fixes?: Fix[];
}

/** Replacements that keep a plain key a plain key (no quote, colon, hash or other YAML indicator). */
const SAFE_IN_KEY = /^[A-Za-z0-9_ .-]?$/;

export function* keyCharacterSteps(root: ManifestNode | undefined, text: string): Steps<KeyCharacterFinding[]> {
  const findings: KeyCharacterFinding[] = [];
  // An alias expands the same source keys again: each character is reported once.
  const seen = new Set<number>();
  const stack: ManifestNode[] = root ? [root] : [];
  while (stack.length) {
    if (due()) yield;
    const node = stack.pop()!;
    work(1);
    if (node.kind === 'seq') { for (const item of node.items) stack.push(item); continue; }
    if (node.kind !== 'map') continue;
    for (const entry of node.entries) {
      if (entry.node) stack.push(entry.node);
      const { start, end } = entry.keySpan;
      // Each key is read once; an entry costs a unit besides.
      work(1 + end - start);
      if (!mayHoldTypographic(text, start, end)) continue;
      for (const c of findTypographic(text, start, end)) {
        if (seen.has(c.index)) continue;
        seen.add(c.index);
        const label = characterLabel(c);
        const span = { start: c.index, end: c.index + 1 };
        const what = c.replacement === '' ? `Delete ${label}` : `Replace ${label} with ${c.replacement === ' ' ? 'a space' : c.replacement}`;
        findings.push({
          code: TYPOGRAPHIC_CODE, span, label,
          message: `This is ${label}. ${characterEffect(c, 'key')} ${replacementAdvice(c.replacement)}`,
          fixes: SAFE_IN_KEY.test(c.replacement) ? [{ title: what, edits: [{ span, newText: c.replacement }], preferred: true, fixAll: FIX_ALL_TITLE }] : undefined,
        });
      }
    }
  }
  return findings;
}
