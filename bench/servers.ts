// The servers the benchmark compares, launched the way an editor launches them.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerSpec } from './lspSession';

export const ROOT = path.resolve(__dirname, '..');
export const COMANAGE_SERVER = path.join(ROOT, 'dist', 'server.js');
export const YAML_SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
export const MANIFEST_SCHEMA = path.join(ROOT, 'schemas', 'comanage-manifest.schema.json');

export const COMANAGE = 'comanage';
export const COMANAGE_DEBOUNCED = 'comanage (default 200 ms debounce)';
export const YAML_LS = 'yaml-language-server';

/** Our server, validating as soon as a change arrives (debounce off) or with its default 200 ms. */
export function comanageSpec(debounced: boolean, serverPath = COMANAGE_SERVER, extraNodeArgs: string[] = []): ServerSpec {
  return {
    id: debounced ? COMANAGE_DEBOUNCED : COMANAGE,
    command: process.execPath,
    args: [...extraNodeArgs, serverPath, '--stdio'],
    env: debounced ? {} : { COMANAGE_VALIDATION_DELAY_MS: '0' },
    languageId: (kind) => (kind === 'manifest' ? 'comanage-manifest' : kind === 'batch' ? 'bat' : kind),
    settings: { comanage: { rules: {} } },
    fixedDelayMs: debounced ? 200 : 0,
  };
}

/**
 * The Red Hat YAML language server from node_modules, given our JSON Schema through `yaml.schemas`
 * (what a user of the YAML extension would configure). Schema Store and the Kubernetes CRD store
 * are off, so nothing is fetched from the network. Its 200 ms validation delay is fixed in its code.
 */
export function yamlSpec(): ServerSpec {
  const schemaUri = pathToFileURL(MANIFEST_SCHEMA).href;
  return {
    id: YAML_LS,
    command: process.execPath,
    args: [YAML_SERVER, '--stdio'],
    languageId: () => 'yaml',
    settings: {
      yaml: {
        schemas: { [schemaUri]: ['*.comanage.yaml', '*.comanage.yml'] },
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
      },
      http: { proxy: '', proxyStrictSSL: false },
      editor: { detectIndentation: true },
    },
    fixedDelayMs: 200,
  };
}

export function packageVersion(packageJson: string): string {
  try {
    return String((JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version ?? '?');
  } catch {
    return '?';
  }
}
