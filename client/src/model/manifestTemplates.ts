// "New workload manifest…": the server's templates (one per setup path, `comanage/templates`) as
// picker entries, and the file name a new manifest must have for the server to recognise it.
import { ManifestTemplate } from './protocol';

export interface TemplateChoice {
  label: string;
  description: string;
  detail: string;
  template: ManifestTemplate;
}

export const MANIFEST_SUFFIX = /\.comanage\.ya?ml$/i;

/** Picker entries in the server's order (the format's order of paths): title, path, what the path is. */
export function templateChoices(templates: readonly ManifestTemplate[]): TemplateChoice[] {
  return templates.map((template) => ({ label: template.title, description: template.path, detail: template.description, template }));
}

/** The file name offered for a new manifest of a path. */
export function templateFileName(template: ManifestTemplate): string {
  return `${template.path}.comanage.yaml`;
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
