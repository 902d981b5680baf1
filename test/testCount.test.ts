// The closing line of `npm test` and .ci/run (scripts/testCount.ts): counts read from the runners' own output.
import assert from 'node:assert/strict';
import { countStep, sum, summaryLine } from '../scripts/testCount';

// What mocha prints at the end of a run (unit tests, and the end-to-end report runTest.ts passes on).
const UNIT = `
  cli
    ✔ exits 0 on clean files
    1) exits 1 on an error

  1140 passing (2m)
  3 pending
  2 failing

  1) cli exits 1 on an error:
     AssertionError: expected 1
`;
const E2E = `e2e: using code-server
  the co-management client in VS Code
    ✔ shows the tree

  54 passing (41s)

e2e: passed in 66.7 s
`;

describe('test counting (scripts/testCount.ts)', () => {
  it('sums mocha\'s passing and failing lines over every runner', () => {
    const total = sum([countStep('', 0), countStep(UNIT, 1), countStep(E2E, 0)]);
    assert.deepEqual(total, { passed: 1194, failed: 2 });
    assert.equal(summaryLine(total), 'tests: 1194 passed, 2 failed');
  });

  it('reads coloured output, and only the closing counts of a run', () => {
    const coloured = '\u001b[92m \u001b[0m\u001b[32m 7 passing\u001b[0m\u001b[90m (5ms)\u001b[0m\n\u001b[31m  1 failing\u001b[0m\n';
    assert.deepEqual(countStep(coloured, 1), { passed: 7, failed: 1 });
    // A test that prints a count of its own comes before mocha's closing lines.
    assert.deepEqual(countStep('  99 passing\n  ✔ a test\n\n  4 passing (1s)\n', 0), { passed: 4, failed: 0 });
  });

  it('counts a step that fails without reporting tests (a build, a runner that never started) as one failure', () => {
    assert.deepEqual(countStep('error TS2304: Cannot find name', 2), { passed: 0, failed: 1 });
    assert.deepEqual(countStep('compiled', 0), { passed: 0, failed: 0 });
    assert.deepEqual(countStep('\n  0 passing\n  1 failing\n', 1), { passed: 0, failed: 1 }, 'the e2e runner\'s "suite did not finish" lines');
  });
});
