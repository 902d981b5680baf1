// An answer typed as text (the "Answer unknown facts…" interview) becomes the YAML value the
// format expects at its key: a boolean or integer key gets one when the text is one, every other
// key a string. A text that isn't of the key's type stays a string, so the structure check says so.
import { fieldAt } from './describeField';
import { parsePath } from './plan';

export function typedAnswer(path: string, text: string): string | number | boolean {
  const answer = text.trim();
  const kind = fieldAt(parsePath(path))?.type.kind;
  if (kind === 'boolean' && /^(true|false)$/i.test(answer)) return answer.toLowerCase() === 'true';
  if (kind === 'integer' && /^-?\d{1,15}$/.test(answer)) return Number(answer);
  return answer;
}
