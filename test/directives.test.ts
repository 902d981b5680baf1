// Comment directives: misspelt ones and unknown codes or contexts are reported (with did-you-mean),
// and `# comanage-disable-next-line` works in manifests as in .ccmsetup files.
import * as assert from 'node:assert/strict';
import { applyFix, problems } from './helpers/core';

const MANIFEST = 'plan.comanage.yaml';
const found = (text: string, name?: string) => problems(text, {}, name).map((p) => `${p.code}@${text.slice(p.span.start, p.span.end)}`);
const LINE = 'ccmsetup.exe /mp:a.contoso.com SMSSITECODE=ABC /bogus';

describe('directives', () => {
  describe('typos are reported, not ignored', () => {
    it('an unknown context, with did-you-mean and a fix', () => {
      const text = `# comanage-context: intnue\n${LINE}`;
      const warning = problems(text).find((p) => p.code === 'unknown-directive');
      assert.equal(text.slice(warning!.span.start, warning!.span.end), 'intnue');
      assert.equal(warning!.severity, 'warning');
      assert.match(warning!.message, /Did you mean "intune"\?/);
      assert.equal(applyFix(text, 'unknown-directive'), `# comanage-context: intune\n${LINE}`);
    });

    it('an unknown code in disable-next-line, on the code, with did-you-mean', () => {
      const text = `# comanage-disable-next-line unknwn-parameter, duplicate-entry\n${LINE}`;
      assert.deepEqual(found(text).filter((f) => f.startsWith('unknown-directive')), ['unknown-directive@unknwn-parameter']);
      assert.match(problems(text).find((p) => p.code === 'unknown-directive')!.message, /Did you mean "unknown-parameter"\?/);
      // The finding it meant to silence is still there.
      assert.ok(found(text).includes('unknown-parameter@/bogus'));
    });

    it('a misspelt directive name', () => {
      for (const name of ['comanage-disabel-next-line', 'comanage-disable-nextline', 'comanage-contxt:']) {
        const text = `# ${name} intune\n${LINE}`;
        const warning = problems(text).find((p) => p.code === 'unknown-directive');
        assert.ok(warning, name);
        assert.match(warning.message, /Did you mean "comanage-(disable-next-line|context)"\?/, name);
      }
      assert.ok(problems(`# comanage-frobnicate\n${LINE}`).some((p) => p.code === 'unknown-directive' && /The directives are/.test(p.message)));
    });

    it('a site version that is not a number', () => {
      assert.ok(found(`# comanage-site-version: current\n${LINE}`).includes('unknown-directive@current'));
    });

    it('says nothing about ordinary comments or correct directives', () => {
      const text = `# comments about the command line\n# co-management rollout\n# comanage-context: intune\n# comanage-site-version: 2403\n# comanage-disable-next-line unknown-parameter, parameter-after-property\n${LINE}`;
      assert.deepEqual(found(text).filter((f) => f.startsWith('unknown-directive')), []);
    });

    it('adds up several disable-next-line comments above one line, in both file types', () => {
      const two = '# comanage-disable-next-line unknown-parameter\n# comanage-disable-next-line parameter-after-property\n';
      assert.deepEqual(found(`${two}${LINE}`), []);
      const plan = `version: 1\n${two}foo: 1\nbar: 2\n`.replace('unknown-parameter', 'manifest-unknown-key').replace('parameter-after-property', 'manifest-wrong-type');
      assert.deepEqual(found(plan, MANIFEST), ['manifest-unknown-key@bar']);
    });

    it('can be turned off in settings', () => {
      assert.ok(!problems(`# comanage-context: intnue\n${LINE}`, { rules: { 'unknown-directive': 'off' } }).some((p) => p.code === 'unknown-directive'));
    });
  });

  describe('disable-next-line in manifests', () => {
    const plan = (directive: string, commandLine = 'CCMSETUPCMD="CCMHOSTNAME=https://cmg.contoso.com SMSSITECODE=ABC"') =>
      `version: 1\npath: autopilot\nsite:\n  code: ABC\n${directive ? `  ${directive}\n` : ''}  version: 2107\ncomanagement:\n  policies:\n    - name: p\n${directive ? `      ${directive}\n` : ''}      commandLine: ${commandLine}\n      foo: 1\n`;

    it('silences the named codes on the next line: a readiness failure, a finding in the command line', () => {
      const before = found(plan(''), MANIFEST);
      assert.ok(before.includes('autopilot-site-version@2107'), before.join(', '));
      assert.ok(before.includes('ccmhostname-has-scheme@https://'));
      const after = found(plan('# comanage-disable-next-line autopilot-site-version, ccmhostname-has-scheme'), MANIFEST);
      assert.ok(!after.includes('autopilot-site-version@2107'), after.join(', '));
      assert.ok(!after.includes('ccmhostname-has-scheme@https://'));
      // Only the next line: the unknown key after it is still reported.
      assert.ok(after.includes('manifest-unknown-key@foo'));
      assert.ok(!after.some((f) => f.startsWith('unknown-directive')));
    });

    it('silences every code when it names none, and a block scalar that starts on the line counts whole', () => {
      const folded = '>-\n        CCMSETUPCMD="CCMHOSTNAME=https://cmg.contoso.com\n        SMSSITECODE:ABC"';
      assert.ok(found(plan('', folded), MANIFEST).includes('property-uses-colon@:'));
      const after = found(plan('# comanage-disable-next-line', folded), MANIFEST);
      assert.ok(!after.some((f) => f.startsWith('property-uses-colon') || f.startsWith('ccmhostname-has-scheme')), after.join(', '));
      assert.ok(after.includes('manifest-unknown-key@foo'));
    });

    it('reports typos in manifests too, and ignores a # inside a block scalar', () => {
      const text = 'version: 1\n# comanage-disable-next-line manifest-unknwn-key\nfoo: 1\nname: |\n  # comanage-disabel-next-line\n';
      assert.deepEqual(found(text, MANIFEST).filter((f) => f.startsWith('unknown-directive') || f.startsWith('manifest-unknown-key')), ['unknown-directive@manifest-unknwn-key', 'manifest-unknown-key@foo']);
      assert.match(problems(text, {}, MANIFEST).find((p) => p.code === 'unknown-directive')!.message, /Did you mean "manifest-unknown-key"\?/);
    });
  });
});

describe('directive warnings and tokens', () => {
  it('never quote a token pasted into a directive', () => {
    const token = 'eyJ0eXAiOiJKV1QifQ.eyJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJl';
    for (const [text, name] of [[`# comanage-context: ${token}\n${LINE}`, undefined], [`version: 1\n# comanage-disable-next-line ${token}\nname: x\n`, MANIFEST]] as const) {
      const warnings = problems(text, {}, name).filter((p) => p.code === 'unknown-directive');
      assert.equal(warnings.length, 1, text);
      assert.ok(!JSON.stringify(warnings).includes(token.slice(20, 28)), JSON.stringify(warnings));
    }
  });
});
