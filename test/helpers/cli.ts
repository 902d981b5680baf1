// Runs the built CLI (dist/cli.js) as a child process, for tests that check what a user or CI sees.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '../../dist/cli.js');

export interface Run { status: number | null; stdout: string; stderr: string }

export interface JsonDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
}
export interface JsonFile { file: string; diagnostics: JsonDiagnostic[] }

export function assertBuilt(): void {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node esbuild.mjs\` before the tests`);
}

/** `options` may set uid/gid (to run as an unprivileged user) or stdio. */
export function runCli(cwd: string, args: string[], options: SpawnSyncOptions = {}): Run {
  const result = spawnSync(process.execPath, [options.uid === undefined ? CLI : cliForOtherUsers(), ...args], { cwd, encoding: 'utf8', timeout: 30000, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

let sharedCopy: string | undefined;
/**
 * A copy of the bundled CLI (it needs no other file) that another user can read: the checkout may
 * sit in a folder only its owner can enter (a clone into `mktemp -d`).
 */
function cliForOtherUsers(): string {
  if (!sharedCopy) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-cli-'));
    fs.chmodSync(dir, 0o755);
    sharedCopy = path.join(dir, 'cli.js');
    fs.copyFileSync(CLI, sharedCopy);
    fs.chmodSync(sharedCopy, 0o644);
  }
  return sharedCopy;
}

export function runCliJson(cwd: string, args: string[], options: SpawnSyncOptions = {}): { status: number | null; files: JsonFile[]; stderr: string } {
  const result = runCli(cwd, [...args, '--format', 'json'], options);
  return { status: result.status, files: JSON.parse(result.stdout) as JsonFile[], stderr: result.stderr };
}

/** A file's findings without the file name: what must be equal between twins. */
export function findings(file: JsonFile | undefined): Omit<JsonDiagnostic, never>[] {
  return (file?.diagnostics ?? []).map(({ range, severity, code, message }) => ({ range, severity, code, message }));
}
