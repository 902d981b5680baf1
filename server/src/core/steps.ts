// Long analyses are generators that pause (yield) between units of work. The LSP server runs them
// a slice at a time so other requests are answered in between; everything else runs them to the
// end with `drain`.
//
// Work is counted in units of about one character read once: parsing a 60 KB command line is
// 60,000 units, one rule over a line of 80 characters 80, one YAML lexeme its length. A loop
// reports its units with `work()` and pauses where `due()` says the step has done its share, so no
// step does more than about UNITS_PER_STEP (a few milliseconds) plus one indivisible unit of work.
// Tests read the same count to bound every step without a clock (test/steps.test.ts).
export type Steps<T> = Generator<void, T, void>;

/** The work one step may do before it pauses: a millisecond or two on a laptop. */
export const UNITS_PER_STEP = 100_000;

let counted = 0;
let stepStartedAt = 0;
/** Inside `drain` nobody pauses: `due()` keeps its answer for the caller that can. */
let draining = 0;

/** Counts work done by the step under way. */
export function work(units: number): void {
  counted += units;
}

/** True when the step under way has done its share; the next one starts counting from here. */
export function due(): boolean {
  if (draining > 0 || counted - stepStartedAt < UNITS_PER_STEP) return false;
  stepStartedAt = counted;
  return true;
}

/** Units counted since the process started (tests and the bench measure steps with it). */
export function workCounted(): number {
  return counted;
}

export function drain<T>(steps: Steps<T>): T {
  draining++;
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  } finally {
    draining--;
  }
}
