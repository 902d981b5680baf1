// setValues: answers written into a plan with minimal edits (comments, order, quoting and line
// ends of untouched lines kept), missing mappings created, values YAML would misread quoted.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { OffsetEdit, SetValue, setValues } from '../server/src/core/manifest/setValues';
import { typedAnswer } from '../server/src/core/manifest/answerValue';

function applyAll(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

function written(text: string, values: SetValue[]): string {
  const result = setValues(text, values);
  assert.equal(result.refused, undefined, result.refused);
  return applyAll(text, result.edits);
}

/** The lines of `before` that are also in `after`, in order: every untouched line stays as it was. */
function keptLines(before: string, after: string): void {
  const afterLines = after.split('\n');
  let at = 0;
  for (const line of before.split('\n')) {
    const found = afterLines.indexOf(line, at);
    assert.ok(found >= 0, `line ${JSON.stringify(line)} was changed or moved`);
    at = found + 1;
  }
}

const PLAN = [
  '# Contoso plan (keep this comment)',
  'version: 1',
  'site:',
  '  code: ABC   # the primary site',
  '  # version is asked for below',
  '',
  'licensing:',
  '  intune: true',
  'identity: {deviceJoin: hybrid-joined}',
  'comanagement:',
  '  policies:',
  '    - name: Pilot',
  '      commandLine: CCMSETUPCMD="SMSSITECODE=ABC"',
  '    - name: Wide',
  '',
].join('\n');

describe('setValues (answers written into a plan)', () => {
  it('adds a key to an existing mapping after its last key, keeping comments and order', () => {
    const out = written(PLAN, [{ path: 'licensing.entraId', value: 'P1' }]);
    assert.equal(out, PLAN.replace('  intune: true\n', '  intune: true\n  entraId: P1\n'));
  });

  it('replaces an existing value and nothing else, keeping the comment after it', () => {
    const out = written(PLAN, [{ path: 'site.code', value: 'XYZ' }]);
    assert.equal(out, PLAN.replace('code: ABC   #', 'code: XYZ   #'));
  });

  it('creates missing parent mappings, nested, at the end of the closest existing one', () => {
    const out = written(PLAN, [{ path: 'site.discovery.entraUser', value: true }]);
    keptLines(PLAN, out);
    assert.deepEqual(parse(out).site, { code: 'ABC', discovery: { entraUser: true } });
    assert.match(out, /code: ABC {3}# the primary site\n {2}discovery:\n {4}entraUser: true\n/);
  });

  it('creates a whole missing section at the end of the plan', () => {
    const out = written(PLAN, [{ path: 'intune.mdmAuthority', value: 'intune' }]);
    assert.equal(out, `${PLAN}intune:\n  mdmAuthority: intune\n`);
  });

  it('writes two answers in one go as separate minimal edits', () => {
    const result = setValues(PLAN, [{ path: 'licensing.entraId', value: 'P2' }, { path: 'site.version', value: 2503 }]);
    assert.equal(result.edits.length, 2);
    for (const edit of result.edits) assert.equal(edit.end - edit.start, 0, 'only insertions');
    const out = applyAll(PLAN, result.edits);
    keptLines(PLAN, out);
    assert.equal(parse(out).site.version, 2503);
    assert.equal(parse(out).licensing.entraId, 'P2');
  });

  it('joins answers that go to the same new section into one edit', () => {
    const text = 'version: 1\n';
    const result = setValues(text, [{ path: 'licensing.entraId', value: 'P1' }, { path: 'licensing.intune', value: true }]);
    assert.equal(result.edits.length, 1);
    assert.equal(applyAll(text, result.edits), 'version: 1\nlicensing:\n  entraId: P1\n  intune: true\n');
  });

  it('sets a key inside a list item (comanagement.policies[1].commandLine)', () => {
    const out = written(PLAN, [{ path: 'comanagement.policies[1].commandLine', value: 'CCMSETUPCMD="SMSSITECODE=ABC"' }]);
    keptLines(PLAN, out);
    assert.match(out, / {4}- name: Wide\n {6}commandLine: CCMSETUPCMD="SMSSITECODE=ABC"\n$/);
  });

  it('replaces a value inside a list item', () => {
    const out = written(PLAN, [{ path: 'comanagement.policies[0].name', value: 'First ring' }]);
    assert.equal(out, PLAN.replace('name: Pilot', 'name: First ring'));
  });

  it('adds the next list item, and creates a list when the key is missing', () => {
    const out = written(PLAN, [{ path: 'comanagement.policies[2].name', value: 'Last' }]);
    assert.deepEqual(parse(out).comanagement.policies.map((p: { name: string }) => p.name), ['Pilot', 'Wide', 'Last']);
    keptLines(PLAN, out);
    const created = written('version: 1\n', [{ path: 'comanagement.policies[0].name', value: 'Pilot' }]);
    assert.equal(created, 'version: 1\ncomanagement:\n  policies:\n    - name: Pilot\n');
  });

  it('refuses a list index past the end instead of inventing items', () => {
    const result = setValues(PLAN, [{ path: 'comanagement.policies[5].name', value: 'x' }]);
    assert.match(result.refused ?? '', /has 2 items/);
    assert.deepEqual(result.edits, []);
  });

  it('adds to a flow mapping inside its braces', () => {
    const out = written(PLAN, [{ path: 'identity.usersSynced', value: true }]);
    assert.equal(out, PLAN.replace('{deviceJoin: hybrid-joined}', '{deviceJoin: hybrid-joined, usersSynced: true}'));
    const replaced = written(PLAN, [{ path: 'identity.deviceJoin', value: 'entra-joined' }]);
    assert.equal(replaced, PLAN.replace('{deviceJoin: hybrid-joined}', '{deviceJoin: entra-joined}'));
  });

  it('keeps CRLF line ends, and writes its own lines with CRLF', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const out = written(crlf, [{ path: 'licensing.entraId', value: 'P1' }, { path: 'autopilot.used', value: false }]);
    assert.doesNotMatch(out.replace(/\r\n/g, ''), /\n/);
    assert.equal(out, crlf.replace('  intune: true\r\n', '  intune: true\r\n  entraId: P1\r\n') + 'autopilot:\r\n  used: false\r\n');
  });

  it('fills a key that has nothing after its colon, before its comment', () => {
    const text = 'licensing:\n  entraId: # ask finance\n  intune:\n';
    const out = written(text, [{ path: 'licensing.entraId', value: 'P1' }, { path: 'licensing.intune', value: true }]);
    assert.equal(out, 'licensing:\n  entraId: P1 # ask finance\n  intune: true\n');
  });

  it('replaces a null written out (~ or null)', () => {
    assert.equal(written('licensing:\n  entraId: ~\n  intune: null # ask\n', [{ path: 'licensing.entraId', value: 'P1' }, { path: 'licensing.intune', value: true }]),
      'licensing:\n  entraId: P1\n  intune: true # ask\n');
  });

  it('quotes values YAML would read as something else, and only those', () => {
    const cases: [string, string][] = [
      ['P1', 'P1'], ['yes', '"yes"'], ['on', '"on"'], ['true', '"true"'], ['1.10', '"1.10"'], ['0o14', "'0o14'"],
      ['null', '"null"'], ['', '""'], ['a: b', '"a: b"'], ['#tag', '"#tag"'], ['two\nlines', '"two\\nlines"'],
      // A command line keeps its own double quotes as written.
      ['CCMSETUPCMD="A B": it\'s', "'CCMSETUPCMD=\"A B\": it''s'"],
    ];
    for (const [value, expected] of cases) {
      const out = written('site:\n  code: ABC\n', [{ path: 'site.name', value }]);
      assert.equal(out, `site:\n  code: ABC\n  name: ${expected}\n`, value);
      assert.equal(parse(out).site.name, value);
    }
    assert.equal(written('a: 1\n', [{ path: 'b', value: 2503 }]), 'a: 1\nb: 2503\n');
  });

  it('writes into an empty plan or one with only comments', () => {
    assert.equal(written('', [{ path: 'version', value: 1 }]), 'version: 1\n');
    assert.equal(written('# plan', [{ path: 'version', value: 1 }]), '# plan\nversion: 1\n');
  });

  it('uses the plan\'s own indentation', () => {
    const text = 'site:\n    code: ABC\n';
    assert.equal(written(text, [{ path: 'licensing.intune', value: true }]), 'site:\n    code: ABC\nlicensing:\n    intune: true\n');
  });

  it('refuses a plan that is not valid YAML, and a path through a value', () => {
    assert.match(setValues('site: [\n', [{ path: 'site.code', value: 'A' }]).refused ?? '', /isn't valid YAML/);
    assert.match(setValues('site: ABC\n', [{ path: 'site.code', value: 'A' }]).refused ?? '', /isn't a mapping/);
    assert.match(setValues('site:\n  code: ABC\n', [{ path: 'site', value: 'A' }]).refused ?? '', /holds a mapping/);
  });
});

describe('typedAnswer (an interview answer typed by the format)', () => {
  it('makes booleans and integers of the keys that hold them, text of everything else', () => {
    assert.equal(typedAnswer('licensing.intune', 'true'), true);
    assert.equal(typedAnswer('licensing.intune', ' False '), false);
    assert.equal(typedAnswer('site.version', '2503'), 2503);
    assert.equal(typedAnswer('windows.minimumVersion', '10'), '10', 'a string key keeps "10" as text');
    assert.equal(typedAnswer('licensing.entraId', 'P1'), 'P1');
    assert.equal(typedAnswer('site.code', 'true'), 'true', 'a text key keeps "true" as text (quoted when written)');
  });

  it('leaves an answer that isn\'t of the key\'s type as text, for the structure check to flag', () => {
    assert.equal(typedAnswer('licensing.intune', 'yes please'), 'yes please');
    assert.equal(typedAnswer('site.version', '25x'), '25x');
    assert.equal(typedAnswer('no.such.key', '12'), '12');
    assert.equal(setValues('site:\n  code: A\n', [{ path: 'site.code', value: typedAnswer('site.code', 'true') }]).edits[0].newText, '"true"');
  });
});
