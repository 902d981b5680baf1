// Unit tests for the CLI's pieces that need no child process: the three output formats, config
// parsing and the file walk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseConfig } from '../server/src/cli/config';
import { collectFiles, displayPath, readSourceFile } from '../server/src/cli/files';
import { formatJson } from '../server/src/cli/format/json';
import { RuleInfo, SARIF_SCHEMA, buildSarif, toUriReference } from '../server/src/cli/format/sarif';
import { formatText, oneLine } from '../server/src/cli/format/text';
import type { FileResult } from '../server/src/cli/format/types';
import { UsageError } from '../server/src/cli/usageError';

function diag(line: number, character: number, endCharacter: number, severity: 1 | 2 | 3 | 4, code: string, message: string): Diagnostic {
  return {
    range: { start: { line, character }, end: { line, character: endCharacter } },
    severity, code, message, source: 'comanage',
  };
}

const RESULTS: FileResult[] = [
  { file: 'a/first.ccmsetup', diagnostics: [
    diag(0, 13, 23, 1, 'unknown-parameter', '/UsePKICrt is not a documented ccmsetup parameter.'),
    diag(2, 0, 4, 2, 'unknown-property', 'FOO is not documented.'),
  ] },
  { file: 'b/clean.ccmsetup', diagnostics: [] },
  { file: 'c/hints.ccmsetup', diagnostics: [diag(4, 2, 5, 3, 'some-info', 'Info.'), diag(5, 0, 1, 4, 'some-hint', 'Hint.')] },
];

const RULES: RuleInfo[] = [
  { id: 'unknown-parameter', severity: 'error', title: 'Unknown parameter', docUrl: 'https://example.test/params' },
  { id: 'unknown-property', severity: 'warning', title: 'Unknown property', docUrl: 'https://example.test/props' },
  { id: 'some-info', severity: 'information', title: 'Info rule', docUrl: 'https://example.test/info' },
  { id: 'some-hint', severity: 'hint', title: 'Hint rule', docUrl: 'https://example.test/hint' },
];

describe('cli text format', () => {
  it('prints path:line:col: severity code: message with 1-based positions, then a summary', () => {
    const lines = formatText(RESULTS, { color: false }).trimEnd().split('\n');
    assert.deepEqual(lines, [
      'a/first.ccmsetup:1:14: error unknown-parameter: /UsePKICrt is not a documented ccmsetup parameter.',
      'a/first.ccmsetup:3:1: warning unknown-property: FOO is not documented.',
      'c/hints.ccmsetup:5:3: information some-info: Info.',
      'c/hints.ccmsetup:6:1: hint some-hint: Hint.',
      '1 error, 1 warning in 3 files',
    ]);
  });

  it('pluralises the summary and handles no files', () => {
    assert.equal(formatText([], { color: false }), '0 errors, 0 warnings in 0 files\n');
    const two = [RESULTS[0], { file: 'x.ccmsetup', diagnostics: [diag(0, 0, 1, 1, 'e', 'm')] }];
    assert.match(formatText(two, { color: false }), /^2 errors, 1 warning in 2 files$/m);
  });

  it('uses ANSI colour only when asked', () => {
    assert.doesNotMatch(formatText(RESULTS, { color: false }), /\u001b/);
    const coloured = formatText(RESULTS, { color: true });
    assert.match(coloured, /\u001b\[31merror\u001b\[0m/);
    assert.match(coloured, /\u001b\[33mwarning\u001b\[0m/);
  });

  it('keeps each diagnostic on one line and strips control characters', () => {
    assert.equal(oneLine('a\nb\r\nc\td'), 'a b c d');
    assert.equal(oneLine('x\u001b[2Jy\u0007'), 'x\uFFFD[2Jy\uFFFD');
    const out = formatText([{ file: 'f.ccmsetup', diagnostics: [diag(0, 0, 1, 1, 'c', 'two\nlines \u001b[31m')] }], { color: false });
    assert.equal(out.split('\n').length, 3);
    assert.doesNotMatch(out, /\u001b/);
  });
});

describe('cli safe text (format/safeText.ts)', () => {
  const EVERY_BIDI = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';

  it('shows every bidi control as <U+XXXX> in text, in file names and messages', () => {
    assert.equal(oneLine(`a${EVERY_BIDI}b`), 'a<U+061C><U+200E><U+200F><U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069>b');
    const out = formatText([{ file: 'x\u202Etxt.ccmsetup', diagnostics: [diag(0, 0, 1, 1, 'c', 'name \u2067evil\u2069')] }], { color: false });
    assert.equal(out.split('\n')[0], 'x<U+202E>txt.ccmsetup:1:1: error c: name <U+2067>evil<U+2069>');
  });

  it('escapes every bidi control as \\u in JSON, which reads back unchanged', () => {
    const out = formatJson([{ file: `f${EVERY_BIDI}.ccmsetup`, diagnostics: [diag(0, 0, 1, 1, 'c', EVERY_BIDI)] }]);
    assert.doesNotMatch(out, /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
    assert.match(out, /\\u202e/);
    const parsed = JSON.parse(out);
    assert.equal(parsed[0].file, `f${EVERY_BIDI}.ccmsetup`);
    assert.equal(parsed[0].diagnostics[0].message, EVERY_BIDI);
  });
});

describe('cli json format', () => {
  it('keeps LSP ranges and numeric severities, and only the documented keys', () => {
    const parsed = JSON.parse(formatJson(RESULTS));
    assert.equal(parsed.length, 3);
    assert.deepEqual(parsed.map((r: { file: string }) => r.file), ['a/first.ccmsetup', 'b/clean.ccmsetup', 'c/hints.ccmsetup']);
    assert.deepEqual(parsed[1].diagnostics, []);
    assert.deepEqual(parsed[0].diagnostics[0], {
      range: { start: { line: 0, character: 13 }, end: { line: 0, character: 23 } },
      severity: 1,
      code: 'unknown-parameter',
      message: '/UsePKICrt is not a documented ccmsetup parameter.',
    });
    assert.deepEqual(parsed[2].diagnostics.map((d: { severity: number }) => d.severity), [3, 4]);
  });

  it('escapes DEL, C1 controls and line separators but still round-trips', () => {
    const message = 'a\u007fb\u009bc\u2028d\u0000e';
    const out = formatJson([{ file: 'f.ccmsetup', diagnostics: [diag(0, 0, 1, 1, 'c', message)] }]);
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    assert.match(out, /a\\u007fb\\u009bc\\u2028d\\u0000e/);
    assert.equal(JSON.parse(out)[0].diagnostics[0].message, message);
  });
});

describe('cli sarif format', () => {
  const tool = { name: 'comanage', version: '9.8.7', informationUri: 'https://example.test/tool', rules: RULES };

  it('describes the tool and every rule', () => {
    const log = buildSarif([], tool);
    assert.equal(log.$schema, SARIF_SCHEMA);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'comanage');
    assert.equal(driver.version, '9.8.7');
    assert.equal(driver.informationUri, 'https://example.test/tool');
    assert.deepEqual(driver.rules?.map((r) => [r.id, r.shortDescription?.text, r.helpUri, r.defaultConfiguration?.level]), [
      ['unknown-parameter', 'Unknown parameter', 'https://example.test/params', 'error'],
      ['unknown-property', 'Unknown property', 'https://example.test/props', 'warning'],
      ['some-info', 'Info rule', 'https://example.test/info', 'note'],
      ['some-hint', 'Hint rule', 'https://example.test/hint', 'note'],
    ]);
    assert.deepEqual(log.runs[0].results, []);
  });

  it('turns diagnostics into results with 1-based regions and rule indexes', () => {
    const results = buildSarif(RESULTS, tool).runs[0].results ?? [];
    assert.equal(results.length, 4);
    const [first, second, third, fourth] = results;
    assert.equal(first.ruleId, 'unknown-parameter');
    assert.equal(first.ruleIndex, 0);
    assert.equal(first.level, 'error');
    assert.equal(first.message.text, '/UsePKICrt is not a documented ccmsetup parameter.');
    assert.deepEqual(first.locations?.[0].physicalLocation?.artifactLocation?.uri, 'a/first.ccmsetup');
    assert.deepEqual(first.locations?.[0].physicalLocation?.region, { startLine: 1, startColumn: 14, endLine: 1, endColumn: 24 });
    assert.equal(second.level, 'warning');
    assert.equal(second.ruleIndex, 1);
    assert.equal(third.level, 'note');
    assert.equal(fourth.level, 'note');
    assert.equal(fourth.ruleIndex, 3);
  });

  it('leaves out the rule index for a code the registry does not know', () => {
    const log = buildSarif([{ file: 'x.ccmsetup', diagnostics: [diag(0, 0, 1, 2, 'not-registered', 'm')] }], tool);
    const result = log.runs[0].results?.[0];
    assert.equal(result?.ruleId, 'not-registered');
    assert.equal(result?.ruleIndex, undefined);
  });

  it('percent-encodes path segments but keeps slashes', () => {
    assert.equal(toUriReference('my folder/a#b.ccmsetup'), 'my%20folder/a%23b.ccmsetup');
    assert.equal(toUriReference('../up/x.ccmsetup'), '../up/x.ccmsetup');
  });
});

describe('cli config parsing', () => {
  const known = ['unknown-parameter', 'unknown-property'];

  it('accepts every severity setting and passes rules through', () => {
    const { settings, warnings } = parseConfig('{ "rules": { "unknown-parameter": "off", "unknown-property": "hint" } }', 'c.json', known);
    assert.deepEqual(settings, { rules: { 'unknown-parameter': 'off', 'unknown-property': 'hint' } });
    assert.deepEqual(warnings, []);
    for (const s of ['error', 'warning', 'information', 'hint', 'off']) {
      assert.equal(parseConfig(`{"rules":{"unknown-parameter":"${s}"}}`, 'c.json', known).settings.rules?.['unknown-parameter'], s);
    }
  });

  it('rejects bad JSON without quoting the file', () => {
    assert.throws(() => parseConfig('{ "rules": { "x": sekret } }', 'c.json', known), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /c\.json.*not valid JSON/);
      assert.doesNotMatch(error.message, /sekret/);
      return true;
    });
  });

  it('rejects an unknown severity and a non-object', () => {
    assert.throws(() => parseConfig('{"rules":{"unknown-parameter":"fatal"}}', 'c.json', known), /unknown-parameter.*"fatal".*error, warning, information, hint, off/);
    assert.throws(() => parseConfig('{"rules":{"unknown-parameter":2}}', 'c.json', known), UsageError);
    assert.throws(() => parseConfig('[]', 'c.json', known), UsageError);
    assert.throws(() => parseConfig('{"rules":[]}', 'c.json', known), UsageError);
  });

  it('only warns about unknown rule ids, with a suggestion when one is close', () => {
    const { warnings } = parseConfig('{"rules":{"unknown-paramter":"off","zzz":"warning"}}', 'c.json', known);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0], /unknown rule 'unknown-paramter'.*did you mean 'unknown-parameter'/);
    assert.match(warnings[1], /unknown rule 'zzz'/);
  });
});

describe('cli file walk', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-files-'));
    const put = (rel: string, text = '# x\n') => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    put('b.ccmsetup');
    put('a/deep/c.CCMSETUP');
    put('a/plan.comanage.yaml');
    put('a/plan.comanage.yml');
    put('a/notes.txt');
    put('a/plan.yaml');
    put('node_modules/dep/x.ccmsetup');
    put('.hidden/y.ccmsetup');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds supported files recursively, skipping node_modules and dot-folders, sorted', () => {
    const found = collectFiles(['.'], root).map((f) => displayPath(f.absolute, root));
    assert.deepEqual(found, ['a/deep/c.CCMSETUP', 'a/plan.comanage.yaml', 'a/plan.comanage.yml', 'b.ccmsetup']);
  });

  it('checks a file once even when named twice', () => {
    assert.equal(collectFiles(['b.ccmsetup', '.', './b.ccmsetup'], root).length, 4);
  });

  it('rejects missing paths and explicit files of other types', () => {
    assert.throws(() => collectFiles(['missing.ccmsetup'], root), /cannot read 'missing\.ccmsetup': no such file/);
    assert.throws(() => collectFiles(['a/notes.txt'], root), /\.ccmsetup.*\.comanage\.yaml.*\.comanage\.yml/);
  });

  it('reads damaged UTF-8 without failing, drops the byte-order mark and says where it is damaged', () => {
    const file = path.join(root, 'junk.ccmsetup');
    fs.writeFileSync(file, Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0xfe, 0x00, 0x42]));
    const read = readSourceFile(file);
    assert.ok('decoded' in read);
    assert.equal(read.decoded.text, 'A\uFFFD\uFFFD\u0000B');
    assert.equal(read.decoded.problem?.code, 'damaged-text');
    assert.deepEqual(read.decoded.problem?.span, { start: 1, end: 2 });
  });
});
