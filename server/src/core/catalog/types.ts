// The shape of one documented ccmsetup parameter or property. The catalog is data:
// completion, hover, snippets, the grammar and the README tables are all derived from it.

/** How a value is written and checked. */
export type ValueType =
  | { kind: 'none' }                                   // a switch: no value at all
  | { kind: 'boolean'; form: 'TRUE/FALSE' | '0/1' }    // the documented spelling of on/off
  // `advice`: the reference gives no range, so min/max are our sensible bound (reported as a hint),
  // and the text says where the bound comes from.
  | { kind: 'integer'; min?: number; max?: number; unit?: string; advice?: string }
  | { kind: 'enum'; values: EnumValue[]; caseSensitive?: boolean }
  | { kind: 'guid' }
  | { kind: 'url'; appIdUri?: boolean }                // an absolute URL; appIdUri: an Entra App ID URI, api:// too
  | { kind: 'host' }                                   // an FQDN or computer name, no scheme
  | { kind: 'hostOrUrl' }                              // a name, or an https:// address
  | { kind: 'cmgHost' }                                // an FQDN or a CMG address without scheme
  | { kind: 'siteCode'; allowAuto: boolean }
  | { kind: 'deploymentId' }                           // task sequence deployment ID, e.g. PRI20001
  | { kind: 'path' }
  | { kind: 'list'; separator: string; item: ValueType; allowed?: EnumValue[] }
  | { kind: 'letters'; letters: EnumValue[] }          // a string of one-letter flags (SMSCONFIGSOURCE)
  | { kind: 'token' }                                  // a secret: never echo it
  | { kind: 'text'; undocumented?: boolean };         // undocumented: no copy of the reference gives a value

export interface EnumValue {
  value: string;
  /** What the value does, in our words. */
  description: string;
  isDefault?: boolean;
}

/** Where an entry is written. Parameters go to ccmsetup.exe, properties to client.msi or ccmsetup.msi. */
export type EntryKind = 'parameter' | 'property';
export type Target = 'ccmsetup.exe' | 'ccmsetup.msi' | 'client.msi';

export interface CatalogEntry {
  /** Canonical spelling as the reference writes it, without the slash: `mp`, `SMSSITECODE`. */
  name: string;
  kind: EntryKind;
  target: Target;
  value: ValueType;
  /** May the value be left off (e.g. the bare `UPGRADETOLATEST`)? */
  valueOptional?: boolean;
  /** Default behaviour when the entry is absent, in words or as a value. */
  defaultValue?: string;
  /** May it appear more than once on a line? */
  repeatable?: boolean;
  /** The first Configuration Manager version that documents it, e.g. 2207 (only a version the reference states). */
  sinceVersion?: number;
  /** The first version whose client push accepts it, when the reference gives one (/AllowMetered: 2103). */
  clientPushSince?: number;
  /** Entries worth reading together with this one. */
  related?: string[];
  /** One or two sentences in our own words. */
  description: string;
  /** Extra facts worth a line in the hover. */
  notes?: string[];
  /** An example value, used by completion snippets. */
  example?: string;
  /** learn.microsoft.com link with the section anchor. */
  docUrl: string;
  /** Allowed on the Client tab of client push (parameters only; every client.msi property is). */
  clientPush?: boolean;
  /** Only valid when the client is installed with ccmsetup.msi (e.g. PROVISIONTS). */
  msiOnly?: boolean;
  /** Other names this entry is also written as; each alias carries the kind it is written as. */
  aliases?: Alias[];
}

/**
 * Another name an entry is written as. `olderReference`: only an older copy of the reference documents
 * this form (the newest one documents the entry's own form), so the alias is reported with a fix.
 */
export interface Alias {
  name: string;
  kind: EntryKind;
  note: string;
  olderReference?: boolean;
  /** The value the fix writes when the alias was written without one. */
  fixValue?: string;
}

export const REFERENCE_URL =
  'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties';

export function docLink(anchor: string): string {
  return `${REFERENCE_URL}#${anchor}`;
}
