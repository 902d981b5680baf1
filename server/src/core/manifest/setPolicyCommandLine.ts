// "Set as the command line of policy …": the smallest edit that makes a generated line the
// `commandLine` of one co-management policy, written as a single-quoted YAML scalar (the `yaml`
// library's own quoting), so comments, order and the rest of the formatting stay as they are.
// An existing value is replaced in place; a policy without the key gets it as its last line.
import { Scalar, isMap, isScalar, parseDocument, stringify } from 'yaml';
import { findSecrets } from '../secrets';
import type { Span } from '../languageTypes';

export type PolicyLineEdit = { edits: { span: Span; newText: string }[] } | { refused: string };

export function setPolicyCommandLine(text: string, index: number, commandLine: string): PolicyLineEdit {
  if (/[\r\n]/.test(commandLine)) return { refused: 'A command line must fit on one line.' };
  // A plan is shared and committed: a bulk registration token has no place in it.
  if (/regtok/i.test(commandLine) || !findSecrets(commandLine).none) {
    return { refused: 'The line holds a bulk registration token; comanage doesn\'t write tokens into plans. Add the token where the line is used (the Intune admin center).' };
  }
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) return { refused: `The plan has a YAML error (${doc.errors[0].message.split('\n')[0]}); fix it first.` };
  const policy = Number.isInteger(index) && index >= 0 ? doc.getIn(['comanagement', 'policies', index], true) : undefined;
  if (!isMap(policy) || !policy.range) return { refused: `The plan has no co-management policy number ${Number(index) + 1}.` };
  if (policy.flow) return { refused: 'This policy is written on one line ({ … }); write it as a block mapping to set its command line.' };
  const scalar = new Scalar(commandLine);
  scalar.type = 'QUOTE_SINGLE';
  const quoted = stringify(scalar, { lineWidth: 0 }).replace(/\n$/, '');
  const pair = policy.items.find((p) => isScalar(p.key) && p.key.value === 'commandLine');
  if (pair) {
    const value = pair.value;
    if (isScalar(value) && value.range && value.value === null && value.range[0] === value.range[1]) {
      return { edits: [{ span: { start: value.range[0], end: value.range[0] }, newText: ` ${quoted}` }] };
    }
    const range = (value as { range?: [number, number, number] } | null)?.range;
    if (!range) return { refused: 'The policy\'s commandLine has a value comanage can\'t replace in place; edit it by hand.' };
    // A block scalar's range takes in its last line break: keep that.
    let end = range[1];
    while (end > range[0] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return { edits: [{ span: { start: range[0], end }, newText: quoted }] };
  }
  // A new last line of the policy, indented like its first key, after the last value (and its comment).
  const first = policy.items[0]?.key as { range?: [number, number, number] } | undefined;
  const last = policy.items[policy.items.length - 1];
  const lastRange = (last?.value as { range?: [number, number, number] } | null)?.range ?? (last?.key as { range?: [number, number, number] } | null)?.range;
  if (!first?.range || !lastRange) return { refused: 'The policy is empty; add its name first.' };
  const indent = first.range[0] - (text.lastIndexOf('\n', first.range[0] - 1) + 1);
  let at = lastRange[1];
  if (text[at - 1] === '\n') at--;
  else at = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
  if (text[at - 1] === '\r') at--;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { edits: [{ span: { start: at, end: at }, newText: `${eol}${' '.repeat(indent)}commandLine: ${quoted}` }] };
}
