// No validation step runs long (issue #11): on the inputs that once blocked the server for a second
// in one step, every step stays within a bound on the work it does, counted in the work units of
// core/steps.ts rather than timed (timed figures live in the bench: "longest step"). Plus the
// bounded outline. Inputs: test/helpers/blockingInputs.ts.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PARSE_UNITS_PER_CHAR } from '../server/src/core/ccmsetup/parser';
import { getLanguageService } from '../server/src/core/languageService';
import { DocumentSymbol } from '../server/src/core/languageTypes';
import { MAX_LINE_LENGTH, MAX_SYMBOLS } from '../server/src/core/limits';
import { COMPOSE_UNITS_PER_CHAR, parseWholeSteps } from '../server/src/core/manifest/parser';
import { Steps, UNITS_PER_STEP, drain, due, workCounted } from '../server/src/core/steps';
import { applyManifestDirectives } from '../server/src/core/manifest/directives';
import { keyCharacterSteps } from '../server/src/core/manifest/keyCharacters';
import { BlockingInput, blockingInputs, longLinesCcmsetup, policiesManifest } from './helpers/blockingInputs';
import { batchInput, powershellInput } from '../bench/scriptInputs';

/** The work of each step of a generator, in units, and what it returned. */
function unitsPerStep<T>(steps: Steps<T>): { units: number[]; value: T } {
  const units: number[] = [];
  for (;;) {
    const before = workCounted();
    const next = steps.next();
    units.push(workCounted() - before);
    if (next.done) return { units, value: next.value };
  }
}

/** Windows runs a command line of at most 32,767 characters with its terminating null (CreateProcess). */
const WINDOWS_LINE = 32_767;

/**
 * The most one step may do: its share, plus one unit of work that can't be cut — one command
 * line's parse or one rule over it (never more of a line than Windows can run: a longer one isn't
 * checked), one piece of a manifest (40 lines), or composing a YAML document the pieces parser
 * can't cut.
 */
function bound(input: BlockingInput): number {
  const longestLine = Math.max(...input.text.split('\n').map((l) => l.length));
  const indivisible = input.id.includes('anchor') ? input.text.length * COMPOSE_UNITS_PER_CHAR : Math.max(Math.min(longestLine, WINDOWS_LINE) * (PARSE_UNITS_PER_CHAR + 1), 16 * 1024);
  return UNITS_PER_STEP + longestLine / 8 + indivisible;
}

const countSymbols = (symbols: DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + countSymbols(s.children ?? []), 0);

describe('validation steps', function () {
  this.timeout(120_000);

  for (const input of blockingInputs()) {
    it(`pauses often on the ${input.description}`, () => {
      const service = getLanguageService({ budget: { ms: 1e9 } });
      const document = TextDocument.create(`file:///steps/${input.fileName}`, 'x', 1, input.text);
      const { units, value } = unitsPerStep(service.validationSteps(document));
      const total = units.reduce((a, b) => a + b, 0);
      const longest = Math.max(...units);
      // The count covers the input: every character was read at least once.
      assert.ok(total >= input.text.length, `${total} units for ${input.text.length} characters`);
      assert.ok(longest <= bound(input), `a step did ${longest} units (bound ${bound(input)})`);
      // The work is spread over many steps (before, 2 for the ccmsetup file, a few for the 400
      // policies); the anchored manifest's whole parse is one step, the rest is spread.
      if (!input.id.includes('anchor')) assert.ok(longest * 4 <= total, `one step did ${longest} of ${total} units`);
      assert.ok(value.length > 0, 'the input has findings');
    });
  }

  // 10,000-line scripts with 200 invocations (the bench's): before, the host's scan of the whole
  // script was one step, and none of it was counted.
  for (const input of [powershellInput(), batchInput()]) {
    it(`finds the invocations of a ${input.description.split(' with ')[0]} in steps, and checks them in steps`, () => {
      const service = getLanguageService({ budget: { ms: 1e9 } });
      const document = TextDocument.create(`file:///steps/${input.fileName}`, 'x', 1, input.text);
      const parse = unitsPerStep(service.parseSteps(document));
      const parsed = parse.units.reduce((a, b) => a + b, 0);
      // The scan covers the script: every character counted at least once, spread over many steps.
      assert.ok(parsed >= input.text.length, `${parsed} units for ${input.text.length} characters`);
      assert.ok(Math.max(...parse.units) * 8 <= parsed, `one step did ${Math.max(...parse.units)} of ${parsed} units`);
      const longestLine = Math.max(...input.text.split('\n').map((l) => l.length));
      // Its share, plus one indivisible piece: a scan of the whole text for a word (the prefilter,
      // the directive comments: an eighth of a unit per character), one chunk of the lexer, or one invocation.
      const bound = UNITS_PER_STEP + input.text.length / 8 + 16 * 1024 + longestLine * (PARSE_UNITS_PER_CHAR + 1);
      assert.ok(Math.max(...parse.units) <= bound, `a parse step did ${Math.max(...parse.units)} units (bound ${bound})`);
      const again = TextDocument.create(`file:///steps/again-${input.fileName}`, 'x', 1, input.text);
      const { units, value } = unitsPerStep(service.validationSteps(again));
      assert.ok(Math.max(...units) <= bound, `a validation step did ${Math.max(...units)} units (bound ${bound})`);
      assert.ok(value.length > 0, 'the input has findings');
    });
  }

  it('puts a 2 MB file\'s findings in order without sorting them all in one step', () => {
    // Before, the findings of every line (over 100,000 here) were sorted at the end: uncounted
    // work, tens of milliseconds in the last step. Each line's are sorted as it ends now.
    const text = longLinesCcmsetup(MAX_LINE_LENGTH);
    const service = getLanguageService({ budget: { ms: 1e9 } });
    const sort = Array.prototype.sort;
    let largest = 0;
    Array.prototype.sort = function (this: unknown[], compare?: (a: unknown, b: unknown) => number) {
      largest = Math.max(largest, this.length);
      return sort.call(this, compare);
    } as typeof sort;
    let found;
    try {
      found = unitsPerStep(service.validationSteps(TextDocument.create('file:///steps/sorted.ccmsetup', 'x', 1, text))).value;
    } finally {
      Array.prototype.sort = sort;
    }
    const lineCount = text.split('\n').filter(Boolean).length;
    assert.ok(largest < 100_000 / 2, `a sort of ${largest} items`);
    assert.ok(found.length > 1000, 'capped findings plus the "more findings" one');
    // The same findings, in order, as a fresh analysis of each line gives.
    const first = text.split('\n')[0];
    const alone = getLanguageService({ budget: { ms: 1e9 } }).analyze(TextDocument.create('file:///steps/one.ccmsetup', 'x', 1, first));
    assert.deepEqual(found.slice(0, 200).map((d) => [d.code, d.range.start.character]), alone.slice(0, 200).map((p) => [p.code, p.span.start]));
    assert.ok(lineCount > 50);
  });

  it('code actions find the problems in steps first, and then do no counted work of their own', () => {
    const service = getLanguageService({ budget: { ms: 1e9 } });
    const document = TextDocument.create('file:///steps/actions.comanage.yaml', 'x', 1, policiesManifest(400, false));
    const { units } = unitsPerStep(service.problemSteps(document));
    assert.ok(units.length > 1, `${units.length} steps`);
    const before = workCounted();
    service.getCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } });
    assert.equal(workCounted() - before, 0);
  });

  it('a manifest\'s directives and keys pause on counted work, not every so many comments or keys', () => {
    // 256 directive comments and keys: little work, so no pause inside either pass (before, a pause every 32 comments).
    const text = `version: 1\n${Array.from({ length: 256 }, (_, i) => `# comanage-disable-next-line unknown-key\nkey${i}: x\n`).join('')}`;
    const document = drain(parseWholeSteps(text));
    // Each measured from the start of a step, as the server's slices start them.
    due();
    assert.equal(unitsPerStep(applyManifestDirectives(document, [], {})).units.length, 2);
    due();
    assert.equal(unitsPerStep(keyCharacterSteps(document.root, text)).units.length, 1);
  });

  it('reads a command line above the checked length only up to that length', () => {
    const service = getLanguageService({ budget: { ms: 1e9 } });
    // One 2 MB line: not checked (line-too-long), and before, parsed whole in one step.
    const text = `ccmsetup.exe ${'/mp:x SMSSITECODE=ABC '.repeat(90_000)}`;
    const { units, value } = unitsPerStep(service.validationSteps(TextDocument.create('file:///steps/one-line.ccmsetup', 'x', 1, text)));
    assert.deepEqual(value.map((d) => d.code), ['line-too-long']);
    // Finding the line's end is a scan of the whole line (an eighth of a unit per character); reading items stops at the limit.
    assert.ok(Math.max(...units) <= UNITS_PER_STEP + text.length / 8 + MAX_LINE_LENGTH * (PARSE_UNITS_PER_CHAR + 1), `a step did ${Math.max(...units)} units`);
  });

  it('cuts a command line\'s checks between rules, and a YAML parse between lexemes', () => {
    const service = getLanguageService({ budget: { ms: 1e9 } });
    // Three 60 KB lines: before, one step parsed them all and one checked them all.
    const three = longLinesCcmsetup().split('\n').slice(0, 3).join('\n');
    const { units } = unitsPerStep(service.validationSteps(TextDocument.create('file:///steps/three.ccmsetup', 'x', 1, three)));
    assert.ok(units.length >= 6, `${units.length} steps`);
    const anchored = policiesManifest(120, true);
    const whole = unitsPerStep(service.validationSteps(TextDocument.create('file:///steps/anchored.comanage.yaml', 'x', 1, anchored)));
    assert.ok(Math.max(...whole.units) < anchored.length * (COMPOSE_UNITS_PER_CHAR + 2) + UNITS_PER_STEP);
  });
});

describe('bounded outline', () => {
  it('lists at most MAX_SYMBOLS entries of a 2 MB .ccmsetup file and says what it left out', () => {
    const text = longLinesCcmsetup();
    const service = getLanguageService();
    const document = TextDocument.create('file:///steps/outline.ccmsetup', 'x', 1, text);
    const symbols = service.findDocumentSymbols(document);
    assert.ok(countSymbols(symbols) <= MAX_SYMBOLS, `${countSymbols(symbols)} symbols`);
    assert.ok(JSON.stringify(symbols).length < 1024 * 1024, `${JSON.stringify(symbols).length} bytes`);
    // The line where the cap is reached ends its children with a truncated entry, and so does the outline.
    assert.match(symbols.at(-2)!.children!.at(-1)!.name, /^… outline truncated: [\d,]+ more entries$/);
    const lines = text.split('\n').filter(Boolean).length;
    assert.equal(symbols.at(-1)!.name, `… outline truncated: ${(lines - (symbols.length - 1)).toLocaleString('en-US')} more command lines`);
  });

  it('lists a manifest of 400 policies up to the limit, and a small file in full', () => {
    const service = getLanguageService();
    const big = service.findDocumentSymbols(TextDocument.create('file:///steps/outline.comanage.yaml', 'x', 1, policiesManifest(400)));
    assert.ok(countSymbols(big) <= MAX_SYMBOLS);
    assert.ok(JSON.stringify(big).includes('outline truncated: '), 'no truncated entry');
    const small = service.findDocumentSymbols(TextDocument.create('file:///steps/small.comanage.yaml', 'x', 1, policiesManifest(3)));
    assert.ok(!JSON.stringify(small).includes('outline truncated'));
    assert.equal(small.find((s) => s.name === 'comanagement')?.children?.find((s) => s.name === 'policies')?.children?.length, 3);
  });
});
