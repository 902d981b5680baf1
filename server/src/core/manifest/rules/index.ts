// The registry of readiness rules, grouped by area file. Adding a rule means defining it in its
// area file; every rule defined there is picked up, and its fixtures are tested.
import * as autopilot from './autopilot';
import * as commandLine from './commandLine';
import * as enrollment from './enrollment';
import * as identity from './identity';
import * as workloads from './workloads';
import { ReadinessRule } from './types';

export type { ReadinessRule } from './types';

const isRule = (x: unknown): x is ReadinessRule =>
  typeof x === 'object' && x !== null && typeof (x as ReadinessRule).id === 'string' && typeof (x as ReadinessRule).check === 'function';

export const MANIFEST_RULES: readonly ReadinessRule[] = [identity, enrollment, autopilot, workloads, commandLine]
  .flatMap((area) => Object.values(area).filter(isRule));
