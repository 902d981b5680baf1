// Evidence rules, generated from the format and from every readiness rule's `needs`/`needsAny`:
// for each key a rule reads, a passing fixture of that rule gets an invalid value there (derived
// from the key's type), the key removed, or the key left empty; the check must turn unknown and
// say why. Nothing here is hand-picked: a new rule or key is covered by the same loops.
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { analyzeManifest, parseAndPlan } from '../server/src/core/manifest/analyze';
import { defaultCatalog } from '../server/src/core/catalog';
import { fieldAt } from '../server/src/core/manifest/describeField';
import { parsePath as splitPath } from '../server/src/core/manifest/plan';
import { MANIFEST_RULES } from '../server/src/core/manifest/rules';
import { ReadinessRule } from '../server/src/core/manifest/rules/types';
import { Field } from '../server/src/core/manifest/schemaTypes';
import { ReadinessResult } from '../server/src/core/manifest/readiness';

function analyze(text: string) {
  const { document, plan } = parseAndPlan(text, defaultCatalog);
  return analyzeManifest(document, plan, { catalog: defaultCatalog, settings: {}, now: new Date('2026-01-01T00:00:00Z') });
}

const resultsOf = (text: string, rule: ReadinessRule): ReadinessResult[] => analyze(text).readiness.filter((r) => r.id === rule.id);

/** Values a key of this type must not accept, each with what makes it invalid. */
function invalidValues(field: Field): { value: unknown; why: string }[] {
  const type = field.type;
  switch (type.kind) {
    case 'enum': return [{ value: 'free-tier-maybe', why: 'not an allowed value' }, { value: ['a'], why: 'a list instead of a value' }];
    case 'boolean': return [{ value: 'yes please', why: 'text instead of true/false' }];
    case 'integer': return [{ value: 'soon', why: 'text instead of a number' }, ...(type.min !== undefined ? [{ value: type.min - 1, why: 'below the minimum' }] : [])];
    case 'string': return [{ value: ['a'], why: 'a list instead of text' }, ...(type.pattern ? [{ value: 'not a version 99', why: 'unparsable' }] : [])];
    case 'commandLine': return [{ value: { a: 1 }, why: 'a mapping instead of a command line' }];
    case 'object': return [{ value: 'text', why: 'text instead of a mapping' }];
    case 'array': return [{ value: 'text', why: 'text instead of a list' }];
    case 'code': return [{ value: 'timeout', why: 'text that is no error code' }];
  }
}

/** The first passing fixture on which the rule reports `pass`, as a YAML document. */
function passingFixture(rule: ReadinessRule): string | undefined {
  return rule.examples.pass.find((text) => {
    const results = resultsOf(text, rule);
    return results.length === 1 && results[0].status === 'pass';
  });
}

function edited(text: string, steps: (string | number)[], edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(text);
  edit(doc);
  return doc.toString();
}

const present = (text: string, steps: (string | number)[]) => parseDocument(text).hasIn(steps);

interface Case { rule: ReadinessRule; path: string; fixture: string }

const cases: Case[] = [];
let rulesWithPassingFixture = 0;
for (const rule of MANIFEST_RULES) {
  const fixture = passingFixture(rule);
  if (!fixture) continue;
  rulesWithPassingFixture++;
  for (const path of [...rule.needs ?? [], ...rule.needsAny ?? []]) {
    if (present(fixture, splitPath(path))) cases.push({ rule, path, fixture });
  }
}

describe('evidence: a check passes only on facts stated with valid values', () => {
  it('covers the rules (generated from every rule\'s needs and a passing fixture)', () => {
    assert.ok(rulesWithPassingFixture > 60, `only ${rulesWithPassingFixture} rules pass on a fixture`);
    assert.ok(cases.length > 80, `only ${cases.length} cases`);
  });

  it('an invalid value of any key a rule needs makes the check unknown, with the value and the allowed values', () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const { rule, path, fixture } of cases) {
      const steps = splitPath(path);
      const field = fieldAt(steps);
      assert.ok(field, `${path} is not a key of the format`);
      for (const { value, why } of invalidValues(field)) {
        const text = edited(fixture, steps, (doc) => doc.setIn(steps, value));
        const analysis = analyze(text);
        // The generated value must be one the structure check rejects, else the case proves nothing.
        assert.ok(analysis.problems.some((p) => p.code === 'manifest-wrong-type' || p.code === 'manifest-invalid-value'), `${path} = ${JSON.stringify(value)} is not rejected by the structure check`);
        tried++;
        const results = analysis.readiness.filter((r) => r.id === rule.id);
        const label = `${rule.id} with ${path} ${why} (${JSON.stringify(value)})`;
        if (results.length !== 1 || results[0].status !== 'unknown') { wrong.push(`${label}: ${results.map((r) => r.status).join(', ') || 'left out'}`); continue; }
        const [result] = results;
        const fact = result.missing?.find((m) => path === m.path || path.startsWith(`${m.path}.`) || path.startsWith(`${m.path}[`));
        if (!fact || fact.reason !== 'invalid') { wrong.push(`${label}: no invalid fact for ${path} in ${JSON.stringify(result.missing)}`); continue; }
        if (!result.message.includes(`${fact.path} has an invalid value '`)) wrong.push(`${label}: message "${result.message}"`);
        if (fact.value === undefined || fact.value === '') wrong.push(`${label}: the invalid value isn't quoted`);
        if (field.type.kind === 'enum' && !field.type.values.every((v) => fact.allowed?.some((a) => a.value === v.value && a.meaning === v.description))) wrong.push(`${label}: allowed values missing`);
        if (field.type.kind === 'enum' && !result.message.includes(field.type.values.map((v) => v.value).join(', '))) wrong.push(`${label}: message doesn't list the allowed values`);
        if (!result.span) wrong.push(`${label}: no range`);
      }
    }
    assert.ok(tried > 100, `only ${tried} invalid values tried`);
    assert.deepEqual(wrong, []);
  });

  it('a key a rule needs, absent or empty (null), makes the check unknown with reason absent, an example and a place', () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const { rule, path, fixture } of cases) {
      // With another of `needsAny` stated, the check may rightly run without this one.
      if (rule.needsAny?.includes(path) && rule.needsAny.some((other) => other !== path && present(fixture, splitPath(other)))) continue;
      const steps = splitPath(path);
      for (const [how, text] of [['absent', edited(fixture, steps, (doc) => doc.deleteIn(steps))], ['null', edited(fixture, steps, (doc) => doc.setIn(steps, null))]] as const) {
        tried++;
        const results = resultsOf(text, rule);
        const label = `${rule.id} with ${path} ${how}`;
        // Removing a key may make the rule not apply (it reads it in appliesWhen): that is no pass either.
        if (results.length === 0) continue;
        const [result] = results;
        if (result.status !== 'unknown') { wrong.push(`${label}: ${result.status}`); continue; }
        const fact = result.missing?.find((m) => m.path === path);
        if (!fact || fact.reason !== 'absent') { wrong.push(`${label}: ${JSON.stringify(result.missing)}`); continue; }
        if (!result.message.includes(path)) wrong.push(`${label}: message doesn't name ${path}`);
        if (!parseDocument(fact.example).hasIn(steps)) wrong.push(`${label}: example ${JSON.stringify(fact.example)} doesn't nest ${path}`);
        if (!result.span || (result.span.start === 0 && result.span.end === 0)) wrong.push(`${label}: points at the top of the file`);
      }
    }
    assert.ok(tried > 80, `only ${tried} cases tried`);
    assert.deepEqual(wrong, []);
  });

  it('the cases of the issue: entraId free and intune "yes please" are unknown, not pass', () => {
    const results = analyze('version: 1\nlicensing:\n  entraId: free\n  intune: yes please\n').readiness;
    const premium = results.find((r) => r.id === 'licensing-entra-premium-required')!;
    assert.equal(premium.status, 'unknown');
    assert.match(premium.message, /licensing\.entraId has an invalid value 'free' \(allowed: none, P1, P2\)/);
    assert.equal(results.find((r) => r.id === 'licensing-intune-subscription-required')!.status, 'unknown');
  });

  it('a rule that reads a key beyond its needs is unknown when that key is invalid', () => {
    // path decides which rules apply (appliesWhen) and is in no rule's needs.
    const results = analyze('version: 1\npath: autopilott\nsite:\n  version: 2403\n').readiness;
    const reading = results.filter((r) => r.missing?.some((m) => m.path === 'path' && m.reason === 'invalid'));
    assert.ok(reading.length > 0);
    assert.ok(reading.every((r) => r.status === 'unknown'));
  });
});
