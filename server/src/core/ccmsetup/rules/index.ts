// The registry of ccmsetup rules, in the order their findings are listed. Adding a rule means
// defining it in one of the area files and listing it here; tests pick up its fixtures.
import * as addresses from './addresses';
import * as cautions from './cautions';
import * as characters from './characters';
import * as cmgClients from './cmgClients';
import * as combinations from './combinations';
import * as context from './context';
import * as syntax from './syntax';
import * as templates from './templates';
import * as values from './values';
import { CcmsetupRule } from './types';

export type { CcmsetupRule } from './types';

const isRule = (x: unknown): x is CcmsetupRule =>
  typeof x === 'object' && x !== null && typeof (x as CcmsetupRule).id === 'string' && typeof (x as CcmsetupRule).check === 'function';

export const CCMSETUP_RULES: readonly CcmsetupRule[] = [syntax, characters, values, addresses, combinations, cmgClients, context, templates, cautions]
  .flatMap((area) => Object.values(area).filter(isRule));

export function findRule(id: string): CcmsetupRule | undefined {
  return CCMSETUP_RULES.find((rule) => rule.id === id);
}
