// The `comanage` settings section as the server receives it: kept only when well-formed, so a typo
// in settings.json can't break validation.
import type { LanguageSettings, SeveritySetting } from './core/languageTypes';

export const SETTINGS_SECTION = 'comanage';
const SEVERITY_SETTINGS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Keeps only well-formed rule overrides, so a typo in settings.json can't break validation. */
export function sanitizeSettings(raw: unknown): LanguageSettings {
  const rules: Record<string, SeveritySetting> = {};
  const input = raw && typeof raw === 'object' ? (raw as { rules?: unknown }).rules : undefined;
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    for (const [id, value] of Object.entries(input)) {
      if (typeof value === 'string' && SEVERITY_SETTINGS.includes(value)) rules[id] = value as SeveritySetting;
    }
  }
  const scripts = raw && typeof raw === 'object' ? (raw as { scripts?: { enabled?: unknown } }).scripts : undefined;
  return scripts && typeof scripts === 'object' && typeof scripts.enabled === 'boolean' ? { rules, scripts: { enabled: scripts.enabled } } : { rules };
}

/** Settings an editor may pass at start-up: `{ settings: { comanage } }`, `{ comanage }` or nothing. */
export function initialSettings(options: unknown): LanguageSettings {
  const opts = (options && typeof options === 'object' ? options : {}) as Record<string, unknown>;
  const nested = opts.settings as Record<string, unknown> | undefined;
  return sanitizeSettings(nested?.[SETTINGS_SECTION] ?? opts[SETTINGS_SECTION]);
}

