// The facts of a plan a command-line generator can start from: the site code, the CMG address, the
// management point and how clients authenticate. A fact is offered only when the plan states it with
// a value the format accepts (a site code of three letters or digits, one of the listed
// authentication methods, an address on one line), never a template placeholder; anything else is
// left for the person to type.
import { fieldAt } from './describeField';
import { Plan, parsePath } from './plan';

export interface PlanFacts {
  siteCode?: string;
  /** CCMHOSTNAME: the CMG address as clients report it. */
  cmg?: string;
  managementPoint?: string;
  authentication?: 'entra-id' | 'pki' | 'token';
}

/** Where each fact is in the plan. */
export const FACT_PATHS: Record<keyof PlanFacts, string> = {
  siteCode: 'site.code',
  cmg: 'site.cmg.address',
  managementPoint: 'site.managementPoint',
  authentication: 'site.clientAuthentication',
};

/** The value at `path` when the format accepts it as written, else undefined. */
function validValue(plan: Plan, path: string): string | undefined {
  // A template placeholder or a value the structure check rejects is no fact to start from.
  if (plan.flawOf(path)) return undefined;
  const value = plan.value(path);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const type = fieldAt(parsePath(path))?.type;
  if (!text || /[\r\n]/.test(text) || !type) return undefined;
  if (type.kind === 'enum') return type.values.find((v) => v.value === text)?.value;
  if (type.kind !== 'string') return undefined;
  return !type.pattern || new RegExp(type.pattern).test(text) ? text : undefined;
}

export function planFacts(plan: Plan): PlanFacts {
  const facts: PlanFacts = {};
  for (const [fact, path] of Object.entries(FACT_PATHS) as [keyof PlanFacts, string][]) {
    const value = validValue(plan, path);
    if (value !== undefined) (facts as Record<string, string>)[fact] = value;
  }
  return facts;
}
