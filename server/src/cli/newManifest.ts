// `comanage new <path> [--out file]`: a template for one of the format's setup paths, to stdout or
// to a new file. It never overwrites a file: a template written over a finished plan would lose it.
import { writeFileSync } from 'fs';
import { resolve } from 'path';
import { MANIFEST_TEMPLATES, manifestTemplate } from '../core/manifest/templates';
import { UsageError, describeFsError } from './usageError';

const MANIFEST_NAME = /\.comanage\.ya?ml$/i;

export interface NewManifestResult {
  /** What goes to stdout (the template, when no --out). */
  stdout: string;
  /** One line for stderr (what was written, advice). */
  notes: string[];
}

export function newManifest(operands: readonly string[], out: string | undefined, cwd: string): NewManifestResult {
  const paths = MANIFEST_TEMPLATES.map((t) => t.path);
  if (operands.length !== 1) throw new UsageError(`new takes one path: ${paths.join(', ')} (e.g. 'comanage new autopilot --out plan.comanage.yaml')`);
  const template = manifestTemplate(operands[0]);
  if (!template) throw new UsageError(`unknown path '${operands[0]}'; use one of ${paths.join(', ')}`);
  if (out === undefined) return { stdout: template.text, notes: [] };
  const target = resolve(cwd, out);
  try {
    // 'wx': fails when the file exists, in one step (no check-then-write race).
    writeFileSync(target, template.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${out} exists; comanage new never overwrites a file: choose another name or remove it first`);
    throw new UsageError(`cannot write ${out}: ${describeFsError(error)}`);
  }
  const notes = [`wrote ${out}: replace each "<…>" with your tenant's facts; 'comanage check --readiness ${out}' shows what is still unknown`];
  if (!MANIFEST_NAME.test(out)) notes.push(`warning: comanage checks manifests named *.comanage.yaml; rename ${out} so editors and 'comanage check' find it`);
  return { stdout: '', notes };
}
