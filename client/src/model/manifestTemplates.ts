// "New workload manifest…": the scenario templates (the examples/*.comanage.yaml files shipped in
// the extension) as picker entries, and the file name a new manifest must have for the server to
// recognise it.

export interface ManifestTemplate {
  /** File name in examples/. */
  file: string;
  label: string;
  description: string;
  detail: string;
  /** The "Path N" number, for ordering; templates without one come last. */
  order: number;
}

export const MANIFEST_SUFFIX = /\.comanage\.ya?ml$/i;

/** Longer first sentences are cut at their first comma, to fit a picker's line. */
const MAX_LABEL = 60;

/**
 * Reads a template's leading comment ("# Path 3: Windows Autopilot into co-management. More…"):
 * its first sentence (or clause, when long) is the label and the whole comment the detail.
 * Falls back to the `name:` key, then the file name.
 */
export function describeTemplate(file: string, text: string): ManifestTemplate {
  const comment: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^#\s?(.*)$/.exec(line);
    if (!m) break;
    comment.push(m[1].trim());
  }
  const prose = comment.join(' ').replace(/\s+/g, ' ').trim();
  const path = /^Path (\d+):\s*/i.exec(prose);
  const rest = path ? prose.slice(path[0].length) : prose;
  let first = rest.split(/\.(?:\s|$)/)[0].trim();
  if (first.length > MAX_LABEL && first.includes(',')) first = first.slice(0, first.indexOf(',')).trim();
  const name = /^name:\s*(.+)$/m.exec(text)?.[1].trim().replace(/^['"]|['"]$/g, '');
  const capital = (t: string) => (t ? t[0].toUpperCase() + t.slice(1) : t);
  const label = capital(first) || name || file.replace(MANIFEST_SUFFIX, '');
  return {
    file,
    label,
    description: path ? `Path ${path[1]}` : '',
    detail: rest === first ? '' : capital(rest),
    order: path ? Number(path[1]) : Number.MAX_SAFE_INTEGER,
  };
}

export function sortTemplates(templates: ManifestTemplate[]): ManifestTemplate[] {
  return [...templates].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
}

/** Is this the file name of a template (a manifest in examples/)? */
export function isTemplateFile(name: string): boolean {
  return MANIFEST_SUFFIX.test(name);
}

/**
 * The path to write a new manifest to: as chosen when it already ends in .comanage.yaml or .yml;
 * "plan.yaml" becomes "plan.comanage.yaml"; anything else gets ".comanage.yaml" added.
 */
export function manifestPath(chosen: string): string {
  if (MANIFEST_SUFFIX.test(chosen)) return chosen;
  const yaml = /\.ya?ml$/i.exec(chosen);
  if (yaml) return `${chosen.slice(0, yaml.index)}.comanage${yaml[0]}`;
  return `${chosen}.comanage.yaml`;
}
