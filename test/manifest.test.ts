// Workload manifests through the core facade: parsing, embedded command lines, services, readiness.
import * as assert from 'node:assert/strict';
import { getLanguageService } from '../server/src/core/languageService';
import { applyFix, doc, problems, withCursor } from './helpers/core';

const NAME = 'plan.comanage.yaml';
const service = getLanguageService();

function found(text: string, code: string): string[] {
  return problems(text, {}, NAME).filter((p) => p.code === code).map((p) => text.slice(p.span.start, p.span.end));
}

const policy = (commandLine: string) => `version: 1\ncomanagement:\n  policies:\n    - name: Default\n      commandLine: ${commandLine}\n`;

describe('manifests', () => {
  describe('command lines inside the YAML', () => {
    const cases: [string, string][] = [
      ['plain', policy('CCMSETUPCMD="CCMHOSTNAME=https://cmg.contoso.com SMSSITECODE:ABC"')],
      ['single-quoted', policy(`'CCMSETUPCMD="CCMHOSTNAME=https://cmg.contoso.com SMSSITECODE:ABC"'`)],
      ['double-quoted', policy('"CCMSETUPCMD=\\"CCMHOSTNAME=https://cmg.contoso.com SMSSITECODE:ABC\\""')],
      ['literal block', policy('|\n        CCMSETUPCMD="CCMHOSTNAME=https://cmg.contoso.com SMSSITECODE:ABC"')],
      ['folded block', policy('>-\n        CCMSETUPCMD="CCMHOSTNAME=https://cmg.contoso.com\n        SMSSITECODE:ABC"')],
    ];
    for (const [style, text] of cases) {
      it(`maps findings back to the YAML source (${style})`, () => {
        assert.deepEqual(found(text, 'ccmhostname-has-scheme'), ['https://']);
        assert.deepEqual(found(text, 'property-uses-colon'), [':']);
      });
    }

    it('applies the quick fix inside the YAML string', () => {
      const text = policy(`'CCMSETUPCMD="CCMHOSTNAME=https://cmg.contoso.com SMSSITECODE=ABC"'`);
      const document = doc(text, NAME);
      const offset = text.indexOf('https://');
      const actions = service.getCodeActions(document, { start: document.positionAt(offset), end: document.positionAt(offset) });
      const edit = actions.find((a) => a.diagnostics?.[0].code === 'ccmhostname-has-scheme')?.edit?.changes?.[document.uri]?.[0];
      assert.ok(edit);
      assert.equal(document.offsetAt(edit.range.start), offset);
      assert.equal(document.offsetAt(edit.range.end), offset + 'https://'.length);
    });

    it('hovers and completes inside the command line', () => {
      const { text, offset } = withCursor(policy(`'CCMSETUPCMD="CCMHOST|NAME=cmg.contoso.com SMSSITECODE=ABC"'`));
      const document = doc(text, NAME);
      const hover = service.doHover(document, document.positionAt(offset));
      assert.match(JSON.stringify(hover?.contents), /CCMHOSTNAME/);
      const marked = withCursor(policy(`'CCMSETUPCMD="SMSSITECODE=ABC CCMHO|"'`));
      const completionDocument = doc(marked.text, NAME);
      const labels = service.doComplete(completionDocument, completionDocument.positionAt(marked.offset)).items.map((i) => i.label);
      assert.ok(labels.includes('CCMHOSTNAME'));
      assert.ok(!labels.includes('SMSSITECODE'));
    });

    it('completes after blanks typed at the end of a plain command line, without names already on it', () => {
      const marked = withCursor(policy('CCMHOSTNAME=cmg.contoso.com SMSSITECODE=ABC |'));
      const document = doc(marked.text, NAME);
      const labels = service.doComplete(document, document.positionAt(marked.offset)).items.map((i) => i.label);
      assert.ok(labels.includes('SMSMP'), labels.join(', '));
      assert.ok(!labels.includes('SMSSITECODE') && !labels.includes('CCMHOSTNAME'));
      // After a quoted scalar's closing quote the line is over: no ccmsetup names.
      const quoted = withCursor(policy(`'CCMHOSTNAME=cmg.contoso.com' |`));
      const quotedDocument = doc(quoted.text, NAME);
      assert.ok(!service.doComplete(quotedDocument, quotedDocument.positionAt(quoted.offset)).items.some((i) => i.label === 'SMSMP'));
    });
  });

  describe('structure', () => {
    it('reports YAML syntax errors and duplicate keys at their place, without throwing', () => {
      assert.equal(found('version: 1\nname: a\nname: b\n', 'manifest-duplicate-key').length, 1);
      assert.ok(problems('version: 1\nsite: [\n', {}, NAME).some((p) => p.code === 'manifest-yaml-syntax'));
    });

    it('quotes the source of text that YAML reads as a number or true/false, and offers to quote it', () => {
      const text = 'version: 1\nname: true\nsite:\n  code: 012\nwindows:\n  minimumVersion: 10\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=a.contoso.com SMSSITECODE=XYZ"\n';
      const wrong = problems(text, {}, NAME).filter((p) => p.code === 'manifest-wrong-type');
      assert.deepEqual(wrong.map((p) => text.slice(p.span.start, p.span.end)), ['true', '012', '10']);
      assert.match(wrong[1].message, /YAML reads 012 as the number 12\. Put it in quotes: "012"/);
      assert.deepEqual(wrong.map((p) => p.fixes?.[0].edits[0].newText), ['"true"', '"012"', '"10"']);
      // A check that reads the site code is unknown, quoting it as written, not the number YAML made of it.
      const matches = service.getReadiness(doc(text, NAME)).find((c) => c.id === 'command-line-site-code-matches');
      assert.equal(matches?.status, 'unknown');
      assert.match(matches!.message, /site\.code has an invalid value '012'/);
      let fixed = text;
      for (let i = 0; i < 3; i++) fixed = applyFix(fixed, 'manifest-wrong-type', undefined, NAME);
      assert.deepEqual(found(fixed, 'manifest-wrong-type'), []);
      assert.match(fixed, /code: "012"/);
    });

    it('does not count a number or true/false as a policy\'s command line', () => {
      for (const value of ['12', 'true', '0x1F']) {
        const text = `version: 1\ncomanagement:\n  policies:\n    - name: Install client\n      installAgent: true\n      commandLine: ${value}\n`;
        assert.deepEqual(found(text, 'manifest-wrong-type'), [value]);
        // Not evidence either way: the check is unknown and says which value is wrong.
        const check = service.getReadiness(doc(text, NAME)).find((c) => c.id === 'policy-command-line-required');
        assert.equal(check?.status, 'unknown', value);
        assert.match(check!.message, new RegExp(`comanagement\\.policies\\[0\\]\\.commandLine has an invalid value '${value}'`));
      }
    });

    it('reports a second YAML document once, in plain words, on its ---, and still checks the first', () => {
      const text = 'version: 1\nsite:\n  cod: ABC\n---\nversion: 2\n---\nx: 1\n';
      const found = problems(text, {}, NAME);
      const second = found.filter((p) => p.code === 'manifest-multiple-documents');
      assert.equal(second.length, 1);
      assert.equal(second[0].span.start, text.indexOf('---'));
      assert.equal(text.slice(second[0].span.start, second[0].span.end), '---');
      assert.doesNotMatch(second[0].message, /parseAllDocuments|YAML\./);
      assert.ok(!found.some((p) => p.code === 'manifest-yaml-syntax'));
      assert.ok(found.some((p) => p.code === 'manifest-unknown-key'), 'the first document is still checked');
    });

    it('points unknown keys at the key and offers the closest name', () => {
      const text = 'version: 1\nautopilot:\n  deploymentMod: user-driven\n';
      const found = problems(text, {}, NAME).find((p) => p.code === 'manifest-unknown-key');
      assert.equal(text.slice(found!.span.start, found!.span.end), 'deploymentMod');
      assert.equal(found!.fixes?.[0].edits[0].newText, 'deploymentMode');
    });

    it('bounds alias expansion (billion laughs)', () => {
      const lines = ['version: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
      const started = Date.now();
      const found = problems(lines.join('\n'), {}, NAME);
      assert.ok(Date.now() - started < 5000);
      assert.ok(found.some((p) => p.code === 'manifest-too-complex'));
    });

    it('reads a file whose lines end with a lone carriage return like its LF twin, at the same positions', () => {
      const lf = 'version: 1\nsite:\n  code: AB\ncomanagement:\n  policies:\n    - name: p\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=https://cmg.contoso.com SMSSITECODE=ABC"\n';
      const cr = lf.replace(/\n/g, '\r');
      const ranges = (text: string) => service.doValidation(doc(text, NAME)).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
      assert.ok(!ranges(cr).some((r) => r.startsWith('manifest-yaml-syntax')), ranges(cr).join(', '));
      assert.deepEqual(ranges(cr), ranges(lf));
      assert.ok(ranges(lf).some((r) => r.startsWith('manifest-invalid-value@2:')));
    });

    it('survives junk', () => {
      for (const text of ['', '\u0000\u0001', ': : :', '- - -', '{', '"', 'version: [1', '? a\n: b', '&a *a', 'a: !!binary xyz']) {
        service.doValidation(doc(text, NAME));
        service.findDocumentSymbols(doc(text, NAME));
        service.getReadiness(doc(text, NAME));
      }
    });
  });

  describe('completion and hover on keys', () => {
    it('offers the keys of the mapping at the cursor, minus those present', () => {
      const { text, offset } = withCursor('version: 1\nautopilot:\n  enabled: true\n  dep|\n');
      const document = doc(text, NAME);
      const labels = service.doComplete(document, document.positionAt(offset)).items.map((i) => i.label);
      assert.ok(labels.includes('deploymentMode'));
      assert.ok(!labels.includes('enabled'));
      assert.ok(!labels.includes('version'));
    });

    it('offers enum values after a key', () => {
      const { text, offset } = withCursor('version: 1\nautopilot:\n  deploymentMode: |\n');
      const document = doc(text, NAME);
      assert.deepEqual(service.doComplete(document, document.positionAt(offset)).items.map((i) => i.label), ['user-driven', 'self-deploying', 'pre-provisioning']);
    });

    it('offers keys of a list item', () => {
      const { text, offset } = withCursor('version: 1\ncomanagement:\n  policies:\n    - name: a\n      inst|\n');
      const document = doc(text, NAME);
      assert.ok(service.doComplete(document, document.positionAt(offset)).items.some((i) => i.label === 'installAgent'));
    });

    it('describes keys and values on hover', () => {
      const { text, offset } = withCursor('version: 1\nautopilot:\n  deploymentMode: self-dep|loying\n');
      const document = doc(text, NAME);
      assert.match(JSON.stringify(service.doHover(document, document.positionAt(offset))?.contents), /self-deploying/);
    });
  });

  describe('readiness', () => {
    it('is unknown where the plan is silent, fail where it breaks a rule, pass otherwise', () => {
      const document = doc('version: 1\npath: autopilot\nsite:\n  version: 2107\nautopilot:\n  deploymentMode: user-driven\n', NAME);
      const status = Object.fromEntries(service.getReadiness(document).map((c) => [c.id, c.status]));
      assert.equal(status['autopilot-site-version'], 'fail');
      assert.equal(status['autopilot-user-driven-only'], 'pass');
      assert.equal(status['autopilot-no-pki'], 'unknown');
    });

    it('gives each failing check a range in the document', () => {
      const text = 'version: 1\npath: autopilot\nsite:\n  version: 2107\n';
      const check = service.getReadiness(doc(text, NAME)).find((c) => c.id === 'autopilot-site-version');
      assert.deepEqual(check?.range, { start: { line: 3, character: 11 }, end: { line: 3, character: 15 } });
    });

    it('leaves rules turned off in settings out of the report', () => {
      const quiet = getLanguageService({ settings: { rules: { 'autopilot-site-version': 'off' } } });
      const ids = quiet.getReadiness(doc('version: 1\npath: autopilot\nsite:\n  version: 2107\n', NAME)).map((c) => c.id);
      assert.ok(!ids.includes('autopilot-site-version'));
    });
  });

  it('outlines the plan with policies named', () => {
    const symbols = service.findDocumentSymbols(doc(policy('x'), NAME));
    assert.deepEqual(symbols.map((s) => s.name), ['version', 'comanagement']);
    assert.equal(symbols[1].children?.[0].children?.[0].name, 'Default');
  });
});
