// Reads Intune objects out of Microsoft Graph (beta) JSON exports: a single object, a list response
// (`{"value": [...]}`, each `@odata.nextLink` page its own file), a bare array (PowerShell's
// ConvertTo-Json of a list), or many files (a folder export, handed over by the caller as names and
// texts: the core never touches the file system). `assignments` come inline (`$expand=assignments`)
// or as their own list response. Objects are recognised by `@odata.type` (odataTypes.ts); anything
// else is listed as skipped. Property names and types follow the Graph beta reference; a property
// of the wrong type is reported and left out. Nothing here throws on any input.
import { decodeText } from '../text/decode';
import { findJsonFault } from './jsonPosition';
import { GRAPH_TYPES, GraphTypeKey, graphTypeOf } from './odataTypes';

/** One export file: its name as the user knows it, and its text (or its bytes, decoded here). */
export interface GraphInput {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

export type AssignmentKind = 'group' | 'exclusion' | 'allDevices' | 'allUsers' | 'other';

export interface GraphAssignment {
  kind: AssignmentKind;
  groupId?: string;
  /** The target's `@odata.type` as written (for the report). */
  targetType?: string;
}

export interface GraphObject {
  type: GraphTypeKey;
  /** The `@odata.type` as written in the export. */
  odataType: string;
  file: string;
  id?: string;
  displayName?: string;
  /** Documented properties with the documented type; anything else is left out (see `problems`). */
  props: Record<string, unknown>;
  /** Undefined when the export says nothing of assignments (neither inline nor a separate list). */
  assignments?: GraphAssignment[];
}

export interface GraphSkipped {
  file: string;
  odataType?: string;
  id?: string;
  displayName?: string;
  reason: string;
}

export interface GraphError {
  file: string;
  message: string;
  /** 1-based, where the JSON went wrong. */
  line?: number;
  column?: number;
}

export interface GraphReadResult {
  objects: GraphObject[];
  skipped: GraphSkipped[];
  errors: GraphError[];
  /** Other things worth telling: wrong property types, duplicates, unmatched assignment lists, decoding. */
  notes: string[];
}

type PropType = 'string' | 'int' | 'boolean' | 'strings' | 'object';

// Properties comanage reads, with their types as the Graph beta reference gives them.
const BASE_ENROLLMENT: Record<string, PropType> = {
  id: 'string', displayName: 'string', description: 'string', priority: 'int', version: 'int',
  roleScopeTagIds: 'strings', deviceEnrollmentConfigurationType: 'string', createdDateTime: 'string', lastModifiedDateTime: 'string',
};
const BASE_AUTOPILOT: Record<string, PropType> = {
  id: 'string', displayName: 'string', description: 'string', language: 'string', locale: 'string',
  createdDateTime: 'string', lastModifiedDateTime: 'string', outOfBoxExperienceSettings: 'object', outOfBoxExperienceSetting: 'object',
  enrollmentStatusScreenSettings: 'object', extractHardwareHash: 'boolean', hardwareHashExtractionEnabled: 'boolean',
  deviceNameTemplate: 'string', deviceType: 'string', enableWhiteGlove: 'boolean', preprovisioningAllowed: 'boolean',
  roleScopeTagIds: 'strings', managementServiceAppId: 'string',
};
const PROPERTIES: Record<GraphTypeKey, Record<string, PropType>> = {
  comanagementSettings: {
    ...BASE_ENROLLMENT, managedDeviceAuthority: 'int', installConfigurationManagerAgent: 'boolean', configurationManagerAgentCommandLineArgument: 'string',
  },
  enrollmentStatusPage: {
    ...BASE_ENROLLMENT, showInstallationProgress: 'boolean', blockDeviceSetupRetryByUser: 'boolean', allowDeviceResetOnInstallFailure: 'boolean',
    allowLogCollectionOnInstallFailure: 'boolean', customErrorMessage: 'string', installProgressTimeoutInMinutes: 'int',
    allowDeviceUseOnInstallFailure: 'boolean', selectedMobileAppIds: 'strings', allowNonBlockingAppInstallation: 'boolean',
    installQualityUpdates: 'boolean', trackInstallProgressForAutopilotOnly: 'boolean', disableUserStatusTrackingAfterFirstUser: 'boolean',
  },
  autopilotProfile: BASE_AUTOPILOT,
  autopilotEntraProfile: BASE_AUTOPILOT,
  autopilotHybridProfile: { ...BASE_AUTOPILOT, hybridAzureADJoinSkipConnectivityCheck: 'boolean' },
  platformRestriction: { ...BASE_ENROLLMENT, platformRestriction: 'object', platformType: 'string' },
  platformRestrictions: {
    ...BASE_ENROLLMENT, windowsRestriction: 'object', windowsHomeSkuRestriction: 'object', windowsMobileRestriction: 'object',
    iosRestriction: 'object', androidRestriction: 'object', androidForWorkRestriction: 'object', macRestriction: 'object', macOSRestriction: 'object',
    visionOSRestriction: 'object', tvosRestriction: 'object',
  },
  limitRestriction: { ...BASE_ENROLLMENT, limit: 'int' },
};

/** Nested objects deeper than this (a crafted file) are not followed. */
const MAX_DEPTH = 8;

export function readGraphExports(inputs: readonly GraphInput[]): GraphReadResult {
  const result: GraphReadResult = { objects: [], skipped: [], errors: [], notes: [] };
  const assignmentLists: { file: string; parentId?: string; items: unknown[] }[] = [];
  for (const input of inputs) {
    try {
      readOne(input, result, assignmentLists);
    } catch (error) {
      // Nothing above should throw; if it does, the file is reported, the others still read.
      result.errors.push({ file: input.name, message: `could not be read as a Graph export (${(error as Error)?.message ?? String(error)})` });
    }
  }
  attachAssignmentLists(result, assignmentLists);
  dedupe(result);
  return result;
}

function readOne(input: GraphInput, result: GraphReadResult, assignmentLists: { file: string; parentId?: string; items: unknown[] }[]): void {
  let text = input.text;
  if (text === undefined) {
    const decoded = decodeText(input.bytes ?? new Uint8Array());
    if (decoded.encoding === 'none') {
      result.errors.push({ file: input.name, message: decoded.problem?.message ?? 'This file is not text.' });
      return;
    }
    if (decoded.problem) result.notes.push(`${input.name}: ${decoded.problem.message}`);
    text = decoded.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    result.errors.push({ file: input.name, message: 'The file is empty; a Graph export is a JSON object or a list response.' });
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    result.errors.push(jsonError(input.name, text));
    return;
  }
  collect(json, input.name, result, assignmentLists, 0);
}

/** A JSON.parse failure as an error with its line and column, in our words (V8's may quote the file). */
function jsonError(file: string, text: string): GraphError {
  const found = findJsonFault(text) ?? { offset: text.length, reason: 'the text is not valid JSON' };
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length;
  const column = found.offset - (before.lastIndexOf('\n') + 1) + 1;
  return { file, line, column, message: `not valid JSON at line ${line}, column ${column}: ${found.reason}.` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collect(json: unknown, file: string, result: GraphReadResult, assignmentLists: { file: string; parentId?: string; items: unknown[] }[], depth: number): void {
  if (depth > MAX_DEPTH) {
    result.notes.push(`${file}: lists nested more than ${MAX_DEPTH} deep were not read.`);
    return;
  }
  if (Array.isArray(json)) {
    if (json.length > 0 && json.every(isAssignmentLike)) {
      assignmentLists.push({ file, items: json });
      return;
    }
    for (const item of json) collect(item, file, result, assignmentLists, depth + 1);
    return;
  }
  if (!isRecord(json)) {
    result.skipped.push({ file, reason: `holds a JSON ${json === null ? 'null' : typeof json}, not a Graph object or list` });
    return;
  }
  if (Array.isArray(json.value) && json['@odata.type'] === undefined) {
    // A list response. An assignments list names its parent in @odata.context: …('<id>')/assignments.
    const context = typeof json['@odata.context'] === 'string' ? json['@odata.context'] : '';
    const parent = /\('([^']+)'\)\/assignments/i.exec(context)?.[1];
    if (parent || /\/assignments\b/i.test(context) || (json.value.length > 0 && json.value.every(isAssignmentLike))) {
      assignmentLists.push({ file, parentId: parent, items: json.value });
      return;
    }
    for (const item of json.value) collect(item, file, result, assignmentLists, depth + 1);
    return;
  }
  readObject(json, file, result);
}

function isAssignmentLike(value: unknown): boolean {
  return isRecord(value) && isRecord(value.target) && graphTypeOf(value['@odata.type']) === undefined;
}

function readObject(json: Record<string, unknown>, file: string, result: GraphReadResult): void {
  const odataType = json['@odata.type'];
  const id = typeof json.id === 'string' ? json.id : undefined;
  const displayName = typeof json.displayName === 'string' ? json.displayName : undefined;
  const type = graphTypeOf(odataType);
  if (!type) {
    result.skipped.push({
      file, id, displayName,
      odataType: typeof odataType === 'string' ? odataType : undefined,
      reason: typeof odataType === 'string' ? `${odataType.replace(/^#?microsoft\.graph\./i, '')} is not a type comanage imports` : 'it has no @odata.type, so its type is unknown',
    });
    return;
  }
  const props: Record<string, unknown> = {};
  const expected = PROPERTIES[type];
  const label = `${file}: "${displayName ?? id ?? GRAPH_TYPES[type]}"`;
  for (const [name, kind] of Object.entries(expected)) {
    if (!(name in json) || json[name] === null) continue;
    const value = json[name];
    if (fits(value, kind)) props[name] = value;
    else result.notes.push(`${label}: ${name} should be ${describeType(kind)} but is ${describeValue(value)}; it was left out.`);
  }
  const object: GraphObject = { type, odataType: String(odataType), file, id, displayName, props };
  if ('assignments' in json) {
    if (Array.isArray(json.assignments)) object.assignments = json.assignments.map(readAssignment);
    else result.notes.push(`${label}: assignments should be a list but is ${describeValue(json.assignments)}; they were left out.`);
  }
  result.objects.push(object);
}

function fits(value: unknown, kind: PropType): boolean {
  switch (kind) {
    case 'string': return typeof value === 'string';
    case 'int': return typeof value === 'number' && Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'strings': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'object': return isRecord(value);
  }
}

function describeType(kind: PropType): string {
  return { string: 'a string', int: 'a whole number', boolean: 'true or false', strings: 'a list of strings', object: 'an object' }[kind];
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function readAssignment(value: unknown): GraphAssignment {
  const target = isRecord(value) && isRecord(value.target) ? value.target : undefined;
  const targetType = typeof target?.['@odata.type'] === 'string' ? String(target['@odata.type']) : undefined;
  const name = (targetType ?? '').replace(/^#?microsoft\.graph\./i, '').toLowerCase();
  const groupId = typeof target?.groupId === 'string' ? target.groupId : undefined;
  const kind: AssignmentKind = name === 'groupassignmenttarget' ? 'group'
    : name === 'exclusiongroupassignmenttarget' ? 'exclusion'
    : name === 'alldevicesassignmenttarget' ? 'allDevices'
    : name === 'alllicensedusersassignmenttarget' ? 'allUsers'
    : 'other';
  return { kind, groupId, targetType };
}

function attachAssignmentLists(result: GraphReadResult, lists: { file: string; parentId?: string; items: unknown[] }[]): void {
  for (const list of lists) {
    // The parent: named in @odata.context, else the one object whose id is in the file's name.
    const parent = list.parentId !== undefined
      ? result.objects.find((o) => o.id?.toLowerCase() === list.parentId!.toLowerCase())
      : onlyOne(result.objects.filter((o) => o.id && list.file.toLowerCase().includes(o.id.toLowerCase())));
    if (!parent) {
      result.notes.push(`${list.file}: a list of assignments whose object isn't among the files read${list.parentId ? ` (${list.parentId})` : ''}; it was not used.`);
      continue;
    }
    parent.assignments = [...(parent.assignments ?? []), ...list.items.map(readAssignment)];
  }
}

function onlyOne<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/** The same object in two files (a folder export next to a list response): the first one counts. */
function dedupe(result: GraphReadResult): void {
  const seen = new Map<string, GraphObject>();
  result.objects = result.objects.filter((object) => {
    if (!object.id) return true;
    const key = object.id.toLowerCase();
    const first = seen.get(key);
    if (!first) { seen.set(key, object); return true; }
    if (!first.assignments && object.assignments) first.assignments = object.assignments;
    result.notes.push(`${object.file}: "${object.displayName ?? object.id}" (${object.id}) was already read from ${first.file}; the first copy counts.`);
    return false;
  });
}
