// The registry of readiness rules, grouped by area file. Adding a rule means defining it in its
// area file; every rule defined there is picked up, and its fixtures are tested.
import * as apps from './apps';
import * as autopilot from './autopilot';
import * as cmg from './cmg';
import * as cmgAzure from './cmgAzure';
import * as cmgCertificate from './cmgCertificate';
import * as coexistence from './coexistence';
import * as commandLine from './commandLine';
import * as enrollment from './enrollment';
import * as esp from './esp';
import * as identity from './identity';
import * as internetClients from './internetClients';
import * as licensing from './licensing';
import * as managedDesktop from './managedDesktop';
import * as observed from './observed';
import * as permissions from './permissions';
import * as policy from './policy';
import * as site from './site';
import * as windows from './windows';
import * as workloads from './workloads';
import { ReadinessRule } from './types';

export type { ReadinessRule } from './types';

const isRule = (x: unknown): x is ReadinessRule =>
  typeof x === 'object' && x !== null && typeof (x as ReadinessRule).id === 'string' && typeof (x as ReadinessRule).check === 'function';

export const MANIFEST_RULES: readonly ReadinessRule[] = [
  licensing, site, cmg, cmgAzure, cmgCertificate, internetClients, identity, enrollment, policy, autopilot, esp, managedDesktop, workloads, apps, coexistence, commandLine, windows, permissions, observed,
]
  .flatMap((area) => Object.values(area).filter(isRule));
