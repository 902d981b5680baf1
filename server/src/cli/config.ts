// Loads `.comanage.json` (or the file given with --config) into the core's LanguageSettings.
// Mistakes that would silently change results (bad JSON, a severity we do not know) stop the run;
// an unknown rule id only warns, so a config written for a newer version still works.
import * as fs from 'fs';
import * as path from 'path';
import { suggest } from '../core/suggest';
import type { LanguageSettings, SeveritySetting } from '../core/languageTypes';
import type { DecodedText } from '../core/text/decode';
import { readTextFile } from '../node/readText';
import { UsageError, describeFsError } from './usageError';

export const DEFAULT_CONFIG_FILE = '.comanage.json';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface LoadedConfig {
  settings: LanguageSettings;
  /** Non-fatal remarks for stderr (unknown rule ids, unknown keys). */
  warnings: string[];
  /** The file read, or undefined when none was given and no default exists. */
  file?: string;
}

/**
 * Reads the config named by `--config`, else `.comanage.json` in `cwd` when it exists.
 * Throws UsageError when the named file is missing, unreadable or invalid.
 */
export function loadConfig(explicit: string | undefined, cwd: string, knownRuleIds: readonly string[]): LoadedConfig {
  const shown = explicit ?? DEFAULT_CONFIG_FILE;
  const file = path.resolve(cwd, shown);
  if (explicit === undefined && !fs.existsSync(file)) return { settings: {}, warnings: [] };
  let decoded: DecodedText;
  try {
    decoded = readTextFile(file);
  } catch (error) {
    throw new UsageError(`cannot read config '${shown}': ${describeFsError(error)}`);
  }
  // Notepad's "Unicode" (UTF-16) is fine; bytes we can't trust would silently change severities.
  const { problem } = decoded;
  if (problem?.severity === 'error') throw new UsageError(`config '${shown}': ${problem.message}`);
  const parsed = parseConfig(decoded.text, shown, knownRuleIds);
  if (problem) parsed.warnings.unshift(`config '${shown}': ${problem.message}`);
  return { ...parsed, file };
}

/** Validates config text; `shown` names the file in messages. */
export function parseConfig(text: string, shown: string, knownRuleIds: readonly string[]): Omit<LoadedConfig, 'file'> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the surrounding text; keep only where it went wrong.
    const at = /position (\d+)/.exec((error as Error).message);
    throw new UsageError(`config '${shown}' is not valid JSON${at ? ` (at ${lineColumn(text, Number(at[1]))})` : ''}`);
  }
  if (!isPlainObject(data)) throw new UsageError(`config '${shown}' must be a JSON object like { "rules": { "<rule-id>": "warning" } }`);
  const warnings: string[] = [];
  for (const key of Object.keys(data)) {
    if (key !== 'rules' && key !== '$schema') warnings.push(`config '${shown}': unknown key '${key}' (ignored)`);
  }
  if (data.rules === undefined) return { settings: {}, warnings };
  if (!isPlainObject(data.rules)) throw new UsageError(`config '${shown}': "rules" must be an object mapping rule ids to a severity`);
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, value] of Object.entries(data.rules)) {
    if (typeof value !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(value)) {
      throw new UsageError(`config '${shown}': rule '${id}' has severity ${JSON.stringify(value)}; use one of ${SEVERITY_SETTINGS.join(', ')}`);
    }
    if (!knownRuleIds.includes(id)) {
      const near = suggest(id, knownRuleIds);
      const hint = near ? `; did you mean '${near}'?` : '';
      warnings.push(`config '${shown}': unknown rule '${id}' (ignored)${hint}`);
    }
    rules[id] = value as SeveritySetting;
  }
  return { settings: { rules }, warnings };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}
