// The readiness areas in the order the tree shows them, with their titles. A copy of AREA_TITLES in
// server/src/core/manifest/rules/types.ts (the client never imports server code); an area the
// server adds later still shows, under its id, after these.

export const AREA_TITLES: Readonly<Record<string, string>> = {
  licensing: 'Licensing', site: 'Configuration Manager site', cmg: 'Cloud management gateway', identity: 'Identity',
  enrollment: 'Intune enrollment', autopilot: 'Windows Autopilot', esp: 'Enrollment Status Page', policy: 'Co-management settings policy',
  installation: 'Client installation', workloads: 'Workloads', 'command-line': 'Command line', windows: 'Windows versions', permissions: 'Permissions',
  'tenant-export': 'Tenant export',
};

const ORDER = Object.keys(AREA_TITLES);

export function areaTitle(area: string): string {
  return AREA_TITLES[area] ?? area;
}

/** Sort key: known areas in table order, unknown ones after them by name. */
export function compareAreas(a: string, b: string): number {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  if (ia !== -1 && ib !== -1) return ia - ib;
  if (ia !== -1) return -1;
  if (ib !== -1) return 1;
  return a.localeCompare(b);
}
