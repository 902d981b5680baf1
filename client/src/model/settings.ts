// The extension's own settings, read defensively: a typo in settings.json falls back to the default.

export const DEFAULT_MANIFEST_GLOBS: readonly string[] = ['**/*.comanage.yaml', '**/*.comanage.yml'];

/** `comanage.manifestGlobs`: non-empty strings, trimmed and deduplicated; anything else gives the default. */
export function manifestGlobs(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [...DEFAULT_MANIFEST_GLOBS];
  const globs = [...new Set(raw.filter((g): g is string => typeof g === 'string').map((g) => g.trim()).filter(Boolean))];
  return globs.length ? globs : [...DEFAULT_MANIFEST_GLOBS];
}
