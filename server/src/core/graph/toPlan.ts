// What a set of Graph exports says about a plan: each co-management settings policy becomes an entry
// of comanagement.policies, the Enrollment Status Page profile autopilot.esp.*, the Autopilot
// deployment profile autopilot.*, the default Windows platform restriction
// intune.defaultRestriction.windows. Only what the export holds, and only where the Graph reference
// says what a value means: anything else is named in `leftOut`, never guessed. A bulk registration
// token never reaches the plan: it is cut out of the command line, and the caller masks outputs.
import { findSecrets } from '../secrets';
import { GraphAssignment, GraphObject, GraphReadResult } from './read';

export type ImportValue = string | number | boolean | string[];

export interface Provenance {
  file: string;
  displayName?: string;
  id?: string;
}

/** One co-management settings policy: keys relative to `comanagement.policies[i]`. */
export interface ImportedPolicy {
  source: Provenance;
  values: Record<string, ImportValue>;
}

/** One plan value outside the policies, by its full key path. */
export interface ImportedFact {
  path: string;
  value: ImportValue;
  source: Provenance;
}

export interface GraphImport {
  policies: ImportedPolicy[];
  facts: ImportedFact[];
  /** What the export holds that the plan doesn't take, and why. */
  leftOut: string[];
}

/** `imported from <file>: "<displayName>" (<id>)`, the comment on every imported value. */
export function provenanceText(source: Provenance): string {
  const name = source.displayName !== undefined ? ` "${source.displayName}"` : '';
  const id = source.id !== undefined ? ` (${source.id})` : '';
  return `imported from ${source.file}:${name}${id}`.replace(/[\r\n]+/g, ' ');
}

function provenance(object: GraphObject): Provenance {
  return { file: object.file, displayName: object.displayName, id: object.id };
}

function label(object: GraphObject): string {
  return `${object.file}: "${object.displayName ?? object.id ?? object.odataType}"`;
}

export function planFromGraph(read: GraphReadResult): GraphImport {
  const result: GraphImport = { policies: [], facts: [], leftOut: [] };
  const of = (type: GraphObject['type']) => read.objects.filter((o) => o.type === type);

  const policies = [...of('comanagementSettings')].sort(byPriority);
  for (const object of policies) result.policies.push(policyFrom(object, result.leftOut));

  importEsp(of('enrollmentStatusPage'), result);
  importAutopilot([...of('autopilotEntraProfile'), ...of('autopilotHybridProfile'), ...of('autopilotProfile')], result);
  importRestrictions([...of('platformRestrictions'), ...of('platformRestriction'), ...of('limitRestriction')], result);
  return result;
}

function byPriority(a: GraphObject, b: GraphObject): number {
  const pa = typeof a.props.priority === 'number' ? a.props.priority : Number.MAX_SAFE_INTEGER;
  const pb = typeof b.props.priority === 'number' ? b.props.priority : Number.MAX_SAFE_INTEGER;
  return pa - pb || (a.displayName ?? '').localeCompare(b.displayName ?? '');
}

function policyFrom(object: GraphObject, leftOut: string[]): ImportedPolicy {
  const p = object.props;
  const values: Record<string, ImportValue> = {};
  // name is the one key a policy must have: the display name, else the id.
  values.name = object.displayName ?? object.id ?? 'Co-management settings';
  if (typeof p.description === 'string' && p.description.trim() !== '') values.description = p.description;
  if (typeof p.priority === 'number') {
    if (p.priority >= 1) values.priority = p.priority;
    else leftOut.push(`${label(object)}: priority ${p.priority} is Intune's default policy; the plan's priority starts at 1, so it was left out.`);
  }
  if (typeof p.installConfigurationManagerAgent === 'boolean') values.installAgent = p.installConfigurationManagerAgent;
  if (typeof p.configurationManagerAgentCommandLineArgument === 'string') {
    const { line, removed } = withoutToken(p.configurationManagerAgentCommandLineArgument);
    if (line === undefined) {
      leftOut.push(`${label(object)}: the command line holds a bulk registration token that couldn't be cut out cleanly, so commandLine was left out; keep tokens out of plans.`);
    } else {
      values.commandLine = line;
      if (removed) leftOut.push(`${label(object)}: the bulk registration token (/regtoken) was cut out of commandLine; a token is a secret and doesn't belong in a plan.`);
    }
  }
  if (typeof p.managedDeviceAuthority === 'number') {
    if (p.managedDeviceAuthority >= 0) values.managedDeviceAuthority = p.managedDeviceAuthority;
    leftOut.push(`${label(object)}: overrideToIntune was not set from managedDeviceAuthority ${p.managedDeviceAuthority}: Graph doesn't document what its values mean. The number is kept as managedDeviceAuthority; set overrideToIntune by hand.`);
  }
  Object.assign(values, groupValues(object, 'targetGroup', 'targetGroupType', leftOut));
  return { source: provenance(object), values };
}

/** The command line without any /regtoken (or misspelt REGTOKEN=) argument; undefined when a token is still in it. */
export function withoutToken(line: string): { line?: string; removed: boolean } {
  // A whole quoted argument ("/regtoken:…"), or /regtoken with its value (quoted or not), never the
  // quote that closes CCMSETUPCMD="…" around it.
  const cut = line.replace(/\s*(?:"[/-]?regtok[a-z]*[\s:=][^"]*"|[/-]?regtok[a-z]*(?:[\s:=]{1,4}(?:"[^"]*"|'[^']*'|[^\s"']*))?)/gi, '');
  const removed = cut !== line;
  const rest = removed ? cut.trim() : line;
  if (!findSecrets(rest).none || /regtok/i.test(rest)) return { removed, line: undefined };
  return { line: rest, removed };
}

/** The group an object is assigned to, as far as the export says; the rest goes to `leftOut`. */
function groupValues(object: GraphObject, groupKey: string, typeKey: string | undefined, leftOut: string[]): Record<string, ImportValue> {
  const assignments = object.assignments;
  if (!assignments) return {};
  const include = assignments.filter((a) => a.kind !== 'exclusion' && a.kind !== 'other');
  for (const a of assignments) {
    if (a.kind === 'exclusion') leftOut.push(`${label(object)}: the exclusion of group ${a.groupId ?? '(no id)'} was left out; the plan has no key for excluded groups.`);
    if (a.kind === 'other') leftOut.push(`${label(object)}: an assignment to ${a.targetType ?? 'an unknown target'} was left out.`);
  }
  if (include.length === 0) return {};
  const [first, ...rest] = include;
  for (const a of rest) leftOut.push(`${label(object)}: the plan holds one target group, so the assignment to ${describeTarget(a)} was left out (${groupKey} is ${describeTarget(first)}).`);
  const values: Record<string, ImportValue> = {};
  if (first.kind === 'group') {
    if (first.groupId) values[groupKey] = first.groupId;
  } else {
    values[groupKey] = first.kind === 'allDevices' ? 'All devices' : 'All users';
    if (typeKey) values[typeKey] = first.kind === 'allDevices' ? 'device' : 'user';
  }
  return values;
}

function describeTarget(a: GraphAssignment): string {
  return a.kind === 'group' ? `group ${a.groupId ?? '(no id)'}` : a.kind === 'allDevices' ? 'all devices' : a.kind === 'allUsers' ? 'all users' : a.targetType ?? 'an unknown target';
}

function isDefault(object: GraphObject): boolean {
  const kind = object.props.deviceEnrollmentConfigurationType;
  return (typeof kind === 'string' && kind.toLowerCase().startsWith('default')) || object.props.priority === 0;
}

/** Of several profiles, the one the plan takes: assigned before unassigned, custom before default, then by priority. */
function pick(objects: GraphObject[]): GraphObject | undefined {
  const score = (o: GraphObject) => (o.assignments?.length ? 0 : 2) + (isDefault(o) ? 1 : 0);
  return [...objects].sort((a, b) => score(a) - score(b) || byPriority(a, b))[0];
}

function importEsp(objects: GraphObject[], result: GraphImport): void {
  const chosen = pick(objects);
  if (!chosen) return;
  for (const other of objects) if (other !== chosen) result.leftOut.push(`${label(other)}: the plan holds one Enrollment Status Page profile (${chosen.displayName ?? chosen.id}), so this one was not imported.`);
  const p = chosen.props;
  const fact = (path: string, value: ImportValue) => result.facts.push({ path, value, source: provenance(chosen) });
  if (typeof p.installProgressTimeoutInMinutes === 'number' && p.installProgressTimeoutInMinutes >= 1) fact('autopilot.esp.timeoutMinutes', p.installProgressTimeoutInMinutes);
  // "Show app and profile configuration progress" is the page itself: No, and it doesn't appear.
  if (typeof p.showInstallationProgress === 'boolean') {
    fact('autopilot.esp.enabled', p.showInstallationProgress);
    fact('autopilot.esp.showProgress', p.showInstallationProgress);
  }
  if (Array.isArray(p.selectedMobileAppIds)) fact('autopilot.esp.trackedApps', p.selectedMobileAppIds as string[]);
  const groups = groupValues(chosen, 'autopilot.esp.targetGroup', undefined, result.leftOut);
  for (const [path, value] of Object.entries(groups)) fact(path, value);
}

function importAutopilot(objects: GraphObject[], result: GraphImport): void {
  const chosen = pick(objects);
  if (!chosen) return;
  for (const other of objects) if (other !== chosen) result.leftOut.push(`${label(other)}: the plan holds one Autopilot deployment profile (${chosen.displayName ?? chosen.id}), so this one was not imported.`);
  const p = chosen.props;
  const fact = (path: string, value: ImportValue) => result.facts.push({ path, value, source: provenance(chosen) });
  if (chosen.type === 'autopilotEntraProfile') fact('autopilot.joinType', 'entra');
  else if (chosen.type === 'autopilotHybridProfile') fact('autopilot.joinType', 'hybrid');
  else result.leftOut.push(`${label(chosen)}: the profile's type (${chosen.odataType}) doesn't say how devices join, so autopilot.joinType was left out.`);
  const preProvisioning = typeof p.preprovisioningAllowed === 'boolean' ? p.preprovisioningAllowed : p.enableWhiteGlove;
  if (typeof preProvisioning === 'boolean') fact('autopilot.preProvisioningAllowed', preProvisioning);
  const oobe = (p.outOfBoxExperienceSetting ?? p.outOfBoxExperienceSettings) as Record<string, unknown> | undefined;
  if (oobe && typeof oobe.deviceUsageType === 'string') {
    result.leftOut.push(`${label(chosen)}: autopilot.deploymentMode was left out: Graph documents deviceUsageType "${oobe.deviceUsageType}" only as single-user or shared, not as a deployment mode; set user-driven or self-deploying by hand.`);
  }
  const groups = groupValues(chosen, 'autopilot.profileTargetGroup', undefined, result.leftOut);
  for (const [path, value] of Object.entries(groups)) fact(path, value);
}

function importRestrictions(objects: GraphObject[], result: GraphImport): void {
  for (const object of objects) {
    if (object.type === 'limitRestriction') {
      result.leftOut.push(`${label(object)}: a device limit restriction; the plan has no key for it.`);
      continue;
    }
    const restriction = object.type === 'platformRestrictions'
      ? object.props.windowsRestriction
      : typeof object.props.platformType === 'string' && object.props.platformType.toLowerCase() === 'windows' ? object.props.platformRestriction : undefined;
    if (object.type === 'platformRestriction' && restriction === undefined) {
      result.leftOut.push(`${label(object)}: a restriction for ${String(object.props.platformType ?? 'an unnamed platform')}, not Windows; not imported.`);
      continue;
    }
    if (!isDefault(object)) {
      result.leftOut.push(`${label(object)}: a custom enrollment restriction; whether it applies to the plan's devices is for intune.customEnrollmentRestrictions, which the export can't tell.`);
      continue;
    }
    const blocked = (restriction as Record<string, unknown> | undefined)?.platformBlocked;
    if (typeof blocked !== 'boolean') {
      result.leftOut.push(`${label(object)}: the default restriction doesn't say whether Windows is blocked; intune.defaultRestriction.windows was left out.`);
      continue;
    }
    result.facts.push({ path: 'intune.defaultRestriction.windows', value: blocked ? 'block' : 'allow', source: provenance(object) });
  }
}
