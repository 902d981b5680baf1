// Graph exports as a host for command lines (issue #15, item 3): a `.json` file holding a
// co-management settings policy (alone, in a list response, a bare array, or one file of a folder
// export) gets its configurationManagerAgentCommandLineArgument checked as Intune's field, on the
// exact characters inside the JSON string (escapes decoded with an offset map), with hover,
// completion and quick fixes escaped for JSON; plus the export's own checks. Other JSON is untouched.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseTree } from 'jsonc-parser';
import { getLanguageService } from '../server/src/core/languageService';
import { LanguageSettings, Problem, documentKindOf } from '../server/src/core/languageTypes';
import { decodeJsonString, escapeJsonString, jsonHost, scanJson } from '../server/src/core/hosts/json';
import { JSON_RULES } from '../server/src/core/hosts/jsonRules';
import { INTUNE_COMMAND_LINE_LIMIT } from '../server/src/core/ccmsetup/rules/context';

const FIXTURES = path.resolve(__dirname, 'fixtures', 'graph-host');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

let n = 0;
const json = (text: string, name = 'export.json') => TextDocument.create(`file:///tmp/graph/${++n}/${encodeURIComponent(name)}`, 'json', 1, text);
const analyze = (text: string, settings: LanguageSettings = {}): Problem[] => getLanguageService({ settings }).analyze(json(text));
/** Each finding as `code@covered text`. */
const found = (text: string, settings?: LanguageSettings) => analyze(text, settings).map((p) => `${p.code}@${text.slice(p.span.start, p.span.end)}`);
const applyFix = (text: string, fix: NonNullable<Problem['fixes']>[number]): string => {
  let out = text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
};
const firstFix = (text: string, code: string) => {
  const problem = analyze(text).find((p) => p.code === code);
  const fix = problem?.fixes?.[0];
  if (!fix) throw new Error(`no fix for ${code}: ${JSON.stringify(analyze(text).map((p) => p.code))}`);
  return fix;
};

const TYPE = '#microsoft.graph.deviceComanagementAuthorityConfiguration';
const HOST = 'CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500';
/** One policy object as JSON text; `line` is the command line's JSON source (already escaped). */
const policy = (line: string | null, extra = '"installConfigurationManagerAgent": true,', type = TYPE) =>
  `{\n  "@odata.type": "${type}",\n  "displayName": "Co-management settings",\n  ${extra}\n  "configurationManagerAgentCommandLineArgument": ${line === null ? 'null' : `"${line}"`}\n}\n`;
const lineOf = (text: string) => JSON.parse(text).configurationManagerAgentCommandLineArgument as string;

describe('JSON exports: decoding strings with an offset map', () => {
  it('decodes \\" \\\\ \\/ \\n and \\uXXXX, each character pointing at its escape', () => {
    const text = '"a\\"b\\\\c\\/d\\u00e9\\n"';
    const node = parseTree(text)!;
    const decoded = decodeJsonString(text, node);
    assert.equal(decoded.text, 'a"b\\c/d\u00e9\n');
    assert.equal(decoded.text, JSON.parse(text));
    assert.deepEqual(decoded.offsets, [1, 2, 4, 5, 7, 8, 10, 11, 17]);
    assert.deepEqual([...decoded.escapes], [[2, 4], [5, 7], [8, 10], [11, 17], [17, 19]]);
    assert.deepEqual(decoded.content, { start: 1, end: 19 });
  });

  it('keeps a surrogate pair written as two \\u escapes as two characters', () => {
    const text = '"x\\ud83d\\ude00y"';
    const decoded = decodeJsonString(text, parseTree(text)!);
    assert.equal(decoded.text, 'x\u{1F600}y');
    assert.deepEqual(decoded.offsets, [1, 2, 8, 14]);
  });

  it('decodes any string as JSON.parse does, and escapeJsonString round-trips', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string(), (a, b) => {
      const value = a + b;
      const literal = JSON.stringify(value);
      assert.equal(decodeJsonString(literal, parseTree(literal)!).text, value);
      assert.equal(JSON.parse(`"${escapeJsonString(value)}"`), value);
    }), { numRuns: 100 });
  });
});

describe('JSON exports: which files are read', () => {
  it('is the JSON host for .json files, whatever the editor calls them', () => {
    assert.equal(documentKindOf('file:///x/Co-management%20settings.json'), 'json');
    assert.equal(documentKindOf('file:///x/EXPORT.JSON', 'jsonc'), 'json');
  });

  it('leaves JSON alone that names no Graph type comanage reads, even with a command line in it', () => {
    assert.deepEqual(found(fixture('not-an-export.json')), []);
    assert.deepEqual(found(fixture('other-graph-type.json')), []);
    assert.equal(jsonHost.mentions!(fixture('not-an-export.json')), false);
    // package.json-like, tsconfig-like, broken JSON that isn't an export: nothing, not even a syntax error.
    assert.deepEqual(found('{ "name": "x", // comment\n "ccmsetup": "SMSSITECODE:ABC", }'), []);
    assert.deepEqual(found('{ "@odata.type": "#microsoft.graph.windows10CompliancePolicy", "x": '), []);
  });

  it('reads nothing from a recognised type that carries no command line (ESP, enrollment limit)', () => {
    assert.deepEqual(found(fixture('folder-export/deviceEnrollmentConfigurations/Enrollment limit.json')), []);
  });

  it('is checked when scripts are switched off: a Graph export is not a script', () => {
    const text = policy('SMSSITECODE:ABC');
    assert.ok(found(text, { scripts: { enabled: false } }).includes('property-uses-colon@:'));
  });
});

describe('JSON exports: the command line of each policy, in every shape', () => {
  it('a single object (Graph Explorer GET): the finding is on the exact character inside the escaped wrapper', () => {
    const text = fixture('policy-single.json');
    const problems = analyze(text);
    assert.deepEqual(problems.map((p) => p.code), ['property-uses-colon']);
    const at = text.indexOf('SMSSITECODE:') + 'SMSSITECODE'.length;
    assert.deepEqual(problems[0].span, { start: at, end: at + 1 });
    const fixed = applyFix(text, problems[0].fixes![0]);
    assert.equal(lineOf(fixed), lineOf(text).replace('SMSSITECODE:', 'SMSSITECODE='));
    assert.deepEqual(found(fixed), []);
  });

  it('a list response: each policy checked, the ESP left alone, an empty line on an installing policy reported', () => {
    const text = fixture('policies-list.json');
    assert.deepEqual(found(text), ['graph-export-agent-without-command-line@""']);
    const problem = analyze(text)[0];
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /installConfigurationManagerAgent is true/);
    assert.equal(text.slice(problem.related![0].span.start, problem.related![0].span.end), 'true');
    const scan = scanJson(text);
    assert.equal(scan.policies.length, 2);
    assert.equal(scan.lines.length, 1);
    assert.equal(scan.lines[0].context, 'intune');
  });

  it('one file of a folder export (ConvertTo-Json style, no # prefix): \\u0025 decoded and the finding covers the whole escape', () => {
    const text = fixture('folder-export/deviceEnrollmentConfigurations/Co-management settings - servers.json');
    assert.deepEqual(found(text), ['invalid-value@10\\u0025']);
  });

  it('a bare array of objects, and a type written without any prefix', () => {
    const one = policy(`${HOST} SMSSITECODE:ABC`, '"installConfigurationManagerAgent": true,', 'deviceComanagementAuthorityConfiguration');
    const text = `[${one}, ${policy(`CCMSETUPCMD=\\"${HOST} SMSSITECODE=ABC\\"`)}]`;
    assert.deepEqual(found(text), ['property-uses-colon@:']);
  });

  it('checks nothing inside nested lists or objects of another type', () => {
    const text = `{"value": [[${policy('SMSSITECODE:ABC')}]], "@odata.type": "x"}`;
    assert.deepEqual(found(`{"nested": ${policy('SMSSITECODE:ABC')}}`), []);
    assert.deepEqual(found(text), []);
  });

  it('checks the line as Intune\'s field: the Intune context rules apply', () => {
    assert.ok(found(policy('SMSSITECODE=ABC')).includes('missing-required-for-intune@SMSSITECODE=ABC'));
  });

  it('a BOM the editor kept changes nothing', () => {
    const text = fixture('policy-single.json');
    const problems = analyze(`\uFEFF${text}`);
    assert.deepEqual(problems.map((p) => [p.code, p.span.start]), [['property-uses-colon', text.indexOf('SMSSITECODE:') + 12]]);
  });
});

describe('JSON exports: malformed JSON', () => {
  it('is one finding with its position, never a crash, and no other finding', () => {
    const text = fixture('malformed.json');
    const problems = analyze(text);
    assert.deepEqual(problems.map((p) => p.code), ['graph-export-json-syntax']);
    assert.match(problems[0].message, /a comma was expected between the entries, at line 4, column 3/);
    assert.equal(text.slice(problems[0].span.start, problems[0].span.end), '"installConfigurationManagerAgent"');
  });

  it('reports comments, trailing commas, raw line breaks in strings and unclosed strings', () => {
    for (const [text, what] of [
      [`${policy('SMSSITECODE=ABC').slice(0, -3)},\n}`, /a property name/],
      [`// export\n${policy('SMSSITECODE=ABC')}`, /a comment/],
      [policy('SMSSITECODE=ABC\nCCMHOSTNAME=x'), /line break/],
      [`{"@odata.type": "${TYPE}", "configurationManagerAgentCommandLineArgument": "SMSSITECODE=ABC`, /closing quote/],
    ] as const) {
      const problems = analyze(text);
      assert.deepEqual(problems.map((p) => p.code), ['graph-export-json-syntax'], text);
      assert.match(problems[0].message, what);
    }
  });

  it('survives nesting deep enough to overflow a recursive parser', () => {
    const text = `{"@odata.type": "${TYPE}", "x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const problems = analyze(text);
    assert.ok(problems.length <= 1, JSON.stringify(problems.map((p) => p.code)));
    for (const p of problems) assert.equal(p.code, 'graph-export-json-syntax');
  });

  it('runs every JSON host rule\'s fixtures: each fail raises it, no pass does', () => {
    for (const rule of JSON_RULES) {
      for (const text of rule.examples.fail) assert.ok(analyze(text).some((p) => p.code === rule.id), `${rule.id} should fail:\n${text}`);
      for (const text of rule.examples.pass) assert.ok(!analyze(text).some((p) => p.code === rule.id), `${rule.id} should pass:\n${text}\n${JSON.stringify(analyze(text))}`);
    }
  });
});

describe('JSON exports: the policy\'s own checks', () => {
  it('an installing policy with an empty or null command line is reported; absent is unknown, not empty', () => {
    assert.deepEqual(found(policy('')), ['graph-export-agent-without-command-line@""']);
    assert.deepEqual(found(policy('   ')), ['graph-export-agent-without-command-line@"   "']);
    assert.deepEqual(found(policy(null)), ['graph-export-agent-without-command-line@null']);
    assert.deepEqual(found(policy('', '"installConfigurationManagerAgent": false,')), []);
    assert.deepEqual(found(policy('', '"description": "install flag not exported",')), []);
    const absent = `{"@odata.type": "${TYPE}", "installConfigurationManagerAgent": true}`;
    assert.deepEqual(found(absent), []);
  });

  it('the severity settings apply to it', () => {
    assert.deepEqual(found(policy(''), { rules: { 'graph-export-agent-without-command-line': 'off' } }), []);
    assert.equal(analyze(policy(''), { rules: { 'graph-export-agent-without-command-line': 'warning' } })[0].severity, 'warning');
  });

  it('the Intune length limit counts the decoded characters, not the escapes', () => {
    const base = `CCMSETUPCMD=\\"${HOST} SMSSITECODE=ABC CCMADMINS=`;
    const decodedBase = JSON.parse(`"${base}"`) as string;
    // Escaped quotes make the source longer than the limit while the decoded line is within it.
    const quotedAdmins = (count: number) => Array.from({ length: count }, () => '\\"a\\"').join(';');
    const within = `${base}${quotedAdmins(Math.floor((INTUNE_COMMAND_LINE_LIMIT - decodedBase.length - 2) / 4))}\\"`;
    const withinText = policy(within);
    assert.ok(within.length > INTUNE_COMMAND_LINE_LIMIT && lineOf(withinText).length <= INTUNE_COMMAND_LINE_LIMIT, `${within.length} / ${lineOf(withinText).length}`);
    assert.ok(!found(withinText).some((f) => f.startsWith('intune-length-limit')), JSON.stringify(found(withinText)));

    const over = `${base}${'contoso\\\\admin;'.repeat(70)}contoso\\\\last\\"`;
    const overText = policy(over);
    const decoded = lineOf(overText);
    assert.ok(decoded.length > INTUNE_COMMAND_LINE_LIMIT);
    const problem = analyze(overText).find((p) => p.code === 'intune-length-limit');
    assert.ok(problem, JSON.stringify(found(overText)));
    assert.match(problem.message, new RegExp(`is ${decoded.length} characters long.*Remove ${decoded.length - INTUNE_COMMAND_LINE_LIMIT} characters`));
    // It starts at the first character past the limit, in the source.
    const covered = overText.slice(problem.span.start, problem.span.end);
    assert.equal(JSON.parse(`"${covered}"`), decoded.slice(INTUNE_COMMAND_LINE_LIMIT));
  });
});

describe('JSON exports: exact ranges, hover, completion and quick fixes', () => {
  it('a finding on an escaped character covers the whole escape', () => {
    const text = policy(`${HOST} SMSSITECODE=ABC FSP=\\u201Cfsp01\\u201D`);
    const covered = found(text).filter((f) => f.startsWith('typographic-character'));
    assert.deepEqual(covered, ['typographic-character@\\u201C', 'typographic-character@\\u201D']);
  });

  it('a quick fix that brings a quote is escaped for JSON, and the file stays valid', () => {
    const text = policy(`${HOST} SMSSITECODE=ABC FSP=\u201Cfsp 01\u201D`);
    const fix = firstFix(text, 'typographic-character');
    assert.equal(fix.edits[0].newText, '\\"');
    const fixed = applyFix(text, fix);
    assert.equal(lineOf(fixed), `${HOST} SMSSITECODE=ABC FSP="fsp 01\u201D`);
  });

  it('a quick fix that moves an entry copies what ccmsetup receives and escapes it once', () => {
    const text = policy(`CCMSETUPCMD=\\"${HOST} SMSSITECODE=ABC /nocrlcheck\\"`);
    const fixed = applyFix(text, firstFix(text, 'parameter-after-property'));
    assert.equal(lineOf(fixed), `CCMSETUPCMD="/nocrlcheck ${HOST} SMSSITECODE=ABC"`);
  });

  it('the host refuses an edit outside the string or inside an escape', () => {
    const text = policy('SMSSITECODE=\\"ABC\\"');
    const line = scanJson(text).lines[0];
    const escape = text.indexOf('\\"');
    assert.equal(line.encode('x', escape + 1), undefined);
    assert.equal(line.encode('x', escape, escape + 1), undefined);
    assert.equal(line.encode('a"b\\', escape, escape + 2), 'a\\"b\\\\');
    assert.equal(line.encode('x', text.indexOf('"displayName"')), undefined);
    assert.deepEqual(line.widen!({ start: escape, end: escape + 1 }), { start: escape, end: escape + 2 });
  });

  it('hovers inside the command line only', () => {
    const text = fixture('policy-single.json');
    const doc = json(text);
    const service = getLanguageService();
    const hover = service.doHover(doc, doc.positionAt(text.indexOf('SMSSITECODE') + 3));
    assert.match(JSON.stringify(hover?.contents), /SMSSITECODE/);
    assert.equal(service.doHover(doc, doc.positionAt(text.indexOf('displayName') + 2)), null);
    assert.equal(service.doHover(doc, doc.positionAt(text.indexOf('configurationManagerAgentCommandLineArgument') + 3)), null);
  });

  it('completes inside the command line, the text escaped for JSON', () => {
    const text = policy(`${HOST} SMSSI`);
    const doc = json(text);
    const service = getLanguageService();
    const end = text.indexOf('SMSSI') + 5;
    const list = service.doComplete(doc, doc.positionAt(end));
    const site = list.items.find((i) => i.label === 'SMSSITECODE');
    assert.ok(site?.textEdit && 'range' in site.textEdit, `no SMSSITECODE among ${list.items.length}`);
    assert.deepEqual(site.textEdit.range, { start: doc.positionAt(end - 5), end: doc.positionAt(end) });
    const at = text.indexOf(HOST) + HOST.length + 1;
    const cmd = service.doComplete(json(text.slice(0, at) + text.slice(end)), doc.positionAt(at)).items.find((i) => i.label === 'CCMSETUPCMD');
    // A snippet: its backslashes are escaped once more for snippet syntax (the editor inserts CCMSETUPCMD=\"…\").
    assert.equal(cmd?.textEdit?.newText, 'CCMSETUPCMD=\\\\"$1\\\\"');
    assert.deepEqual(service.doComplete(doc, doc.positionAt(text.indexOf('displayName'))).items, []);
  });

  it('a generated line inserted at the cursor keeps CCMSETUPCMD and is escaped for JSON', () => {
    const text = policy('');
    const doc = json(text);
    const point = getLanguageService().insertionPoint(doc, doc.positionAt(text.lastIndexOf('""') + 1), `CCMSETUPCMD="${HOST} SMSSITECODE=ABC"`);
    // An empty string holds no command line: the generator's line goes in through the editor, not here.
    assert.ok(point.refused);
    const filled = policy('SMSSITECODE=ABC');
    const filledDoc = json(filled);
    const inserted = getLanguageService().insertionPoint(filledDoc, filledDoc.positionAt(filled.indexOf('SMSSITECODE')), `CCMSETUPCMD="${HOST}"`);
    assert.equal(inserted.text, `CCMSETUPCMD=\\"${HOST}\\"`);
  });
});

describe('JSON exports: any line, any escaping', () => {
  const piece = fc.constantFrom('SMSSITECODE=', 'ABC', 'ABCD', ' ', '  ', '/mp:', '/mp=', 'CCMSETUPCMD="', '"', '\\', '\u201C', '\u201D', '\u00a0',
    'FSP=', '/nocrlcheck', 'CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1', ':', 'SMSMP=https://mp01', '\t', 'é', '%', 'SMSCACHESIZE=10');
  /** Each character written plainly or as a \uXXXX escape, as the flag says. */
  const written = (line: string, escaped: boolean[]) => [...line].map((ch, i) => (escaped[i % escaped.length] ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : escapeJsonString(ch))).join('');

  it('keeps every finding inside the string, and every fix leaves valid JSON with the fixed line', () => {
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (pieces, escaped) => {
      const line = pieces.join('');
      if (line.trim() === '') return;
      const source = written(line, escaped);
      const text = policy(source);
      assert.equal(lineOf(text), line);
      const key = '"configurationManagerAgentCommandLineArgument": "';
      const start = text.indexOf(key) + key.length;
      for (const problem of analyze(text)) {
        assert.ok(problem.span.start >= start && problem.span.end <= start + source.length, `${problem.code} outside the string: ${JSON.stringify(text.slice(problem.span.start, problem.span.end))}`);
        for (const fix of problem.fixes ?? []) {
          const fixed = applyFix(text, fix);
          assert.equal(typeof lineOf(fixed), 'string', `${fix.title} broke the JSON:\n${fixed}`);
        }
      }
    }), { numRuns: 300 });
  });
});

describe('JSON exports: comanage\'s own policy export reads back', () => {
  const EXAMPLES = path.resolve(__dirname, '..', 'examples');
  it('each example manifest\'s exported policy, saved as JSON, is checked clean and holds the same line', () => {
    let checked = 0;
    for (const file of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.comanage.yaml'))) {
      const service = getLanguageService();
      const manifest = TextDocument.create(`file:///tmp/examples/${file}`, 'comanage-manifest', 1, fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
      const policies = service.getPolicies(manifest);
      for (let i = 0; i < policies.length; i++) {
        const { body } = service.exportPolicy(manifest, i);
        if (!body || typeof body.configurationManagerAgentCommandLineArgument !== 'string') continue;
        const text = `${JSON.stringify(body, null, 2)}\n`;
        assert.deepEqual(found(text), [], `${file} policy ${i + 1}`);
        assert.equal(scanJson(text).lines[0].source.text, body.configurationManagerAgentCommandLineArgument);
        checked++;
      }
    }
    assert.ok(checked >= 2, `only ${checked} exported policies had a command line`);
  });
});

describe('JSON exports: tokens', () => {
  const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOiJ0b3Atc2VjcmV0LXZhbHVlIn0.c2lnbmF0dXJlLXBhcnQtb25seQ';
  it('a /regtoken inside the JSON string is masked in every answer', () => {
    const text = policy(`CCMSETUPCMD=\\"${HOST} SMSSITECODE=ABCD /regtoken:${TOKEN}\\"`);
    const doc = json(text);
    const service = getLanguageService();
    const answers = [
      service.analyze(doc),
      service.doHover(doc, doc.positionAt(text.indexOf('/regtoken') + 3)),
      service.doHover(doc, doc.positionAt(text.indexOf(TOKEN) + 10)),
      service.doComplete(doc, doc.positionAt(text.indexOf(TOKEN) + 10)),
      service.getCodeActions(doc, { start: doc.positionAt(0), end: doc.positionAt(text.length) }),
    ];
    assert.ok((answers[0] as Problem[]).length > 0);
    const out = JSON.stringify(answers);
    for (let i = 0; i + 8 <= TOKEN.length; i += 4) assert.ok(!out.includes(TOKEN.slice(i, i + 8)), `token piece ${TOKEN.slice(i, i + 8)} in ${out.slice(0, 400)}`);
  });
});
