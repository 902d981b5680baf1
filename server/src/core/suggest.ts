// Did-you-mean for names we list (manifest keys and values, directive names, rule codes): the
// closest candidate by edit distance (fastest-levenshtein), ignoring case, when it is close enough.
import { closest, distance } from 'fastest-levenshtein';

export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length || !word || word.length > 60) return undefined;
  const best = closest(word.toLowerCase(), candidates.map((c) => c.toLowerCase()));
  const original = candidates.find((c) => c.toLowerCase() === best);
  return original && distance(word.toLowerCase(), best) <= Math.max(2, Math.floor(word.length / 3)) ? original : undefined;
}
