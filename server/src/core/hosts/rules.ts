// Every host's own rules (script mistakes that change what ccmsetup receives), for the code list
// (settings, SARIF, README) and the fixture tests. A host adds its list here.
import type { HostRule } from './hostRule';
import { BATCH_RULES } from './batchRules';
import { JSON_RULES } from './jsonRules';
import { POWERSHELL_RULES } from './powershellRules';

export type { HostRule } from './hostRule';
export const HOST_RULES: readonly HostRule[] = [...POWERSHELL_RULES, ...BATCH_RULES, ...JSON_RULES];
