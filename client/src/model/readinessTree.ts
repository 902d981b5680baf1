// Builds the Readiness view's tree from the server's answers: manifest → area → check. Plain data
// (labels, icon ids, markdown tooltips); readinessView.ts turns it into TreeItems. Nothing here
// judges a plan: every status comes from `comanage/readiness`.
import { areaTitle, compareAreas } from './areas';
import { CheckStatus, Range, ReadinessCheck } from './protocol';

/** What the view knows about one manifest: its checks, or why it could not get them. */
export interface ManifestReadiness {
  uri: string;
  /** File name shown as the node's label. */
  label: string;
  /** Workspace-relative folder, when there is one, to tell equal file names apart. */
  folder?: string;
  checks: ReadinessCheck[];
  error?: string;
}

export type Counts = Record<CheckStatus, number>;

interface BaseNode {
  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  id: string;
  uri: string;
  label: string;
  description: string;
  status: CheckStatus;
  /** Markdown. */
  tooltip: string;
}

export interface ManifestNode extends BaseNode { kind: 'manifest'; counts: Counts; error?: string; children: AreaNode[] }
export interface AreaNode extends BaseNode { kind: 'area'; area: string; counts: Counts; children: CheckNode[] }
export interface CheckNode extends BaseNode { kind: 'check'; check: ReadinessCheck; range?: Range }
export type ReadinessNode = ManifestNode | AreaNode | CheckNode;

/** Theme icon and colour per status, and the word a tooltip uses. */
export const STATUS_LOOK: Readonly<Record<CheckStatus, { icon: string; color: string; word: string }>> = {
  fail: { icon: 'error', color: 'problemsErrorIcon.foreground', word: 'Fails' },
  warn: { icon: 'warning', color: 'problemsWarningIcon.foreground', word: 'Warning' },
  unknown: { icon: 'question', color: 'icon.foreground', word: 'Unknown' },
  pass: { icon: 'pass', color: 'testing.iconPassed', word: 'Passes' },
};

/** Worst first: the order checks are listed in, and how a parent's status is chosen. */
const RANK: readonly CheckStatus[] = ['fail', 'warn', 'unknown', 'pass'];
const STATUSES = new Set<string>(RANK);

export function emptyCounts(): Counts {
  return { fail: 0, warn: 0, unknown: 0, pass: 0 };
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

export function worstStatus(counts: Counts): CheckStatus {
  return RANK.find((status) => counts[status] > 0) ?? 'pass';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 failing · 1 warning · 3 unknown", or "all 12 pass" when nothing needs attention. */
export function summarize(counts: Counts): string {
  const parts: string[] = [];
  if (counts.fail) parts.push(`${counts.fail} failing`);
  if (counts.warn) parts.push(plural(counts.warn, 'warning', 'warnings'));
  if (counts.unknown) parts.push(`${counts.unknown} unknown`);
  if (parts.length) return parts.join(' · ');
  const total = counts.pass;
  return total === 0 ? 'no checks' : total === 1 ? '1 passes' : `all ${total} pass`;
}

/** Escapes text for a markdown tooltip, so a message's `*`, `_` or `<` shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function checkTooltip(check: ReadinessCheck, status: CheckStatus): string {
  const look = STATUS_LOOK[status];
  const lines = [`$(${look.icon}) **${look.word}:** ${escapeMarkdown(check.title)}`];
  if (check.message && check.message !== check.title) lines.push(escapeMarkdown(check.message));
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
    // A passing check's message repeats its title; the others say what is wrong or missing.
    description: status === 'pass' || check.message === check.title ? '' : check.message,
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

export function manifestNode(manifest: ManifestReadiness): ManifestNode {
  const counts = countChecks(manifest.checks);
  const summary = manifest.error ? `could not check: ${manifest.error}` : summarize(counts);
  const where = manifest.folder ? `${manifest.folder}/${manifest.label}` : manifest.label;
  return {
    kind: 'manifest',
    id: manifest.uri,
    uri: manifest.uri,
    label: manifest.label,
    description: manifest.folder ? `${summary} — ${manifest.folder}` : summary,
    status: manifest.error ? 'unknown' : worstStatus(counts),
    tooltip: `**${escapeMarkdown(where)}**\n\nReadiness: ${escapeMarkdown(summary)}`,
    counts,
    error: manifest.error,
    children: areaNodes(manifest.uri, manifest.checks),
  };
}

/** The tree's roots: one node per manifest, by file name then folder. */
export function buildReadinessTree(manifests: readonly ManifestReadiness[]): ManifestNode[] {
  return [...manifests]
    .sort((a, b) => a.label.localeCompare(b.label) || (a.folder ?? '').localeCompare(b.folder ?? '') || a.uri.localeCompare(b.uri))
    .map(manifestNode);
}

/** The view's badge: failing checks over all manifests, or nothing when none fail. */
export function readinessBadge(roots: readonly ManifestNode[]): { value: number; tooltip: string } | undefined {
  const failing = roots.reduce((sum, root) => sum + root.counts.fail, 0);
  if (!failing) return undefined;
  const files = roots.filter((root) => root.counts.fail > 0).length;
  return { value: failing, tooltip: `${plural(failing, 'failing readiness check', 'failing readiness checks')} in ${plural(files, 'manifest', 'manifests')}` };
}
