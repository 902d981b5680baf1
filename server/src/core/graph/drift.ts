// Drift: the plan against the tenant's own exports. The exports (the plan's `sources:`, or the
// CLI's --against) are read by the shell and handed in as texts; the reading and mapping are
// read.ts and toPlan.ts, so a fact compared here is exactly the fact `comanage import` would write.
// Each imported fact the checks cover is compared with the plan's value on the same key: equal
// passes, different fails on the plan's key with both values and a fix that takes the tenant's
// value; a fact one side doesn't state is unknown, never a pass. An export that can't be read is a
// failing check that says so. Tokens never reach a message: the import cuts them out of command
// lines, and every message is masked besides.
import type { Fix, Severity } from '../languageTypes';
import type { Plan } from '../manifest/plan';
import type { ReadinessResult } from '../manifest/readiness';
import { setValues } from '../manifest/setValues';
import { isPlaceholder } from '../manifest/placeholders';
import { maskText } from '../secrets';
import { GraphInput, GraphReadResult, readGraphExports } from './read';
import { GraphImport, ImportValue, Provenance, planFromGraph, provenanceText, withoutToken } from './toPlan';
import { DRIFT_CHECKS, DRIFT_DOC } from './driftChecks';

/** One export as the shell read it: its name as listed (relative to the plan), and its text or bytes, or why it couldn't be read. */
export interface ExportSource {
  name: string;
  text?: string;
  bytes?: Uint8Array;
  /** Set when the file could not be read (missing, a folder without exports, too large). */
  unreadable?: string;
}

type CheckKey = keyof typeof DRIFT_CHECKS;

/** Keys of a policy compared, relative to `comanagement.policies[i]`. */
const POLICY_KEYS: Record<string, CheckKey> = {
  commandLine: 'commandLine', installAgent: 'installAgent', managedDeviceAuthority: 'authority', priority: 'priority',
  targetGroup: 'groups', targetGroupType: 'groups',
};

/** Plan keys outside the policies compared, and the object kind that states them. */
const FACT_KEYS: Record<string, { check: CheckKey; object: 'esp' | 'autopilot' }> = {
  'autopilot.esp.timeoutMinutes': { check: 'espTimeout', object: 'esp' },
  'autopilot.esp.enabled': { check: 'espProgress', object: 'esp' },
  'autopilot.esp.showProgress': { check: 'espProgress', object: 'esp' },
  'autopilot.esp.targetGroup': { check: 'groups', object: 'esp' },
  'autopilot.joinType': { check: 'autopilotJoin', object: 'autopilot' },
  'autopilot.deploymentMode': { check: 'autopilotMode', object: 'autopilot' },
  'autopilot.preProvisioningAllowed': { check: 'autopilotMode', object: 'autopilot' },
  'autopilot.profileTargetGroup': { check: 'groups', object: 'autopilot' },
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CASE_FREE = new Set(['targetGroup', 'targetGroupType', 'autopilot.esp.targetGroup', 'autopilot.joinType', 'autopilot.deploymentMode', 'autopilot.profileTargetGroup']);

/**
 * The exports as read and mapped, per list the shell handed in. The checks run on every edit of the
 * plan, and the language service keeps the same list until an export changes: parsed once per list.
 */
const readCache = new WeakMap<readonly ExportSource[], { inputs: GraphInput[]; read: GraphReadResult; imported: GraphImport }>();

function readSources(sources: readonly ExportSource[]): { inputs: GraphInput[]; read: GraphReadResult; imported: GraphImport } {
  let cached = readCache.get(sources);
  if (!cached) {
    const inputs = sources.filter((source) => source.unreadable === undefined).map((source) => ({ name: source.name, text: source.text, bytes: source.bytes }));
    const read = readGraphExports(inputs);
    cached = { inputs, read, imported: planFromGraph(read) };
    readCache.set(sources, cached);
  }
  return cached;
}

export interface DriftOptions {
  /** Severity overrides by check id ('off' leaves the check out), as in the settings' `rules`. */
  overrides?: Readonly<Record<string, Severity | 'off'>>;
}

/** The "Tenant export" checks of a plan against its exports (an empty list when there are none). */
export function driftResults(plan: Plan, sources: readonly ExportSource[], options: DriftOptions = {}): ReadinessResult[] {
  const results: ReadinessResult[] = [];
  if (sources.length === 0) return results;
  const overrides = options.overrides ?? {};
  const push = (key: CheckKey, status: ReadinessResult['status'], message: string, path?: string, fixes?: Fix[]) => {
    const check = DRIFT_CHECKS[key];
    const override = overrides[check.id];
    if (override === 'off') return;
    const severity = override ?? check.severity;
    const shown = status === 'fail' && severity !== 'error' ? (severity === 'warning' ? 'warn' : 'info') : status;
    results.push({
      id: check.id, area: 'tenant-export', title: check.title, docUrl: DRIFT_DOC, severity,
      status: shown, message: maskText(message), ...(path !== undefined ? { span: plan.spanOf(path) } : {}), ...(fixes ? { fixes } : {}),
    });
  };
  const sourcesSpan = plan.has('sources') ? 'sources' : undefined;

  // The exports themselves: any that couldn't be read or parsed is a failure, never a clean report.
  const { inputs, read, imported } = readSources(sources);
  for (const source of sources) {
    if (source.unreadable !== undefined) push('readable', 'fail', `The tenant export ${source.name} could not be read (${source.unreadable}), so the plan was not compared with it. Correct the path (sources: or --against) or the file.`, sourcesSpan);
  }
  for (const error of read.errors) {
    const at = error.line !== undefined ? ` (line ${error.line}, column ${error.column})` : '';
    push('readable', 'fail', `The tenant export ${error.file}${at} could not be read as Graph JSON: ${error.message} It was not compared with the plan.`, sourcesSpan);
  }
  if (inputs.length > 0 && read.errors.length === 0 && results.length === 0) {
    if (read.objects.length === 0) {
      push('readable', 'unknown', `The tenant exports (${inputs.length} file${inputs.length === 1 ? '' : 's'}) hold no co-management settings policy, Enrollment Status Page or Autopilot profile, so nothing was compared.`, sourcesSpan);
    } else {
      push('readable', 'pass', `The tenant exports were read: ${inputs.length} file${inputs.length === 1 ? '' : 's'}, ${read.objects.length} object${read.objects.length === 1 ? '' : 's'} comanage compares.`, sourcesSpan);
    }
  }

  const compare = (key: CheckKey, path: string, name: string, tenant: ImportValue, source: Provenance) => {
    const flaw = plan.flawOf(path);
    const node = plan.node(path);
    const from = `${provenanceText(source).replace(/^imported from /, '')}`;
    if (flaw || node === undefined || node === null || node.kind !== 'scalar' || node.value === null || (typeof node.value === 'string' && isPlaceholder(node.value.trim()))) {
      const why = flaw ? `has a value that is no evidence (${flaw.reason})` : node && node.kind !== 'scalar' ? 'is not a single value' : 'is not stated';
      push(key, 'unknown', `Unknown: ${path} ${why} in the plan; the tenant's export says ${show(tenant)} (${from}). State it (comanage import --into fills it in) to compare them.`, path);
      return;
    }
    const mine = node.value;
    const verdict = same(name, mine, tenant);
    if (verdict === 'same') {
      push(key, 'pass', `${path} is ${show(mine)}, as in the tenant's export (${from}).`, path);
    } else if (verdict === 'incomparable') {
      push(key, 'unknown', `Unknown: ${path} names a group (${show(mine)}) and the tenant's export gives only its id (${show(tenant)}, ${from}); state the group's object id to compare them.`, path);
    } else {
      push(key, 'fail', `${path} is ${show(mine)} in the plan, but the tenant's export says ${show(tenant)} (${from}). Take the tenant's value, or change the setting in Intune.`, path, takeFix(plan, path, tenant));
    }
  };

  // Policies, matched by name (as the import merges them).
  const planPolicies = plan.count('comanagement.policies');
  const planNames = Array.from({ length: planPolicies }, (_, i) => plan.str(`comanagement.policies[${i}].name`)?.trim().toLowerCase());
  const matched = new Set<number>();
  for (const policy of imported.policies) {
    const name = String(policy.values.name).trim().toLowerCase();
    const index = planNames.findIndex((n, i) => n === name && !matched.has(i));
    if (index < 0) {
      push('policy', 'unknown', `Unknown: the tenant's export holds the co-management settings policy "${policy.values.name}" (${provenanceText(policy.source).replace(/^imported from /, '')}) and the plan has no policy of that name, so it was not compared. Add it (comanage import --into) or name the plan's policy as in Intune.`, plan.has('comanagement.policies') ? 'comanagement.policies' : undefined);
      continue;
    }
    matched.add(index);
    const base = `comanagement.policies[${index}]`;
    for (const [key, check] of Object.entries(POLICY_KEYS)) {
      const path = `${base}.${key}`;
      const tenant = policy.values[key];
      if (tenant !== undefined) compare(check, path, key, tenant, policy.source);
      else if (plan.has(path)) push(check, 'unknown', `Unknown: the tenant's export of "${policy.values.name}" (${provenanceText(policy.source).replace(/^imported from /, '')}) doesn't state what ${path} says, so it was not compared.`, path);
    }
  }
  if (imported.policies.length > 0) {
    for (let i = 0; i < planPolicies; i++) {
      if (matched.has(i)) continue;
      push('policy', 'unknown', `Unknown: the plan's policy "${plan.str(`comanagement.policies[${i}].name`) ?? `#${i + 1}`}" is in none of the tenant's exports, so it was not compared. Export it, or check that it exists in Intune.`, `comanagement.policies[${i}]`);
    }
  }

  // The Enrollment Status Page and the Autopilot profile: a fact the plan states that the export of
  // that object doesn't is unknown; with no such object exported, nothing is said about its keys.
  const exported = { esp: read.objects.some((o) => o.type === 'enrollmentStatusPage'), autopilot: read.objects.some((o) => o.type.startsWith('autopilot')) };
  const seen = new Set<string>();
  for (const fact of imported.facts) {
    const spec = FACT_KEYS[fact.path];
    if (!spec || seen.has(fact.path)) continue;
    seen.add(fact.path);
    compare(spec.check, fact.path, fact.path, fact.value, fact.source);
  }
  for (const [path, spec] of Object.entries(FACT_KEYS)) {
    if (seen.has(path) || !exported[spec.object] || !plan.has(path)) continue;
    const what = spec.object === 'esp' ? 'Enrollment Status Page profile' : 'Autopilot deployment profile';
    push(spec.check, 'unknown', `Unknown: the tenant's exported ${what} doesn't state what ${path} says${path === 'autopilot.deploymentMode' ? ' (Graph doesn\'t say user-driven or self-deploying)' : ''}, so it was not compared.`, path);
  }
  return results;
}

function same(name: string, mine: string | number | boolean, tenant: ImportValue): 'same' | 'different' | 'incomparable' {
  if (Array.isArray(tenant)) return 'incomparable';
  if (typeof tenant === 'string') {
    if (typeof mine !== 'string') return String(mine) === tenant.trim() ? 'same' : 'different';
    let a = mine.trim();
    let b = tenant.trim();
    if (name === 'commandLine') {
      // The import cuts a bulk registration token out; the plan's line is compared without one too.
      a = (withoutToken(a).line ?? a).replace(/\s+/g, ' ');
      b = b.replace(/\s+/g, ' ');
    }
    if (CASE_FREE.has(name)) {
      a = a.toLowerCase();
      b = b.toLowerCase();
      // "All devices" / "All users" are names too; a GUID against a name can't be compared.
      if (/targetgroup$/i.test(name) && GUID.test(b) && !GUID.test(a) && !a.startsWith('all ')) return a === b ? 'same' : 'incomparable';
    }
    return a === b ? 'same' : 'different';
  }
  return mine === tenant ? 'same' : 'different';
}

function takeFix(plan: Plan, path: string, tenant: ImportValue): Fix[] | undefined {
  if (Array.isArray(tenant)) return undefined;
  const result = setValues(plan.document.text, [{ path, value: tenant }]);
  if (result.refused || result.edits.length === 0) return undefined;
  return [{ title: 'Take the tenant\'s value', edits: result.edits.map((e) => ({ span: { start: e.start, end: e.end }, newText: e.newText })) }];
}

function show(value: unknown): string {
  if (typeof value !== 'string') {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }
  // A command line holds double quotes: in single quotes it reads as it is written.
  const quote = value.includes('"') && !value.includes('\'') ? '\'' : '"';
  return `${quote}${value.length > 200 ? `${value.slice(0, 200)}…` : value}${quote}`;
}
