// Runs a long piece of work (a generator of steps) a slice at a time on the event loop, so the
// requests that arrive meanwhile are answered in between. Stops quietly when it is no longer
// wanted (a newer document version has its own run).
import type { Steps } from '../core/steps';

/** Longest stretch of work before other requests get their turn. */
export const SLICE_MS = 8;

export function runInSlices<T>(
  start: () => Steps<T>, wanted: () => boolean, done: (result: T) => void, onError: (error: unknown) => void,
): void {
  let steps: Steps<T> | undefined;
  const slice = () => {
    if (!wanted()) return;
    const started = performance.now();
    try {
      steps ??= start();
      for (;;) {
        const next = steps.next();
        if (next.done) return done(next.value);
        if (performance.now() - started >= SLICE_MS) break;
      }
    } catch (error) {
      return onError(error);
    }
    setImmediate(slice);
  };
  slice();
}
