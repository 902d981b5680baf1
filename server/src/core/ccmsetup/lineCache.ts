// Parsed command lines and their problems, kept from one version of a document to the next. An
// edit changes one line; the others are found here by their source text and reused (moved in
// place by shift.ts when the edit shifted them). The key must hold everything a line's parse and checks
// read: its source text with the start of its physical line, its context, its directives.
import type { Problem } from '../languageTypes';
import type { CommandLine } from './ast';
import { shiftInPlace } from './shift';

interface Entry { base: number; line: CommandLine }

/** The places one text stands in: in document order, as of the version that last used them. */
interface Places { version: number; taken: number; entries: Entry[] }

export class LineCache {
  /** `generation` names what cached problems depend on (settings, clock minute); the owner compares it. */
  constructor(readonly generation = '') {}

  private readonly places = new Map<string, Places>();
  private readonly problemsOf = new WeakMap<CommandLine, Problem[]>();
  private version = 0;
  private usedByVersion = 0;

  /**
   * The line with this key whose source starts at `base`: reused, moved, or parsed by `parse`. The
   * n-th place of a text in this version takes over the n-th place it had in the version before.
   */
  line(key: string, base: number, parse: () => CommandLine): CommandLine {
    let places = this.places.get(key);
    if (!places) this.places.set(key, (places = { version: this.version, taken: 0, entries: [] }));
    if (places.version !== this.version) { places.version = this.version; places.taken = 0; }
    this.usedByVersion++;
    const free = places.entries[places.taken++];
    if (free) {
      // Only the version before used this line: it can be moved where it is.
      if (free.base !== base) {
        shiftInPlace(free.line, this.problemsOf.get(free.line), base - free.base);
        free.base = base;
      }
      return free.line;
    }
    // A new text, or the same text in more places than before: parsed (and later checked) afresh.
    const line = parse();
    places.entries.push({ base, line });
    return line;
  }

  /** Problems found in this line object before, if any. */
  problems(line: CommandLine): Problem[] | undefined {
    return this.problemsOf.get(line);
  }

  remember(line: CommandLine, problems: Problem[]): void {
    this.problemsOf.set(line, problems);
  }

  /** A new version starts: places the last one didn't use are forgotten (unless it used none). */
  startVersion(): void {
    if (this.usedByVersion > 0) {
      for (const [key, places] of this.places) {
        if (places.version !== this.version) this.places.delete(key);
        else places.entries.length = places.taken;
      }
    }
    this.version++;
    this.usedByVersion = 0;
  }
}
