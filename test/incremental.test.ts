// Incremental parsing and checking give what a fresh start gives: a manifest parsed in pieces
// (manifest/pieces.ts) equals the whole parse, and a language service fed version after version
// of one document (reusing pieces and the line cache, ccmsetup/lineCache.ts) reports what a new
// service reports for the final text. Generated documents, fixed fast-check seeds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, LanguageService, ReadinessCheck } from '../server/src/core/languageService';
import { Problem } from '../server/src/core/languageTypes';
import { ManifestDocument, PieceCache } from '../server/src/core/manifest/ast';
import { parseWhole } from '../server/src/core/manifest/parser';
import { PIECES_MIN_LENGTH, parseInPieces } from '../server/src/core/manifest/pieces';
import { workCounted } from '../server/src/core/steps';
import { smallScript } from '../bench/scriptInputs';

const SEED = 20261123;
const EXAMPLES = path.join(__dirname, '..', 'examples');
const read = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
const examples = (pattern: RegExp) => fs.readdirSync(EXAMPLES).filter((n) => pattern.test(n)).sort().map(read);
const fixedClock = () => new Date('2026-11-23T00:00:00Z');
const newService = (settings = {}) => getLanguageService({ now: fixedClock, budget: { ms: 1e9 }, settings });

/** Runs `f` without stack traces: a broken YAML text makes hundreds of YAMLErrors, and their stacks take most of the time. */
function fast<T>(f: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

// --- generated manifests -----------------------------------------------------------------------

const BASE = read('new-internet-devices-cmg.comanage.yaml');
const POLICIES = /^ {2}policies:\n[\s\S]*?\n(?=\n)/m;
assert.ok(POLICIES.test(BASE), 'the example manifest has a policies: list');

/** Command lines written in each scalar style the format allows; `pad` is the block indentation. */
function commandLine(i: number, pad: string): string {
  const site = ['ABC', 'XYZ', 'AUTO', 'A1'][i % 4];
  const extra = ['', ' FOO=bar', ' /BITSPriority:SUPER', ' SMSMP=http://mp1', '', ' CCMHOSTNAME=https://x.contoso.com'][i % 6];
  const host = `contoso${i % 7}.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500`;
  const inner = `/UpgradeToLatest CCMHOSTNAME=${host} SMSSITECODE=${site} AADCLIENTAPPID=7506ee10-f7ec-415a-b415-cd3d58790d97 AADRESOURCEURI=https://contososerver${extra}`;
  switch (i % 5) {
    case 0: return `>-\n${pad}CCMSETUPCMD="${inner.replace(' SMSSITECODE', `\n${pad}SMSSITECODE`)}"`;
    case 1: return `|\n${pad}CCMSETUPCMD="${inner}"`;
    case 2: return `'CCMSETUPCMD="${inner}"'`;
    case 3: return `"CCMSETUPCMD=\\"${inner.replace(' SMSSITECODE', `\n${pad}SMSSITECODE`)}\\""`;
    default: return `CCMSETUPCMD="${inner}"`;
  }
}

function policy(i: number, indent: number, duplicateKey: boolean): string {
  const p = ' '.repeat(indent);
  const lines = [
    `${p}- name: Policy ${i % 37 === 5 ? 1 : i}`,
    `${p}  installAgent: ${i % 9 !== 4}`,
    `${p}  targetGroup: Contoso devices ${i % 11}`,
    `${p}  targetGroupType: ${i % 3 ? 'device' : 'user'}`,
    `${p}  priority: ${i % 13 === 7 ? 2 : i + 1}`,
    ...(duplicateKey ? [`${p}  priority: ${i + 100}`] : []),
    `${p}  overrideToIntune: false`,
    `${p}  commandLine: ${commandLine(i, `${p}    `)}`,
  ];
  return lines.join('\n');
}

interface Variant {
  count: number; flat?: boolean; comments?: boolean; blanks?: boolean; crlf?: boolean; duplicates?: boolean;
  /** Every sixth policy is written exactly as the one before it (the same piece, the same command line, twice). */
  twins?: boolean;
}

/** The example manifest with `count` generated policies, written as the variant says. */
function manifest({ count, flat, comments, blanks, crlf, duplicates, twins }: Variant): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    if (comments && i % 4 === 1) items.push(i % 8 === 1 ? '# between policies' : `${flat ? '  ' : '    '}# policy ${i}`);
    if (blanks && i % 3 === 2) items.push(i % 6 === 2 ? '' : '   ');
    const n = twins && i % 6 === 5 ? i - 1 : i;
    items.push(policy(n, flat ? 2 : 4, !!duplicates && n === 3));
  }
  let text = BASE.replace(POLICIES, `  policies:\n${items.join('\n')}\n`);
  if (duplicates) text += 'windows:\n  minimumVersion: 11\n';
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

const LARGE = manifest({ count: 200 });
const VARIANTS: Variant[] = [
  { count: 200 },
  { count: 200, flat: true, comments: true, blanks: true },
  { count: 120, crlf: true, comments: true },
  { count: 120, duplicates: true, blanks: true, twins: true },
  { count: 80, flat: true, crlf: true, duplicates: true, comments: true, blanks: true },
];

// --- comparing ---------------------------------------------------------------------------------

const byStart = <T extends { span: { start: number; end: number } }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || JSON.stringify(a).localeCompare(JSON.stringify(b)));

function assertSameParse(actual: ManifestDocument, text: string, label: string): void {
  const whole = fast(() => parseWhole(text));
  assert.deepEqual(actual.root, whole.root, `${label}: tree differs`);
  assert.deepEqual(byStart(actual.problems), byStart(whole.problems), `${label}: problems differ`);
}

// --- edits ---------------------------------------------------------------------------------------

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'copyLine'; at: number; from: number }
  | { kind: 'insertLine'; at: number; text: string };

/** Lines that change how the lines after them are checked. */
const DIRECTIVES = ['# comanage-disable-next-line', '# comanage-disable-next-line unknown-property, property-name-case',
  '# comanage-context: msi', '# comanage-context: push', '# comanage-context: intune', '# comanage-context: unknown',
  '# comanage-site-version: 2107', '# comanage-site-version: 2503'];

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(
    fc.constantFrom(' ', '-', ':', '#', '"', "'", '\n', 'x', '|', '>', '  ', '- ', ': ', '\n  ', '\n- x: y'),
    fc.string({ unit: fc.constantFrom(' ', '-', ':', '#', '"', "'", '\n', 'x', '|', '>'), minLength: 1, maxLength: 6 }),
  ) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: position }),
  fc.record({ kind: fc.constant('copyLine' as const), at: position, from: position }),
  fc.record({ kind: fc.constant('insertLine' as const), at: position, text: fc.constantFrom(...DIRECTIVES, '', 'ccmsetup.exe /mp:x SMSSITECODE=AUTO') }),
);

/** Start and end (before its line break) of the line holding `offset`. */
function lineAround(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return [start, end === -1 ? text.length : end];
}

function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * (text.length + 1));
  switch (e.kind) {
    case 'insert': return text.slice(0, at) + e.text + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(Math.min(text.length, at + e.length));
    case 'duplicateLine': {
      const [start, end] = lineAround(text, at);
      return `${text.slice(0, end)}\n${text.slice(start, end)}${text.slice(end)}`;
    }
    case 'copyLine': {
      // Line `at` becomes a copy of another line: two identical lines.
      const [start, end] = lineAround(text, at);
      const [fromStart, fromEnd] = lineAround(text, Math.floor(e.from * (text.length + 1)));
      return text.slice(0, start) + text.slice(fromStart, fromEnd) + text.slice(end);
    }
    case 'insertLine': {
      const [start] = lineAround(text, at);
      return `${text.slice(0, start)}${e.text}\n${text.slice(start)}`;
    }
  }
}

// --- 1. pieces equal whole ------------------------------------------------------------------------

describe('incremental: manifest pieces', function () {
  this.timeout(60_000);

  it('generates large manifests that need pieces', () => {
    assert.ok(LARGE.length > PIECES_MIN_LENGTH, `${LARGE.length} characters`);
    assert.equal(parseWhole(LARGE).problems.length, 0, 'the plain generated manifest is valid YAML');
    const variant = manifest(VARIANTS[4]);
    assert.ok(variant.includes('\r\n') && variant.includes('\n  - name:') && variant.includes('\n# between'));
  });

  it('parses every example and generated manifest in pieces as the whole parse does', () => {
    const texts = [...examples(/\.comanage\.ya?ml$/), ...VARIANTS.map(manifest)];
    assert.ok(texts.length >= 8);
    let cut = 0;
    texts.forEach((text, n) => {
      const pieces = parseInPieces(text, undefined, 0);
      if (!pieces) return;
      cut++;
      assertSameParse(pieces, text, `text ${n}`);
    });
    assert.ok(cut >= VARIANTS.length, `only ${cut} of ${texts.length} texts were cut`);
  });

  it('cuts the plain large manifest, and reuses the pieces of an unchanged text', () => {
    const first = parseInPieces(LARGE, undefined, 0);
    assert.ok(first, 'the plain generated manifest is cut in pieces');
    assert.ok(first.pieces && first.pieces.size > 50, `${first.pieces?.size} pieces`);
    // Default minimum length: large enough.
    assert.ok(parseInPieces(LARGE));
    const again = parseInPieces(LARGE, first.pieces, 0);
    assert.ok(again);
    assertSameParse(again, LARGE, 'second parse');
  });

  it('does not cut a text with an anchor or an alias', () => {
    const anchored = LARGE.replace('targetGroup: Contoso devices 0', 'targetGroup: &group Contoso devices 0')
      .replace('targetGroup: Contoso devices 1\n', 'targetGroup: *group\n');
    assert.notEqual(anchored, LARGE);
    assert.equal(parseInPieces(anchored, undefined, 0), undefined);
    assert.equal(parseInPieces(LARGE.replace('priority: 3\n', 'priority: &a 3\n'), undefined, 0), undefined);
    assert.equal(parseInPieces(`${LARGE}other: *a\n`, undefined, 0), undefined);
  });

  // --- 2. incremental pieces equal whole --------------------------------------------------------

  it('parses edited versions in pieces, threading the cache, as the whole parse does', () => {
    // Large enough that a section is cut again (more than 40 lines), small enough to parse fast.
    const bases = [manifest({ count: 16, twins: true }), manifest({ count: 16, flat: true, comments: true, blanks: true }),
      manifest({ count: 12, crlf: true, duplicates: true })];
    assert.ok(bases.every((text) => (parseInPieces(text, undefined, 0)?.pieces?.size ?? 0) > 10));
    let cutSteps = 0;
    fc.assert(fc.property(fc.nat(bases.length - 1), fc.array(edit, { minLength: 1, maxLength: 5 }), (b, edits) => {
      let text = bases[b];
      // Each run has its own cache: a piece only the previous version used may be moved in place.
      let previous: PieceCache = fast(() => parseInPieces(text, undefined, 0))!.pieces!;
      edits.forEach((e, step) => {
        text = applyEdit(text, e);
        const pieces = fast(() => parseInPieces(text, previous, 0));
        if (pieces) cutSteps++;
        assertSameParse(pieces ?? fast(() => parseWhole(text)), text, `after edit ${step + 1}`);
        previous = pieces?.pieces ?? new Map();
      });
    }), { seed: SEED, numRuns: 150, includeErrorInReport: true });
    assert.ok(cutSteps > 100, `only ${cutSteps} edited versions were cut in pieces`);
  });
});

// --- 3. language service: incremental equals fresh --------------------------------------------

/** ~300 lines from the example ccmsetup files, varied, with repeats and directives. */
function ccmsetupFile(): string {
  const source = examples(/\.ccmsetup$/).flatMap((t) => t.split('\n')).filter((l) => l.trim() !== '');
  const out: string[] = [];
  for (let i = 0; out.length < 300; i++) {
    let line = source[(i * 7) % source.length];
    if (!line.startsWith('#')) {
      line = line.replace('SMSSITECODE=ABC', `SMSSITECODE=${['ABC', 'AUTO', 'xyz', 'A1B'][i % 4]}`)
        .replace('/BITSPriority:HIGH', `/BITSPriority:${['HIGH', 'SUPER', 'low'][i % 3]}`);
      if (i % 5 === 3) line += ' FOO=bar';
      if (i % 7 === 2) line += ' /mp:';
      if (i % 8 === 5) line = line.replace(' ', ' /AllowMetered '); // since 2006: checked against the site version
    }
    if (i % 9 === 4) out.push(DIRECTIVES[(i / 9 | 0) % DIRECTIVES.length]);
    out.push(line);
    if (i % 11 === 6) out.push(line); // the same line twice in a row
    if (i % 13 === 0) out.push('');
  }
  return out.join('\n');
}

const CCMSETUP = ccmsetupFile();
// Just over PIECES_MIN_LENGTH, so that the service parses its versions in pieces.
const SERVICE_MANIFEST = manifest({ count: 38, comments: true, blanks: true, twins: true });

let uriCounter = 0;
const fresh = (name: string, text: string) => TextDocument.create(`file:///fresh/${++uriCounter}/${name}`, 'plaintext', 1, text);

/** What a new service reports for a text (the same texts come back often: memoized). */
const references = new Map<string, { problems: Problem[]; readiness: ReadinessCheck[] }>();
function reference(name: string, text: string) {
  const key = `${name}\u0000${text}`;
  let found = references.get(key);
  if (!found) {
    const service = newService();
    const document = fresh(name, text);
    found = fast(() => ({ problems: service.analyze(document), readiness: service.getReadiness(document) }));
    references.set(key, found);
  }
  return found;
}

/** Feeds `texts` as versions 1, 2, … of one document to one service; compares each with a new service. */
function checkVersions(service: LanguageService, name: string, texts: string[], label = ''): void {
  const uri = `file:///edited/${++uriCounter}/${name}`;
  let document = TextDocument.create(uri, 'plaintext', 1, texts[0]);
  texts.forEach((text, n) => {
    if (n > 0) document = TextDocument.update(document, [{ text }], n + 1);
    const expected = reference(name, text);
    assert.deepEqual(fast(() => service.analyze(document)), expected.problems, `${label} version ${n + 1}: problems differ`);
    if (name.endsWith('.comanage.yaml')) {
      assert.deepEqual(fast(() => service.getReadiness(document)), expected.readiness, `${label} version ${n + 1}: readiness differs`);
    }
  });
}

/** The texts of a sequence of edits, the base first. */
const versions = (base: string, edits: Edit[]) => edits.reduce((texts, e) => [...texts, applyEdit(texts[texts.length - 1], e)], [base]);

describe('incremental: language service', function () {
  this.timeout(60_000);

  it('generates documents with problems to keep', () => {
    assert.ok(CCMSETUP.split('\n').length >= 300);
    assert.ok(SERVICE_MANIFEST.length > PIECES_MIN_LENGTH, `${SERVICE_MANIFEST.length} characters`);
    assert.ok(parseInPieces(SERVICE_MANIFEST), 'the service manifest is cut in pieces');
    const service = newService();
    assert.ok(service.analyze(fresh('a.ccmsetup', CCMSETUP)).length > 50);
    assert.ok(service.analyze(fresh('a.comanage.yaml', SERVICE_MANIFEST)).length > 20);
  });

  for (const [name, base] of [['edited.ccmsetup', CCMSETUP], ['edited.comanage.yaml', SERVICE_MANIFEST]] as const) {
    it(`${name}: shifting every line (insert, then delete, at the start) keeps the problems right`, () => {
      checkVersions(newService(), name, [base, `x\n${base}`, base, ` ${base}`, base, `# c\n\n${base}`], 'shift');
    });

    it(`${name}: an edit that makes two lines identical`, () => {
      const lines = base.split('\n');
      const a = lines.findIndex((l, n) => n > 10 && /SMSSITECODE=/.test(l) && lines.indexOf(l) === n && !l.startsWith('#'));
      const b = lines.findIndex((l, n) => n > a + 3 && /SMSSITECODE=/.test(l) && l !== lines[a] && !l.startsWith('#'));
      assert.ok(a > 0 && b > a);
      const copied = [...lines];
      copied[b] = lines[a];
      const moved = [...copied];
      moved.splice(a, 1); // then the first one goes: the copy moves up
      checkVersions(newService(), name, [base, copied.join('\n'), moved.join('\n'), base], 'identical');
    });

    it(`${name}: changed directives change how the unchanged lines after them are checked`, () => {
      const changes = [
        (t: string) => `# comanage-context: push\n${t}`,
        (t: string) => t.replace(/^# comanage-context: msi$/gm, '# comanage-context: intune'),
        (t: string) => t.replace(/^# comanage-disable-next-line.*$/gm, '# (was a directive)'),
        (t: string) => t.replace(/^# comanage-site-version: \d+$/gm, '# comanage-site-version: 1906'),
        (t: string) => t.replace(/^# comanage-context: .*\n/gm, ''),
      ];
      const texts = changes.reduce((list, change) => [...list, change(list[list.length - 1])], [base]);
      if (name.endsWith('.ccmsetup')) {
        // Each change matters to a fresh check, or this test would prove nothing.
        texts.slice(1).forEach((text, n) => assert.notDeepEqual(
          reference(name, text).problems.map((p) => [p.code, p.severity]), reference(name, texts[n]).problems.map((p) => [p.code, p.severity]), `change ${n + 1} changes nothing`));
      }
      checkVersions(newService(), name, texts, 'directives');
    });

    if (name.endsWith('.comanage.yaml')) {
      it(`${name}: a command line that moves within its own lines, or changes style, is checked again`, () => {
        const changes = [
          (t: string) => t.replace("commandLine: '", "commandLine:   '"),
          (t: string) => t.replace('commandLine: CCMSETUPCMD', 'commandLine:  CCMSETUPCMD'),
          (t: string) => t.replace('commandLine: >-', 'commandLine: >'),
          (t: string) => t.replace('commandLine: |\n', 'commandLine: |-\n'),
          (t: string) => t.replace('commandLine: "', 'commandLine:\n        "'),
          // A folded block indented further: the same value, at other offsets within the same lines' text.
          (t: string) => t.replace(/(commandLine: >-\n)( +)(CCMSETUPCMD=.*\n)\2(SMSSITECODE)/, '$1$2  $3$2  $4'),
        ];
        const texts = changes.reduce((list, change) => [...list, change(list[list.length - 1])], [base]);
        texts.slice(1).forEach((text, n) => assert.notEqual(text, texts[n], `change ${n + 1} found nothing to change`));
        checkVersions(newService(), name, texts, 'layout');
      });
    }

    it(`${name}: random edits to one service give what a new service gives`, () => {
      fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        checkVersions(newService(), name, versions(base, edits));
      }), { seed: SEED + 1, numRuns: 60, includeErrorInReport: true });
    });
  }

  // --- 4. settings between versions ---------------------------------------------------------------

  for (const [name, base, rule] of [
    ['settings.ccmsetup', CCMSETUP, 'unknown-property'],
    ['settings.comanage.yaml', SERVICE_MANIFEST, 'unknown-property'],
  ] as const) {
    it(`${name}: a rule turned off between two versions stays off on unchanged lines`, () => {
      const service = newService();
      const uri = `file:///edited/${++uriCounter}/${name}`;
      const v1 = TextDocument.create(uri, 'plaintext', 1, base);
      assert.ok(service.analyze(v1).some((p) => p.code === rule), `${rule} fires`);
      const off = { rules: { [rule]: 'off' as const } };
      service.configure(off);
      const v2 = TextDocument.update(v1, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# x\n' }], 2);
      const problems = service.analyze(v2);
      assert.ok(!problems.some((p) => p.code === rule), `${rule} came back after it was turned off`);
      assert.deepEqual(problems, newService(off).analyze(fresh(name, v2.getText())));
      // And back on: the findings return.
      service.configure({});
      const v3 = TextDocument.update(v2, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }], 3);
      assert.deepEqual(service.analyze(v3), newService().analyze(fresh(name, base)));
    });

    it(`${name}: a rule turned off applies to the version already open`, () => {
      const service = newService();
      const document = TextDocument.create(`file:///edited/${++uriCounter}/${name}`, 'plaintext', 1, base);
      assert.ok(service.analyze(document).some((p) => p.code === rule));
      service.configure({ rules: { [rule]: 'off' } });
      assert.ok(!service.analyze(document).some((p) => p.code === rule), `${rule} still reported for the same version`);
    });
  }
});

// --- 5. validation in steps, as the server runs it ------------------------------------------------

describe('incremental: validation in steps', function () {
  this.timeout(60_000);
  const name = 'steps.comanage.yaml';
  const edited = (text: string) => applyEdit(text, { kind: 'insert', at: 0.5, text: 'x' });

  it('a request in the middle of a sliced validation gets the same version, and the result is unchanged', () => {
    const service = newService();
    const uri = `file:///sliced/${++uriCounter}/${name}`;
    const v1 = TextDocument.create(uri, 'plaintext', 1, SERVICE_MANIFEST);
    service.analyze(v1);
    const v2 = TextDocument.update(v1, [{ text: edited(SERVICE_MANIFEST) }], 2);
    const steps = service.validationSteps(v2);
    let paused = 0;
    for (let i = 0; i < 3; i++) if (!steps.next().done) paused++;
    assert.ok(paused > 0, 'the validation never paused');
    // What a hover or the readiness view does meanwhile: the same parse, finished now.
    assert.deepEqual(fast(() => service.analyze(v2)), reference(name, v2.getText()).problems);
    let result = steps.next();
    while (!result.done) result = steps.next();
    assert.deepEqual(result.value, service.doValidation(v2));
  });

  it('a validation dropped half way (a newer version came) leaves the next version right', () => {
    const service = newService();
    const uri = `file:///dropped/${++uriCounter}/${name}`;
    const v1 = TextDocument.create(uri, 'plaintext', 1, SERVICE_MANIFEST);
    service.analyze(v1);
    const v2 = TextDocument.update(v1, [{ text: edited(SERVICE_MANIFEST) }], 2);
    const steps = service.validationSteps(v2);
    for (let i = 0; i < 5; i++) steps.next();
    const v3 = TextDocument.update(v2, [{ text: edited(v2.getText()) }], 3);
    assert.deepEqual(fast(() => service.analyze(v3)), reference(name, v3.getText()).problems);
  });
});

// --- 6. scripts: the host's statements and each invocation's parse and findings, kept -------------

describe('incremental: scripts', function () {
  this.timeout(120_000);
  const PS = smallScript('powershell', 40);
  const BAT = smallScript('batch', 28);

  /** Edits that matter to a script: quotes, escapes, brackets, here-strings, assignments, invocations. */
  const scriptEdit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(
      fc.constantFrom(' ', '"', "'", '`', '^', '%', '$', '(', ')', '{', '}', '@"\n', '\n"@\n', '<#', '#>', '\n', 'x', '`\n', '^\n', '#', '::', 'REM '),
      fc.string({ unit: fc.constantFrom(' ', '"', "'", '`', '$', '(', ')', '\n', 'x', '%', '^', '@'), minLength: 1, maxLength: 5 }),
    ) }),
    fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('duplicateLine' as const), at: position }),
    fc.record({ kind: fc.constant('copyLine' as const), at: position, from: position }),
    fc.record({ kind: fc.constant('insertLine' as const), at: position, text: fc.constantFrom(
      "$SiteCode = 'XYZW'", "$CcmsetupPath = 'C:\\setup.exe'", '& ccmsetup.exe /mp:new.contoso.com SMSSITECODE=$SiteCode',
      'set "SITE=A B"', 'set "CCMSETUP=C:\\setup.exe"', 'ccmsetup.exe /mp:new.contoso.com SMSSITECODE=%SITE%',
      '# comanage-disable-next-line', 'REM comanage-disable-next-line', '', '$x = @(', ')', '(') }),
  );

  for (const [name, base] of [['edited.ps1', PS], ['edited.cmd', BAT], ['crlf.ps1', PS.replace(/\n/g, '\r\n')]] as const) {
    const ps = name.endsWith('.ps1');

    it(`${name}: has invocations with findings to keep`, () => {
      const found = reference(name, base).problems;
      assert.ok(found.length >= 5, `${found.length} findings`);
    });

    it(`${name}: shifting everything (insert, then delete, at the start) keeps the problems right`, () => {
      checkVersions(newService(), name, [base, `x\n${base}`, base, ` ${base}`, base, `${ps ? '# c' : 'REM c'}\n\n${base}`], 'shift');
    });

    it(`${name}: a changed variable re-checks the invocations that use it, and only changes what it should`, () => {
      const assignment = ps ? "$SiteCode = 'ABC'" : 'set "SITE=ABC"';
      const program = ps ? "$CcmsetupPath = 'C:\\Windows\\ccmsetup\\ccmsetup.exe'" : 'set "CCMSETUP=C:\\Windows\\ccmsetup\\ccmsetup.exe"';
      assert.ok(base.includes(assignment) && base.includes(program));
      const changes = [
        // Invalid site codes, reported on the assignment: first one of the same length (the same
        // characters and offsets in the script at every invocation), then a longer one.
        (t: string) => t.replace(assignment, assignment.replace('ABC', 'A-C')),
        (t: string) => t.replace(assignment.replace('ABC', 'A-C'), assignment.replace('ABC', 'ABCD')),
        (t: string) => t.replace(assignment.replace('ABC', 'ABCD'), assignment.replace('ABC', 'XYZ')),
        (t: string) => t.replace(program, program.replace('ccmsetup.exe', 'setup.exe')), // the invocations through it are gone
        (t: string) => t.replace(program.replace('ccmsetup.exe', 'setup.exe'), program), // and back
        (t: string) => t.replace(assignment.replace('ABC', 'XYZ'), ''), // the variable is no longer a constant
      ];
      const texts = changes.reduce((list, change) => [...list, change(list[list.length - 1])], [base]);
      // Each change matters to a fresh check, or this test would prove nothing.
      texts.slice(1).forEach((text, n) => assert.notDeepEqual(
        reference(name, text).problems.map((p) => [p.code, p.span.start, p.message]), reference(name, texts[n]).problems.map((p) => [p.code, p.span.start, p.message]), `change ${n + 1} changes nothing`));
      checkVersions(newService(), name, texts, 'variables');
    });

    it(`${name}: invocations created, made identical, and destroyed`, () => {
      const lines = base.split('\n');
      const at = lines.findIndex((l, n) => n > lines.length / 2 && /\/mp:mp\d+\.contoso\.com/.test(l) && !/^\s/.test(l));
      assert.ok(at > 0);
      const added = [...lines.slice(0, at), lines[at].replace(/mp\d+\.contoso/, 'mpnew.contoso'), ...lines.slice(at)];
      const twice = [...lines.slice(0, at), lines[at], ...lines.slice(at)];
      const gone = lines.filter((l) => !/\/mp:mp1\d\.contoso\.com/.test(l));
      checkVersions(newService(), name, [base, added.join('\n'), twice.join('\n'), base, gone.join('\n'), base], 'create/destroy');
    });

    it(`${name}: an edit on the line under a suppression comment keeps the comment in force`, () => {
      const lines = base.split('\n');
      // The comment above invocation 17, which has typos.
      const at = lines.findIndex((l, n) => n > 0 && /comanage-disable-next-line unknown-property/.test(lines[n - 1]) && lines.slice(n - 4, n + 1).some((k) => k.includes('mp17.')));
      assert.ok(at > 0, 'a suppressed invocation with a typo');
      const edited = [...lines];
      edited[at] = `${lines[at]} `;
      const moved = [...edited];
      moved.splice(at - 1, 0, ps ? '$x = 1' : 'set X=1');
      assert.notDeepEqual(reference(name, base).problems.filter((p) => p.code === 'unknown-property').length,
        reference(name, base.replace(/^.*comanage-disable-next-line unknown-property.*\r?\n/gm, '')).problems.filter((p) => p.code === 'unknown-property').length, 'the comment suppresses nothing');
      checkVersions(newService(), name, [base, edited.join('\n'), base, moved.join('\n'), edited.join('\n')], 'directive');
    });

    it(`${name}: random edits to one service give what a new service gives`, () => {
      fc.assert(fc.property(fc.array(scriptEdit, { minLength: 1, maxLength: 5 }), (edits) => {
        checkVersions(newService(), name, versions(base, edits));
      }), { seed: SEED + 2, numRuns: 40, includeErrorInReport: true });
    });
  }

  it('variables defined through each other (their values depend on which is asked for first) give what a new service gives', () => {
    const base = [
      '$A = "A$B"', '$B = "B$A"', "$C = 'ABC'",
      '& ccmsetup.exe "/mp:$B" /BITSPriority:HIGH', 'Write-Output ok', '& ccmsetup.exe /mp:x SMSSITECODE=$A', '& ccmsetup.exe "/mp:x" "SMSSITECODE=$C$B"',
    ];
    // The invocation that asks for $A changes while the one before it, which asks for $B, is kept.
    const texts = [base, [...base.slice(0, 5), `${base[5]} /NoService`, base[6]], base, [...base.slice(0, 3), base[5], base[4], base[3], base[6]], [...base.slice(0, 4), 'Write-Output changed', ...base.slice(5)],
      [...base.slice(0, 3), "$C = 'XYZ'", ...base.slice(3)], [...base.slice(0, 6)], base].map((lines) => `${lines.join('\n')}\n`);
    checkVersions(newService(), 'cycle.ps1', texts, 'cycle');
    checkVersions(newService(), 'cycle.ps1', [...texts].reverse(), 'cycle reversed');
  });

  it('a script edited inside one invocation parses and checks only that invocation again', () => {
    const service = newService();
    const uri = `file:///edited/${++uriCounter}/reuse.ps1`;
    const v1 = TextDocument.create(uri, 'plaintext', 1, PS);
    let before = workCounted();
    service.analyze(v1);
    const open = workCounted() - before;
    const at = PS.indexOf('/mp:mp21.contoso.com') + 6;
    const v2 = TextDocument.update(v1, [{ range: { start: v1.positionAt(at), end: v1.positionAt(at + 1) }, text: '7' }], 2);
    before = workCounted();
    const problems = service.analyze(v2);
    const edit = workCounted() - before;
    assert.deepEqual(problems, reference('reuse.ps1', v2.getText()).problems);
    // Before, every invocation was parsed and checked again (and the host's scan went uncounted).
    assert.ok(edit * 4 < open, `an edit did ${edit} units, the first analysis ${open}`);
  });

  it('a script validation dropped half way (a newer version came) leaves every later version right', () => {
    const big = smallScript('powershell', 400);
    const name = 'dropped.ps1';
    for (const stepsTaken of [1, 2, 3, 5, 8, 13, 21, 34]) {
      const service = newService();
      const uri = `file:///dropped/${++uriCounter}/${name}`;
      const v1 = TextDocument.create(uri, 'plaintext', 1, big);
      service.analyze(v1);
      const v2 = TextDocument.update(v1, [{ text: applyEdit(big, { kind: 'insert', at: 0.3, text: '\n$x = 1\n' }) }], 2);
      const steps = service.validationSteps(v2);
      for (let i = 0; i < stepsTaken; i++) steps.next();
      const v3 = TextDocument.update(v2, [{ text: applyEdit(v2.getText(), { kind: 'delete', at: 0.6, length: 30 }) }], 3);
      assert.deepEqual(service.analyze(v3), reference(name, v3.getText()).problems, `dropped after ${stepsTaken} steps`);
      const v4 = TextDocument.update(v3, [{ text: big }], 4);
      assert.deepEqual(service.analyze(v4), reference(name, big).problems, `the version after, dropped after ${stepsTaken} steps`);
    }
  });
  it('a splatting hashtable, a typed assignment or a -join list that changes re-checks the invocation using it', () => {
    const base = [
      "[string]$SiteCode = 'ABC'",
      "$setup = @{ FilePath = 'ccmsetup.exe'; ArgumentList = '/mp:cm01 SMSSITECODE=ABC' }",
      "$list = @('/mp:cm02', \"SMSSITECODE=$SiteCode\") -join ' '",
      'Write-Host "filler"',
      'Start-Process @setup -Wait',
      'Start-Process ccmsetup.exe -ArgumentList $list',
    ].join('\n');
    const versions = [
      base,
      base.replace("ArgumentList = '/mp:cm01 SMSSITECODE=ABC'", "ArgumentList = '/mp=cm01 SMSSITECODE=ABCD'"),
      base.replace("[string]$SiteCode = 'ABC'", "[string]$SiteCode = 'ABCDE'"),
      base.replace("-join ' '", "-join ','"),
      base,
    ];
    // Each change changes what a fresh analysis reports, so a stale reuse would show.
    for (let n = 1; n < versions.length - 1; n++) {
      assert.notDeepEqual(reference('splat.ps1', versions[n]).problems, reference('splat.ps1', base).problems, `version ${n + 1} changes the findings`);
    }
    checkVersions(newService(), 'splat.ps1', versions, 'splat');
  });
});
