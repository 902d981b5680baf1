// The limits of limits.ts, each at its boundary: what the user sees just above it, and that
// everything below it is still checked. Plus the inputs that used to take quadratic time.
import * as assert from 'node:assert/strict';
import { defaultCatalog } from '../server/src/core/catalog';
import { parseCcmsetupDocument } from '../server/src/core/ccmsetup/parser';
import { getLanguageService } from '../server/src/core/languageService';
import {
  MAX_DOCUMENT_LENGTH, MAX_LINE_LENGTH, MAX_MANIFEST_LENGTH, MAX_MESSAGE_LENGTH, MAX_WHOLE_MANIFEST_LENGTH,
} from '../server/src/core/limits';
import { analyzeManifest, parseAndPlan } from '../server/src/core/manifest/analyze';
import { MANIFEST_RULES } from '../server/src/core/manifest/rules';
import { ReadinessRule } from '../server/src/core/manifest/rules/types';
import { doc } from './helpers/core';

const BAD = 'ccmsetup.exe /mp=server';
const MANIFEST = 'plan.comanage.yaml';

/** A clock that moves `step` ms each time it is read: analysis time without waiting for it. */
function steppingClock(step: number): () => number {
  let now = 0;
  return () => (now += step);
}

const elapsed = (work: () => void) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

describe('limits', () => {
  describe('document size', () => {
    it('checks a .ccmsetup file at the limit and refuses one character more', () => {
      const padding = (n: number) => `${BAD}\n${'#'.repeat(n - BAD.length - 1)}`;
      const service = getLanguageService();
      assert.ok(service.analyze(doc(padding(MAX_DOCUMENT_LENGTH))).some((p) => p.code === 'parameter-uses-equals'));
      assert.deepEqual(service.analyze(doc(padding(MAX_DOCUMENT_LENGTH + 1))).map((p) => p.code), ['document-too-large']);
    });

    it('parses a large manifest in pieces, and declines one it cannot cut above the whole-parse limit', () => {
      let keys = 'version: 1\n';
      for (let i = 0; keys.length < MAX_WHOLE_MANIFEST_LENGTH; i++) keys += `k${i}: 1\n`;
      const service = getLanguageService();
      // Cut in pieces: checked in full (every key is unknown, so findings are capped).
      assert.ok(service.analyze(doc(keys, MANIFEST)).some((p) => p.code === 'manifest-unknown-key'));
      // An anchor can reach across pieces: this one goes to the whole parse, which it is too large for.
      const anchored = service.analyze(doc(`${keys}anchored: &a 1\nalias: *a\n`, MANIFEST));
      assert.deepEqual(anchored.map((p) => p.code), ['manifest-too-complex']);
      assert.match(anchored[0].message, /can't be read in parts/);
      assert.ok(getLanguageService().analyze(doc(`version: 1\nanchored: &a 1\nalias: *a\n${'#'.repeat(1000)}\n`, MANIFEST)).every((p) => p.code !== 'manifest-too-complex'));
    });

    it('has a limit for manifests', () => {
      const manifest = (n: number) => `version: 1\nname: a\nname: b\n${'#'.repeat(n - 28)}\n`;
      assert.equal(manifest(MAX_MANIFEST_LENGTH).length, MAX_MANIFEST_LENGTH);
      const service = getLanguageService();
      assert.ok(service.analyze(doc(manifest(MAX_MANIFEST_LENGTH), MANIFEST)).some((p) => p.code === 'manifest-duplicate-key'));
      const refused = service.analyze(doc(manifest(MAX_MANIFEST_LENGTH + 1), MANIFEST));
      assert.deepEqual(refused.map((p) => p.code), ['document-too-large']);
      assert.equal(refused[0].severity, 'information');
      const count = (x: number) => x.toLocaleString('en-US');
      assert.match(refused[0].message, new RegExp(`${count(MAX_MANIFEST_LENGTH + 1)} characters.*up to ${count(MAX_MANIFEST_LENGTH)}`));
      // The other services answer empty rather than work on it.
      const big = doc(manifest(MAX_MANIFEST_LENGTH + 1), MANIFEST);
      assert.deepEqual(service.doComplete(big, { line: 0, character: 0 }).items, []);
      assert.equal(service.doHover(big, { line: 0, character: 0 }), null);
      assert.deepEqual(service.findDocumentSymbols(big), []);
    });
  });

  describe('line length', () => {
    it('skips a command line above the limit with one finding and checks the others', () => {
      const long = `ccmsetup.exe /mp=${'a'.repeat(MAX_LINE_LENGTH)}`;
      const atLimit = `ccmsetup.exe /mp=${'a'.repeat(MAX_LINE_LENGTH - 'ccmsetup.exe /mp='.length)}`;
      assert.equal(atLimit.length, MAX_LINE_LENGTH);
      const text = `${long}\n${BAD}\n${atLimit}`;
      const found = getLanguageService().analyze(doc(text));
      assert.equal(found[0].code, 'line-too-long');
      assert.equal(found.filter((p) => p.code === 'line-too-long').length, 1);
      assert.equal(found.filter((p) => p.code === 'parameter-uses-equals').length, 2, 'the line at the limit is checked');
      assert.deepEqual(found[0].span, { start: 0, end: 0 });
      assert.match(found[0].message, new RegExp(`${long.length.toLocaleString('en-US')} characters.*at most 32,766 characters`));
      assert.equal(found[0].severity, 'error');
    });

    it('reports a line Windows can\'t start a program with (32,767 characters with the null) instead of checking it', () => {
      // CreateProcess takes at most 32,767 characters including the terminating null: one more than
      // 32,766 can't run, so its entries aren't judged; one less is checked as usual.
      const over = `ccmsetup.exe /mp=${'a'.repeat(32_767 - 'ccmsetup.exe /mp='.length)}`;
      const found = getLanguageService().analyze(doc(`${over}\n${BAD}`));
      assert.deepEqual(found.filter((p) => p.span.start < over.length).map((p) => p.code), ['line-too-long']);
      assert.equal(found[0].docUrl, 'https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-createprocessw');
      const fits = over.slice(1);
      assert.ok(getLanguageService().analyze(doc(fits)).some((p) => p.code === 'parameter-uses-equals'));
    });

    it('applies to command lines embedded in a manifest', () => {
      const text = `version: 1\ncomanagement:\n  policies:\n    - name: a\n      commandLine: "/mp=${'a'.repeat(MAX_LINE_LENGTH)}"\n    - name: b\n      commandLine: "/mp=x"\n`;
      const codes = getLanguageService().analyze(doc(text, MANIFEST)).map((p) => p.code);
      assert.equal(codes.filter((c) => c === 'line-too-long').length, 1);
      assert.equal(codes.filter((c) => c === 'parameter-uses-equals').length, 1, codes.join());
    });
  });

  describe('time budget', () => {
    it('stops checking a .ccmsetup file when time is up and says where', () => {
      const text = Array.from({ length: 10 }, () => BAD).join('\n');
      // Each line reads the clock once; with 100 ms a read and a 450 ms budget, four lines fit.
      const service = getLanguageService({ budget: { ms: 450, clock: steppingClock(100) } });
      const found = service.analyze(doc(text));
      const cut = found.filter((p) => p.code === 'analysis-cut-short');
      assert.equal(cut.length, 1);
      assert.equal(found.filter((p) => p.code === 'parameter-uses-equals').length, 4);
      assert.equal(cut[0].span.start, text.split('\n').slice(0, 4).join('\n').length + 1, 'points at the first line not checked');
      assert.match(cut[0].message, /longer than 450 ms/);
      assert.equal(found[found.length - 1], cut[0], 'listed last, after any cap');
    });

    it('checks everything when the budget is not reached', () => {
      const text = Array.from({ length: 10 }, () => BAD).join('\n');
      const found = getLanguageService({ budget: { ms: 10_000, clock: steppingClock(100) } }).analyze(doc(text));
      assert.deepEqual(found.map((p) => p.code), Array(10).fill('parameter-uses-equals'));
    });

    it('stops a manifest\'s readiness checks too, with one finding', () => {
      const text = 'version: 1\npath: autopilot\nsite:\n  version: 2107\n';
      const unlimited = getLanguageService().analyze(doc(text, MANIFEST));
      assert.ok(unlimited.some((p) => p.code === 'autopilot-site-version'));
      const found = getLanguageService({ budget: { ms: 50, clock: steppingClock(1) } }).analyze(doc(text, MANIFEST));
      assert.equal(found.filter((p) => p.code === 'analysis-cut-short').length, 1);
      assert.match(found.find((p) => p.code === 'analysis-cut-short')!.message, /readiness checks starting with "/);
      assert.ok(found.length < unlimited.length + 1);
    });

    it('bounds the real time of a worst-case document (a 2 MB file of findings)', () => {
      const text = `${'ccmsetup.exe /a:b /c:d SMSSITECODE=ABC x y z\n'.repeat(Math.floor(MAX_DOCUMENT_LENGTH / 46))}`;
      const service = getLanguageService({ budget: { ms: 200 } });
      let found: ReturnType<typeof service.analyze> = [];
      const ms = elapsed(() => { found = service.analyze(doc(text)); });
      assert.ok(found.some((p) => p.code === 'analysis-cut-short'), 'expected the budget to stop this file');
      // Parsing 2 MB is not interruptible; the rules after the budget are.
      assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
    });
  });

  describe('findings', () => {
    it('shortens messages that quote a huge name', () => {
      const name = 'k'.repeat(1000); // YAML allows implicit keys up to 1,024 characters
      const found = getLanguageService().analyze(doc(`version: 1\n${name}: 1\n`, MANIFEST));
      const unknown = found.find((p) => p.code === 'manifest-unknown-key');
      assert.ok(unknown);
      assert.equal(unknown.message.length, MAX_MESSAGE_LENGTH);
      assert.ok(unknown.message.endsWith('…'));
    });
  });

  describe('fault containment in readiness rules', () => {
    it('reports a throwing readiness rule once, by name, and runs the others', () => {
      const text = 'version: 1\npath: autopilot\nsite:\n  version: 2107\n';
      const broken: ReadinessRule = { ...MANIFEST_RULES[0], id: 'broken-readiness-rule', appliesWhen: undefined, needs: [], needsAny: undefined, check: () => { throw new TypeError('boom'); } };
      const { document, plan } = parseAndPlan(text, defaultCatalog);
      const analysis = analyzeManifest(document, plan, { catalog: defaultCatalog, settings: {}, readinessRules: [broken, ...MANIFEST_RULES] });
      const errors = analysis.problems.filter((p) => p.code === 'internal-error');
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /"broken-readiness-rule"/);
      assert.doesNotMatch(errors[0].message, /boom/, 'the exception text may quote input; it stays out');
      assert.equal(analysis.readiness.find((r) => r.id === 'broken-readiness-rule')?.status, 'unknown');
      assert.ok(analysis.problems.some((p) => p.code === 'autopilot-site-version'), 'the other rules still ran');
    });
  });

  describe('inputs that used to take quadratic time', () => {
    // Each took seconds to minutes before its fix; the linear code does them in milliseconds.
    // Lines stay under MAX_LINE_LENGTH so the rules really run on them.
    const cases: [string, string, string][] = [
      ['many unclosed {{ on one line', 'ccmsetup.exe ' + '{{'.repeat(32_000), 'x.ccmsetup'],
      ['many unclosed ${ on one line', 'ccmsetup.exe ' + '${'.repeat(32_000), 'x.ccmsetup'],
      ['many < without >', 'ccmsetup.exe ' + '<'.repeat(1_000_000), 'x.ccmsetup'],
      ['many unknown manifest keys', `version: 1\n${Array.from({ length: 10_000 }, (_, i) => `k${i}: 1\n`).join('')}`, MANIFEST],
      ['many duplicate manifest keys', `version: 1\n${'k: 1\n'.repeat(10_000)}`, MANIFEST],
    ];
    for (const [name, text, file] of cases) {
      it(name, () => {
        const ms = elapsed(() => getLanguageService({ budget: { ms: 60_000 } }).analyze(doc(text, file)));
        assert.ok(ms < 1500, `${name}: ${ms.toFixed(0)} ms`);
      });
    }

    it('many unquoted values in a 2 MB file (each used to search the rest of the file for a quote)', () => {
      const text = `${`ccmsetup.exe ${'A=1 '.repeat(100)}\n`.repeat(5000)}"`;
      const ms = elapsed(() => parseCcmsetupDocument(text));
      assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
    });
  });
});
