// The documentation's own command lines must be clean, apart from the findings each lists.
import * as assert from 'node:assert/strict';
import { DOCUMENTED_EXAMPLES } from './fixtures/documentedExamples';
import { problems } from './helpers/core';

describe('documented example command lines', () => {
  for (const example of DOCUMENTED_EXAMPLES) {
    it(`${example.line.length > 90 ? `${example.line.slice(0, 90)}…` : example.line}`, () => {
      const found = problems(example.line).filter((p) => p.severity === 'error' || p.severity === 'warning').map((p) => p.code);
      const expected = (example.expected ?? []).map((e) => e.code);
      assert.deepEqual([...new Set(found)].sort(), [...new Set(expected)].sort());
    });
  }
});
