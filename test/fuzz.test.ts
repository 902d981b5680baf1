// The short fuzz run: every property of test/fuzz/properties.ts on 1,200 generated cases in all
// (a few seconds). `npm run fuzz` runs the same properties on a million. The seed is fixed so
// `npm test` is reproducible; FUZZ_SEED=<n> (or FUZZ_SEED=random) explores other cases, and
// FUZZ_RUNS=<n> changes the count. A failure prints the seed and the shrunk counterexample.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PROPERTIES } from './fuzz/properties';
import { applyEdits, documentedLines, exampleManifests } from './fuzz/arbitraries';
import { checkDocument } from './fuzz/invariants';

const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20240607);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1200);

describe(`fuzz (seed ${SEED}, ${RUNS} cases; replay with FUZZ_SEED=${SEED})`, function () {
  this.timeout(60_000);

  it('has real documents to mutate', () => {
    assert.ok(documentedLines.length >= 20, `${documentedLines.length} documented lines`);
    assert.ok(exampleManifests.length >= 3, `${exampleManifests.length} example manifests`);
    // The examples themselves pass the invariants before any mutation.
    for (const text of exampleManifests) checkDocument({ text, file: 'example.comanage.yaml' }, [0.5]);
    assert.equal(applyEdits('abcdef', [{ at: 0.5, length: 2, insert: 'X', op: 'replace' }]), 'abcXf');
  });

  const total = PROPERTIES.reduce((sum, p) => sum + p.share, 0);
  PROPERTIES.forEach(({ name, share, property }, index) => {
    it(name, () => {
      fc.assert(property as fc.IProperty<unknown[]>, {
        seed: (SEED + index * 7919) | 0, numRuns: Math.max(10, Math.round((RUNS * share) / total)), includeErrorInReport: true,
      });
    });
  });
});
