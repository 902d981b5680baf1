// The one lookup over the catalog. Everything else (parser, rules, completion, hover, generators)
// reads entries through a Catalog, never from the data arrays directly.
import { closest, distance } from 'fastest-levenshtein';
import { PARAMETERS } from './parameters';
import { PROPERTIES } from './properties';
import { Alias, CatalogEntry, EntryKind } from './types';

export * from './types';

export interface Resolved {
  entry: CatalogEntry;
  /** Set when the name matched one of the entry's aliases rather than its own name. */
  alias?: Alias;
}

/** Longest name we try to match for did-you-mean; longer tokens are pasted junk, not typos. */
const MAX_SUGGEST_LENGTH = 40;

export class Catalog {
  readonly entries: readonly CatalogEntry[];
  private readonly byKey = new Map<string, Resolved>();
  private readonly namesByKind: Record<EntryKind, string[]> = { parameter: [], property: [] };

  constructor(entries: CatalogEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      this.byKey.set(key(entry.kind, entry.name), { entry });
      this.namesByKind[entry.kind].push(entry.name);
      for (const alias of entry.aliases ?? []) {
        this.byKey.set(key(alias.kind, alias.name), { entry, alias });
        this.namesByKind[alias.kind].push(alias.name);
      }
    }
  }

  /** Names are case-insensitive, as ccmsetup and Windows Installer treat them. */
  find(kind: EntryKind, name: string): Resolved | undefined {
    return this.byKey.get(key(kind, name));
  }

  /** The entry a name belongs to, whichever kind it was written as. */
  findAnyKind(name: string): Resolved | undefined {
    return this.find('parameter', name) ?? this.find('property', name);
  }

  /** The documented name closest to a misspelling, or undefined when nothing is close. */
  suggest(kind: EntryKind, name: string): string | undefined {
    if (name.length === 0 || name.length > MAX_SUGGEST_LENGTH) return undefined;
    const candidates = this.namesByKind[kind];
    const upper = name.toUpperCase();
    const best = closest(upper, candidates.map((c) => c.toUpperCase()));
    const index = candidates.findIndex((c) => c.toUpperCase() === best);
    const limit = Math.max(1, Math.floor(name.length / 3));
    return index >= 0 && distance(upper, best) <= limit ? candidates[index] : undefined;
  }

  ofKind(kind: EntryKind): CatalogEntry[] {
    return this.entries.filter((e) => e.kind === kind);
  }
}

function key(kind: EntryKind, name: string): string {
  return `${kind}:${name.toUpperCase()}`;
}

/** How an entry is written on a command line: `/mp` or `SMSSITECODE`. */
export function displayName(entry: { kind: EntryKind; name: string }): string {
  return entry.kind === 'parameter' ? `/${entry.name}` : entry.name;
}

export const defaultCatalog = new Catalog([...PARAMETERS, ...PROPERTIES]);
