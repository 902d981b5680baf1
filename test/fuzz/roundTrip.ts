// Generator round trip: whatever values the command-line generator (client/src/model/commandLine.ts)
// accepts, the line it writes parses back (server/src/core/ccmsetup/parser.ts) to exactly the
// parameters and properties it meant, each with exactly the value typed: no quote, space, `=`, `:`
// or `/` in a value can end it early or add an item. Values it can't write safely must be refused.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AuthId, Field, GeneratorAnswers, ScenarioId, buildLine } from '../../client/src/model/commandLine';
import { isNamed } from '../../server/src/core/ccmsetup/query';
import { parseCommandLine } from '../../server/src/core/ccmsetup/parser';

/** The catalog entry each answer is written as. */
const NAME_OF: Record<Exclude<Field, 'extra'>, string> = {
  cmg: 'CCMHOSTNAME', siteCode: 'SMSSITECODE', clientAppId: 'AADCLIENTAPPID', resourceUri: 'AADRESOURCEURI',
  token: 'regtoken', smsmp: 'SMSMP', provisionTs: 'PROVISIONTS',
};
const FIELDS = Object.keys(NAME_OF) as (keyof typeof NAME_OF)[];

/** Characters that break naive quoting, often; any other character sometimes. */
const hostileUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...' "\'=:/\\\t<>%$&|^;,#'.split(''), '""', '\\"', '\u00a0', '\u3000', '\u2028', '\r', '\n', '\ufeff') },
  { weight: 4, arbitrary: fc.constantFrom('a', 'B', '7', '.', '-', '_') },
  { weight: 1, arbitrary: fc.integer({ min: 0x20, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);
const hostileValue = fc.string({ unit: hostileUnit, maxLength: 24 });

export const answersArbitrary: fc.Arbitrary<GeneratorAnswers> = fc.record({
  scenario: fc.constantFrom<ScenarioId>('intune', 'autopilot', 'exe'),
  auth: fc.constantFrom<AuthId>('entra', 'entra-device', 'pki', 'token'),
  upgrade: fc.boolean(),
  values: fc.record(Object.fromEntries(FIELDS.map((f) => [f, hostileValue])) as Record<keyof typeof NAME_OF, fc.Arbitrary<string>>, { requiredKeys: [] }),
});

export interface RoundTrip { text: string; refused: Partial<Record<Field, string>> }

/** Builds the line and checks it parses back to exactly what was asked; returns the line. */
export function checkRoundTrip(answers: GeneratorAnswers): RoundTrip {
  const built = buildLine(answers);
  const line = parseCommandLine(built.text);
  assert.deepEqual(line.problems, [], `the line has an unclosed quote: ${built.text}`);
  const strays = line.args.filter((a) => !isNamed(a));
  assert.deepEqual(strays, [], `stray words in ${built.text}`);
  const named = line.args.filter(isNamed);

  let expected = (answers.upgrade ? 1 : 0) + (answers.auth === 'pki' ? 1 : 0);
  for (const field of FIELDS) {
    const typed = answers.values[field];
    const refusal = built.errors[field];
    if (refusal !== undefined) {
      assert.ok(refusal.length > 0, `${field}: refused without a message`);
      assert.equal(built.spans[field], undefined, `${field}: refused, yet written`);
      continue;
    }
    const spans = built.spans[field] ?? [];
    if (spans.length === 0) continue; // not asked in this scenario, or left empty
    expected += spans.length;
    const items = named.filter((item) => item.name.toUpperCase() === NAME_OF[field].toUpperCase());
    assert.equal(items.length, 1, `${field}: ${items.length} ${NAME_OF[field]} items in ${built.text}`);
    assert.equal(items[0].value?.text, typed?.trim(), `${field}: value changed on the way (${built.text})`);
    if (field === 'cmg' && spans.length === 2) {
      const mp = named.filter((item) => item.name.toLowerCase() === 'mp');
      assert.equal(mp.length, 1, `cmg: ${mp.length} /mp items in ${built.text}`);
      const host = typed!.trim();
      assert.equal(mp[0].value?.text, /^https?:\/\//i.test(host) ? host : `https://${host}`, `cmg: /mp value changed (${built.text})`);
    }
  }
  assert.equal(named.length, expected, `expected ${expected} items, parsed ${named.map((n) => n.name).join(', ')} from ${built.text}`);
  // A ccmsetup.exe line is run by cmd (a script, a task sequence step): outside quotes these
  // characters redirect, chain or drop text, so a value holding one must be quoted or refused.
  if (built.context === 'exe') {
    const outside = built.text.replace(/"[^"]*"/g, '');
    assert.doesNotMatch(outside, /[&|<>^]/, `cmd would act on ${JSON.stringify(outside.match(/[&|<>^]/)?.[0])} in ${built.text}`);
  }
  // Only what can't be written safely may be refused: a quote, a line break, a backslash before the
  // closing quote, or a character cmd or the placeholder syntax would act on.
  for (const field of FIELDS) {
    if (built.errors[field] === undefined) continue;
    const value = answers.values[field]!.trim();
    assert.ok(/["\r\n<>&|^]|\\$/.test(value), `${field}: ${JSON.stringify(value)} refused, but it could be written`);
  }
  return { text: built.text, refused: built.errors };
}

export const roundTripProperty = fc.property(answersArbitrary, (answers) => { checkRoundTrip(answers); });
