// The registry of hosts: one line per host. The facade asks `hostFor(kind)`.
import type { Host } from './host';
import { batchHost } from './batch';
import { jsonHost } from './json';
import { powershellHost } from './powershell';

export const HOSTS: readonly Host[] = [powershellHost, batchHost, jsonHost];

export function hostFor(kind: string): Host | undefined {
  return HOSTS.find((host) => host.id === kind);
}

/** The host whose file extension ends this (lower-cased) path. */
export function hostOfPath(lowerPath: string): Host | undefined {
  return HOSTS.find((host) => host.extensions.some((ext) => lowerPath.endsWith(ext)));
}
