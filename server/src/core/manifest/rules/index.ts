// The registry of readiness rules, grouped by area file. Adding a rule means defining it in its
// area file; every rule defined there is picked up, and its fixtures are tested.
import * as adminRights from './adminRights';
import * as apps from './apps';
import * as autoEnrollment from './autoEnrollment';
import * as autopatch from './autopatch';
import * as autopilot from './autopilot';
import * as autopilotModes from './autopilotModes';
import * as cloudReach from './cloudReach';
import * as clientPush from './clientPush';
import * as cmg from './cmg';
import * as cmgAzure from './cmgAzure';
import * as cmgCertificate from './cmgCertificate';
import * as coexistence from './coexistence';
import * as deviceKinds from './deviceKinds';
import * as devicesInScope from './devicesInScope';
import * as commandLine from './commandLine';
import * as enrollment from './enrollment';
import * as enrollmentMfa from './enrollmentMfa';
import * as enrollmentRestrictions from './enrollmentRestrictions';
import * as entraClientAuth from './entraClientAuth';
import * as entraApps from './entraApps';
import * as entraConnect from './entraConnect';
import * as esp from './esp';
import * as espApps from './espApps';
import * as espProfile from './espProfile';
import * as hybridJoin from './hybridJoin';
import * as identity from './identity';
import * as installMethods from './installMethods';
import * as installProperties from './installProperties';
import * as internetClients from './internetClients';
import * as intuneConnector from './intuneConnector';
import * as licensing from './licensing';
import * as managedDesktop from './managedDesktop';
import * as observed from './observed';
import * as paths from './paths';
import * as permissions from './permissions';
import * as policy from './policy';
import * as selfDeploying from './selfDeploying';
import * as site from './site';
import * as tenantSharing from './tenantSharing';
import * as windows from './windows';
import * as workloads from './workloads';
import * as workloadSwitching from './workloadSwitching';
import { ReadinessRule } from './types';

export type { ReadinessRule } from './types';

const isRule = (x: unknown): x is ReadinessRule =>
  typeof x === 'object' && x !== null && typeof (x as ReadinessRule).id === 'string' && typeof (x as ReadinessRule).check === 'function';

export const MANIFEST_RULES: readonly ReadinessRule[] = [
  licensing, site, tenantSharing, cmg, cmgAzure, cmgCertificate, internetClients, cloudReach, identity, entraApps, entraClientAuth, entraConnect, hybridJoin, enrollment, autoEnrollment, enrollmentMfa, enrollmentRestrictions, policy, clientPush, installMethods, installProperties, autopilot, autopilotModes, intuneConnector, selfDeploying, paths, esp, espApps, espProfile, managedDesktop, workloads, workloadSwitching, apps, coexistence, autopatch, devicesInScope, commandLine, windows, deviceKinds, permissions, adminRights, observed,
]
  .flatMap((area) => Object.values(area).filter(isRule));
