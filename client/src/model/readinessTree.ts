// Builds the Readiness view's tree from the server's answers: manifest → area → check. Plain data
// (labels, icon ids, markdown tooltips); readinessView.ts turns it into TreeItems. Nothing here
// judges a plan: every status comes from `comanage/readiness`.
import { areaTitle, compareAreas } from './areas';
import { CheckStatus, MissingFact, Range, ReadinessCheck, ReadinessState } from './protocol';

/** What the view knows about one manifest: its checks, or why it could not get them. */
export interface ManifestReadiness {
  uri: string;
  /** File name shown as the node's label. */
  label: string;
  /** Workspace-relative folder, when there is one, to tell equal file names apart. */
  folder?: string;
  checks: ReadinessCheck[];
  error?: string;
  /** The plan can't be read (a YAML error): it has no checks, and that is not a pass. */
  parseError?: ReadinessState['parseError'];
}

export type Counts = Record<CheckStatus, number>;

interface BaseNode {
  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  id: string;
  uri: string;
  label: string;
  description: string;
  status: NodeStatus;
  /** Markdown. */
  tooltip: string;
}

export interface ManifestNode extends BaseNode {
  kind: 'manifest'; counts: Counts; error?: string; children: AreaNode[];
  /** Listed first, above the areas, when the plan can't be read. */
  parseError?: ParseErrorNode;
}
export interface AreaNode extends BaseNode { kind: 'area'; area: string; counts: Counts; children: CheckNode[] }
export interface CheckNode extends BaseNode { kind: 'check'; check: ReadinessCheck; range?: Range }
/** Why a manifest has no checks: its YAML error, clickable to its place. */
export interface ParseErrorNode extends BaseNode { kind: 'parseError'; range: Range }
export type ReadinessNode = ManifestNode | AreaNode | CheckNode | ParseErrorNode;

/** A check's status, or a plan that can't be read at all. */
export type NodeStatus = CheckStatus | 'unreadable';

/**
 * Theme icon and colour per status, and the word a tooltip uses. Only a pass is green: an unknown
 * (or a node with nothing known under it) is a neutral question mark in the default icon colour.
 */
export const STATUS_LOOK: Readonly<Record<NodeStatus, { icon: string; color: string; word: string }>> = {
  unreadable: { icon: 'error', color: 'problemsErrorIcon.foreground', word: 'Can\'t read the plan' },
  fail: { icon: 'error', color: 'problemsErrorIcon.foreground', word: 'Fails' },
  warn: { icon: 'warning', color: 'problemsWarningIcon.foreground', word: 'Warning' },
  unknown: { icon: 'question', color: 'icon.foreground', word: 'Unknown' },
  info: { icon: 'info', color: 'problemsInfoIcon.foreground', word: 'Information' },
  pass: { icon: 'pass', color: 'testing.iconPassed', word: 'Passes' },
};

/** Worst first: the order checks are listed in, and how a parent's status is chosen. */
const RANK: readonly CheckStatus[] = ['fail', 'warn', 'unknown', 'info', 'pass'];
const STATUSES = new Set<string>(RANK);

export function emptyCounts(): Counts {
  return { fail: 0, warn: 0, unknown: 0, info: 0, pass: 0 };
}

export function countChecks(checks: readonly ReadinessCheck[]): Counts {
  const counts = emptyCounts();
  for (const check of checks) counts[statusOf(check)]++;
  return counts;
}

/** A status the client doesn't know (a newer server) is shown as unknown rather than dropped. */
export function statusOf(check: ReadinessCheck): CheckStatus {
  return STATUSES.has(check.status) ? check.status : 'unknown';
}

/** The worst status counted; with nothing counted, unknown (no checks is no evidence of a pass). */
export function worstStatus(counts: Counts): CheckStatus {
  return RANK.find((status) => counts[status] > 0) ?? 'unknown';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Every status's count, worst first: "2 failing · 1 warning · 3 unknown · 4 passing"; "all 12 pass"
 * only when every check passes, so unknowns never hide behind a pass count.
 */
export function summarize(counts: Counts): string {
  const parts: string[] = [];
  if (counts.fail) parts.push(`${counts.fail} failing`);
  if (counts.warn) parts.push(plural(counts.warn, 'warning', 'warnings'));
  if (counts.unknown) parts.push(`${counts.unknown} unknown`);
  if (counts.info) parts.push(`${counts.info} to note`);
  if (parts.length) return (counts.pass ? [...parts, `${counts.pass} passing`] : parts).join(' · ');
  const total = counts.pass;
  return total === 0 ? 'no checks' : total === 1 ? '1 passes' : `all ${total} pass`;
}

/** "can't read the plan: YAML error on line 4": why a manifest has no checks. */
export function parseErrorSummary(parseError: NonNullable<ReadinessState['parseError']>): string {
  return `can't read the plan: YAML error on line ${parseError.line}`;
}

const REASON: Record<MissingFact['reason'], (fact: MissingFact) => string> = {
  absent: (fact) => `needs ${fact.path}`,
  invalid: (fact) => `${fact.path} has an invalid value${fact.value === undefined ? '' : ` '${fact.value}'`}`,
  placeholder: (fact) => `${fact.path} is still a placeholder`,
};

/** What an unknown check lacks, short: "needs licensing.entraId; site.code is still a placeholder". */
export function missingSummary(missing: readonly MissingFact[]): string {
  const shown = missing.slice(0, 2).map((fact) => (REASON[fact.reason] ?? REASON.absent)(fact));
  return missing.length > 2 ? `${shown.join('; ')}; and ${missing.length - 2} more` : shown.join('; ');
}

/** A fenced block that a ``` inside the text can't close early. */
function fenced(text: string, language: string): string {
  return `\`\`\`\`${language}\n${text.replace(/````/g, '` ` ` `')}\n\`\`\`\``;
}

const STATE: Record<MissingFact['reason'], (fact: MissingFact) => string> = {
  absent: () => 'not in the plan',
  invalid: (fact) => `invalid value${fact.value === undefined ? '' : ` '${fact.value}'`}`,
  placeholder: () => 'still a placeholder',
};

function missingTooltip(fact: MissingFact): string {
  const lines = [`**${escapeMarkdown(fact.path)}**: ${escapeMarkdown((STATE[fact.reason] ?? STATE.absent)(fact))}`];
  if (fact.allowed?.length) {
    lines.push(fact.allowed.map((a) => `- \`${a.value.replace(/`/g, "'")}\`: ${escapeMarkdown(a.meaning)}`).join('\n'));
  }
  if (fact.example) lines.push(fenced(fact.example, 'yaml'));
  return lines.join('\n\n');
}

/** Escapes text for a markdown tooltip, so a message's `*`, `_` or `<` shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function checkTooltip(check: ReadinessCheck, status: CheckStatus): string {
  const look = STATUS_LOOK[status];
  const lines = [`$(${look.icon}) **${look.word}:** ${escapeMarkdown(check.title)}`];
  if (check.message && check.message !== check.title) lines.push(escapeMarkdown(check.message));
  if (status === 'unknown') for (const fact of check.missing ?? []) lines.push(missingTooltip(fact));
  if (/^https:\/\//.test(check.docUrl)) lines.push(`[Read the documentation](${check.docUrl})`);
  lines.push(`\`${check.id}\``);
  return lines.join('\n\n');
}

function checkNode(uri: string, areaId: string, check: ReadinessCheck, id: string): CheckNode {
  const status = statusOf(check);
  return {
    kind: 'check',
    id,
    uri,
    label: check.title,
    // A passing check's message repeats its title; the others say what is wrong or missing (an
    // unknown in a few words: its whole reason is in the tooltip).
    description: status === 'pass' || check.message === check.title ? ''
      : status === 'unknown' && check.missing?.length ? missingSummary(check.missing) : check.message,
    status,
    tooltip: checkTooltip(check, status),
    check,
    range: check.range,
  };
}

function areaNodes(uri: string, checks: readonly ReadinessCheck[]): AreaNode[] {
  const byArea = new Map<string, ReadinessCheck[]>();
  for (const check of checks) {
    const list = byArea.get(check.area) ?? [];
    list.push(check);
    byArea.set(check.area, list);
  }
  return [...byArea.keys()].sort(compareAreas).map((area) => {
    const list = byArea.get(area)!;
    const counts = countChecks(list);
    const status = worstStatus(counts);
    const areaId = `${uri}#${area}`;
    // Worst first; equal statuses keep the server's order (sort is stable).
    const sorted = [...list].sort((a, b) => RANK.indexOf(statusOf(a)) - RANK.indexOf(statusOf(b)));
    const seen = new Map<string, number>();
    const children = sorted.map((check) => {
      const n = seen.get(check.id) ?? 0;
      seen.set(check.id, n + 1);
      return checkNode(uri, area, check, `${areaId}#${check.id}${n ? `#${n}` : ''}`);
    });
    const title = areaTitle(area);
    return {
      kind: 'area' as const,
      id: areaId,
      uri,
      area,
      label: title,
      description: summarize(counts),
      status,
      tooltip: `**${escapeMarkdown(title)}**: ${summarize(counts)}`,
      counts,
      children,
    };
  });
}

function parseErrorNode(uri: string, parseError: NonNullable<ReadinessState['parseError']>): ParseErrorNode {
  return {
    kind: 'parseError',
    id: `${uri}#parse-error`,
    uri,
    label: `YAML error on line ${parseError.line}`,
    description: parseError.message,
    status: 'unreadable',
    tooltip: `$(error) **Can't read the plan:** ${escapeMarkdown(parseError.message)}\n\nThe readiness checks need a plan the YAML parser can read; fix this line and they come back.`,
    range: parseError.range,
  };
}

export function manifestNode(manifest: ManifestReadiness): ManifestNode {
  const counts = countChecks(manifest.checks);
  const unreadable = !manifest.error && manifest.parseError ? manifest.parseError : undefined;
  const summary = manifest.error ? `could not check: ${manifest.error}` : unreadable ? parseErrorSummary(unreadable) : summarize(counts);
  const where = manifest.folder ? `${manifest.folder}/${manifest.label}` : manifest.label;
  const areas = areaNodes(manifest.uri, manifest.checks);
  // The whole count per area, so a long tree needn't be expanded to see where the unknowns are.
  const perArea = areas.map((area) => `- ${escapeMarkdown(area.label)}: ${escapeMarkdown(area.description)}`).join('\n');
  return {
    kind: 'manifest',
    id: manifest.uri,
    uri: manifest.uri,
    label: manifest.label,
    description: manifest.folder ? `${summary} — ${manifest.folder}` : summary,
    status: manifest.error ? 'unknown' : unreadable ? 'unreadable' : worstStatus(counts),
    tooltip: `**${escapeMarkdown(where)}**\n\nReadiness: ${escapeMarkdown(summary)}${perArea ? `\n\n${perArea}` : ''}`,
    counts,
    error: manifest.error,
    children: areas,
    parseError: unreadable && parseErrorNode(manifest.uri, unreadable),
  };
}

/** The tree's roots: one node per manifest, by file name then folder. */
export function buildReadinessTree(manifests: readonly ManifestReadiness[]): ManifestNode[] {
  return [...manifests]
    .sort((a, b) => a.label.localeCompare(b.label) || (a.folder ?? '').localeCompare(b.folder ?? '') || a.uri.localeCompare(b.uri))
    .map(manifestNode);
}

/**
 * The view's badge: failing checks plus plans that can't be read, over all manifests, or nothing
 * when there are none. Its tooltip also counts the unknowns, so a badge never reads as "all good".
 */
export function readinessBadge(roots: readonly ManifestNode[]): { value: number; tooltip: string } | undefined {
  const failing = roots.reduce((sum, root) => sum + root.counts.fail, 0);
  const unreadable = roots.filter((root) => root.status === 'unreadable').length;
  if (!failing && !unreadable) return undefined;
  const unknown = roots.reduce((sum, root) => sum + root.counts.unknown, 0);
  const parts: string[] = [];
  if (failing) {
    const files = roots.filter((root) => root.counts.fail > 0).length;
    parts.push(`${plural(failing, 'failing readiness check', 'failing readiness checks')} in ${plural(files, 'manifest', 'manifests')}`);
  }
  if (unreadable) parts.push(`${plural(unreadable, 'manifest', 'manifests')} with a YAML error`);
  if (unknown) parts.push(`${unknown} unknown`);
  return { value: failing + unreadable, tooltip: parts.join(' · ') };
}
