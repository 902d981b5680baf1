// Long analyses are generators that yield between units of work (a batch of command lines, a few
// readiness rules). The LSP server runs them a slice at a time so other requests are answered in
// between; everything else runs them to the end with `drain`.
export type Steps<T> = Generator<void, T, void>;

export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
