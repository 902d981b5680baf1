// Severity settings and suppression comments.
import * as assert from 'node:assert/strict';
import { codes, problems } from './helpers/core';

describe('settings and suppression', () => {
  const line = 'ccmsetup.exe SMSSITECODE:ABC FOO=1';

  it('reports with each rule\'s default severity', () => {
    const found = problems(line);
    assert.equal(found.find((p) => p.code === 'property-uses-colon')?.severity, 'error');
    assert.equal(found.find((p) => p.code === 'unknown-property')?.severity, 'warning');
  });

  it('changes a rule\'s severity or turns it off', () => {
    const found = problems(line, { rules: { 'property-uses-colon': 'information', 'unknown-property': 'off' } });
    assert.equal(found.find((p) => p.code === 'property-uses-colon')?.severity, 'information');
    assert.ok(!found.some((p) => p.code === 'unknown-property'));
  });

  it('silences the named codes on the next line only', () => {
    const text = `# comanage-disable-next-line unknown-property\n${line}\n${line}`;
    const found = problems(text);
    const firstLineEnd = text.indexOf('\n', text.indexOf('\n') + 1);
    assert.ok(!found.some((p) => p.code === 'unknown-property' && p.span.start < firstLineEnd));
    assert.ok(found.some((p) => p.code === 'unknown-property' && p.span.start > firstLineEnd));
    assert.ok(found.some((p) => p.code === 'property-uses-colon' && p.span.start < firstLineEnd));
  });

  it('silences every code when none is named', () => {
    assert.deepEqual(codes(`# comanage-disable-next-line\n${line}`), []);
  });

  it('applies context directives to the lines after them', () => {
    const text = 'ccmsetup.exe /mp:server SMSSITECODE=ABC PROVISIONTS=PRI20001\n# comanage-context: msi\n/mp:server SMSSITECODE=ABC PROVISIONTS=PRI20001';
    const found = problems(text).filter((p) => p.code === 'provisionts-needs-msi');
    assert.equal(found.length, 1);
    assert.ok(found[0].span.start < text.indexOf('\n'));
  });
});
