// The Microsoft Graph (beta) object types comanage reads from Intune exports, recognised by their
// `@odata.type` with or without the `#microsoft.graph.` prefix. Shared by the Graph reader (import,
// drift) and the JSON host (command lines inside exports), so both agree on what an export is.

export const GRAPH_TYPES = {
  comanagementSettings: 'deviceComanagementAuthorityConfiguration',
  enrollmentStatusPage: 'windows10EnrollmentCompletionPageConfiguration',
  autopilotProfile: 'windowsAutopilotDeploymentProfile',
  autopilotEntraProfile: 'azureADWindowsAutopilotDeploymentProfile',
  autopilotHybridProfile: 'activeDirectoryWindowsAutopilotDeploymentProfile',
  platformRestriction: 'deviceEnrollmentPlatformRestrictionConfiguration',
  platformRestrictions: 'deviceEnrollmentPlatformRestrictionsConfiguration',
  limitRestriction: 'deviceEnrollmentLimitConfiguration',
} as const;

export type GraphTypeKey = keyof typeof GRAPH_TYPES;
export type GraphTypeName = typeof GRAPH_TYPES[GraphTypeKey];

const BY_NAME = new Map<string, GraphTypeKey>(
  (Object.entries(GRAPH_TYPES) as [GraphTypeKey, string][]).map(([key, name]) => [name.toLowerCase(), key]),
);

/** The recognised type of an `@odata.type` value ("#microsoft.graph.x", "microsoft.graph.x" or "x"), if any. */
export function graphTypeOf(odataType: unknown): GraphTypeKey | undefined {
  if (typeof odataType !== 'string') return undefined;
  const name = odataType.trim().replace(/^#?microsoft\.graph\./i, '').toLowerCase();
  return BY_NAME.get(name);
}

/** Cheap test for a document worth parsing as an export: it names a recognised type somewhere. */
export function mentionsGraphType(text: string): boolean {
  if (!text.includes('@odata.type')) return false;
  const lower = text.toLowerCase();
  for (const name of BY_NAME.keys()) if (lower.includes(name.toLowerCase())) return true;
  return false;
}
