// "Set as the command line of policy …": the smallest edit that makes a generated line the
// `commandLine` of one co-management policy (setValues: comments, order and the rest of the
// formatting stay as they are; the value is quoted only when YAML would misread it). Refused:
// a line break, a bulk registration token, a policy that isn't there.
import { isMap, parseDocument } from 'yaml';
import { setValues } from './setValues';
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
  // The writing is setValues' (the one comment-preserving YAML edit); this only adds the refusals
  // that belong to a command line.
  const result = setValues(text, [{ path: `comanagement.policies[${index}].commandLine`, value: commandLine }]);
  if (result.refused) return { refused: result.refused };
  return { edits: result.edits.map((e) => ({ span: { start: e.start, end: e.end }, newText: e.newText })) };
}
