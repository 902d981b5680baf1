// The documented codes table (knowledge/codes.ts) and what answers from it: the `observed:` rules'
// messages, `explain` and the hover on a code in a manifest.
import * as assert from 'node:assert/strict';
import {
  CCMSETUP_EXIT_CODES, CONFIGMGR_PROVIDER_STATES, DOCUMENTED_CODES, DOCUMENTED_LOG_LINES, TASK_SEQUENCE_STATES, codeAt, findCode, findLogLine, hex, parseCode,
} from '../server/src/core/knowledge/codes';
import { fieldAt } from '../server/src/core/manifest/describeField';
import { explain } from '../server/src/cli/explain';
import { defaultCatalog } from '../server/src/core/catalog';
import { getLanguageService } from '../server/src/core/languageService';
import { doc, problems, withCursor } from './helpers/core';

const service = getLanguageService();
const manifest = (text: string) => problems(text, {}, 'plan.comanage.yaml');

describe('documented codes (knowledge/codes.ts)', () => {
  it('parses hex, bare hex, decimal and negative 32-bit forms to the same value', () => {
    for (const form of ['0x80180014', '0X80180014', '2149056532', '-2145910764', ' 0x80180014 ']) assert.equal(parseCode(form), 0x80180014, form);
    assert.equal(parseCode('800705b4'), 0x800705B4);
    assert.equal(parseCode(2149056532), 0x80180014);
    assert.equal(parseCode(-2145910764), 0x80180014);
    assert.equal(parseCode('80180014'), 80180014);
    assert.equal(parseCode('6'), 6);
  });

  it('rejects what is no 32-bit code', () => {
    for (const bad of ['0x123456789', '4294967296', '-2147483649', 'abc', '1.5', '', '0x', 'deadbeefs']) assert.equal(parseCode(bad), undefined, bad);
    assert.equal(parseCode(1.5), undefined);
    assert.equal(parseCode(2 ** 32), undefined);
  });

  it('holds the documented codes once each, with a learn.microsoft.com link', () => {
    const values = DOCUMENTED_CODES.map((c) => c.value);
    assert.equal(new Set(values).size, values.length);
    // 21 enrollment rows (0x80180014 listed twice) = 20 codes, plus 0x800705B4 and 0x87D0027E.
    assert.equal(DOCUMENTED_CODES.filter((c) => c.source === 'enrollment').length, 20);
    assert.equal(DOCUMENTED_CODES.length, 22);
    for (const code of DOCUMENTED_CODES) assert.match(code.docUrl, /^https:\/\/learn\.microsoft\.com\/intune\/configmgr\/[^#]+#[a-z]/i, hex(code.value));
    assert.deepEqual([...CCMSETUP_EXIT_CODES.keys()], [0, 6, 7, 8, 9, 10]);
    assert.deepEqual([...CONFIGMGR_PROVIDER_STATES.keys()], [1, 2, 3, 4]);
    assert.deepEqual([...TASK_SEQUENCE_STATES.keys()], [1, 2, 3, 4]);
    assert.equal(DOCUMENTED_LOG_LINES.length, 7);
  });

  it('finds the codes the pages print in decimal only, by their computed hex', () => {
    assert.equal(findCode(parseCode('0xCAA9004D')!)?.value, 3400073293);
    assert.equal(findCode(parseCode('2147943860')!)?.source, 'esp');
    assert.equal(findCode(0x12345678), undefined);
  });

  it('finds a code under a column and recognises documented log lines', () => {
    assert.deepEqual(codeAt('# saw 0x800705b4 twice', 8), { value: 0x800705B4, start: 6, end: 16 });
    assert.equal(codeAt('# saw 0x800705b4 twice', 2), undefined);
    assert.equal(findLogLine('… WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA is set')?.problem, true);
    assert.equal(findLogLine('an ordinary line'), undefined);
  });
});

describe('observed: rules explain with the plan\'s likely causes', () => {
  it('ties 0x80180014 to custom enrollment restrictions the plan states, and says nothing of an absent fact', () => {
    const withCause = manifest('version: 1\nintune:\n  customEnrollmentRestrictions: true\nobserved:\n  enrollmentErrors: [0x80180014]\n').find((p) => p.code === 'observed-enrollment-error');
    assert.match(withCause?.message ?? '', /MENROLL_E_DEVICENOTSUPPORTED[\s\S]*In this plan: custom enrollment restrictions/);
    const without = manifest('version: 1\nobserved:\n  enrollmentErrors: [-2145910764]\n').find((p) => p.code === 'observed-enrollment-error');
    assert.ok(without);
    assert.doesNotMatch(without.message, /In this plan/);
  });

  it('names only keys of the format as likely causes', () => {
    const unknown = DOCUMENTED_CODES.flatMap((code) => (code.causes ?? []).map((cause) => cause.path))
      .filter((key) => !fieldAt(key.split('.')));
    assert.deepEqual(unknown, []);
  });

  it('ties enrollment errors to the restriction, MDM URL, domain and Windows facts the plan states', () => {
    const explained = (plan: string, code: string) => manifest(`version: 1\n${plan}observed:\n  enrollmentErrors: [${code}]\n`).find((p) => p.code === 'observed-enrollment-error')?.message ?? 'missing';
    assert.match(explained('intune:\n  defaultRestriction:\n    windows: block\n', '0x80180015'), /In this plan: the default enrollment restriction blocks Windows/);
    assert.doesNotMatch(explained('intune:\n  defaultRestriction:\n    windows: allow\n', '0x80180015'), /In this plan/);
    assert.match(explained('intune:\n  mdmUrls: custom\n', '0x8000FFFF'), /In this plan: the plan says the MDM URLs/);
    assert.match(explained('identity:\n  domainType: managed\n', '0xCAA9001F'), /In this plan: the users' domain is managed/);
    assert.doesNotMatch(explained('identity:\n  domainType: federated\n', '0xCAA9001F'), /In this plan/);
    assert.match(explained('windows:\n  minimumVersion: "10 1607"\n', '0x80070032'), /In this plan: the plan's oldest Windows version is older than 10 1709/);
    assert.doesNotMatch(explained('windows:\n  minimumVersion: "10 22H2"\n', '0x80070032'), /In this plan/);
  });

  it('explains the ESP timeout with the phase, the recorded InstallationState and a short ESP timeout', () => {
    const text = 'version: 1\nautopilot:\n  esp:\n    timeoutMinutes: 30\nobserved:\n  esp:\n    phase: device-preparation\n    errorCode: 0x800705b4\n  installationState:\n    configMgrProvider: 1\n';
    const found = manifest(text).find((p) => p.code === 'observed-esp-error');
    assert.match(found?.message ?? '', /In Device preparation[\s\S]*0x800705B4[\s\S]*ESP timeout below[\s\S]*InstallationState is 1: not installed/);
    assert.equal(text.slice(found!.span.start, found!.span.end), '0x800705b4');
  });

  it('ties pending user sign-in to Windows older than 1803 in the plan', () => {
    const found = manifest('version: 1\nwindows:\n  minimumVersion: "10 1709"\nobserved:\n  enrollmentState: pending-user-sign-in\n').find((p) => p.code === 'observed-enrollment-state');
    assert.match(found?.message ?? '', /device token[\s\S]*oldest Windows is 10 1709, older than 1803/);
    const newer = manifest('version: 1\nwindows:\n  minimumVersion: "10 22H2"\nobserved:\n  enrollmentState: pending-user-sign-in\n').find((p) => p.code === 'observed-enrollment-state');
    assert.doesNotMatch(newer?.message ?? 'missing', /In this plan|missing/);
  });

  it('says an unknown code is undocumented instead of guessing', () => {
    const found = manifest('version: 1\nobserved:\n  enrollmentErrors: ["0x12345678"]\n');
    assert.deepEqual(found.map((p) => p.code), ['observed-code-undocumented']);
    assert.match(found[0].message, /isn't among the codes the co-management documentation explains/);
  });

  it('accepts hex, decimal and quoted codes in the format, and rejects other text', () => {
    assert.deepEqual(manifest('version: 1\nobserved:\n  enrollmentErrors: [0x8018002B, 2149056555, "0x8018002b", -2145910741]\n').map((p) => p.code).filter((c) => c.startsWith('manifest-')), []);
    const bad = manifest('version: 1\nobserved:\n  esp:\n    errorCode: timeout\n');
    assert.deepEqual(bad.map((p) => p.code), ['manifest-invalid-value']);
  });
});

describe('explain <code>', () => {
  it('explains a documented code given in hex, decimal or negative form the same way', () => {
    const hexForm = explain('0x800705b4', [], defaultCatalog);
    assert.match(hexForm, /^0x800705B4 \(2147943860\): an Enrollment Status Page error/);
    assert.match(hexForm, /autopilot-enrollment#the-client-installation-doesnt-complete/);
    assert.equal(explain('2147943860', [], defaultCatalog), hexForm);
    assert.equal(explain('-2147023436', [], defaultCatalog), hexForm);
  });

  it('explains a ccmsetup return code', () => {
    assert.match(explain('9', [], defaultCatalog), /ccmsetup\.exe return code 9\n\nA prerequisite failed its evaluation\./);
  });

  it('says an unknown code is not documented', () => {
    assert.throws(() => explain('0x12345678', [], defaultCatalog), /0x12345678 \(305419896\) is not a code the co-management documentation explains/);
    assert.throws(() => explain('99999999999', [], defaultCatalog), /not a 32-bit error code/);
  });
});

describe('hover on a code in a manifest', () => {
  const hover = (marked: string) => {
    const { text, offset } = withCursor(marked);
    const document = doc(text, 'plan.comanage.yaml');
    const result = service.doHover(document, document.positionAt(offset));
    return { value: result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '', range: result?.range };
  };

  it('explains a documented code in a value or a comment', () => {
    assert.match(hover('version: 1\nobserved:\n  enrollmentErrors: [0x8018|0014]\n').value, /\*\*0x80180014 \(2149056532, MENROLL_E_DEVICENOTSUPPORTED\)\*\*/);
    const comment = hover('version: 1\n# the device showed 21479|43860 again\n');
    assert.match(comment.value, /0x800705B4/);
    assert.deepEqual(comment.range, { start: { line: 1, character: 20 }, end: { line: 1, character: 30 } });
  });

  it('leaves an undocumented number to the key hover', () => {
    assert.doesNotMatch(hover('version: 1\nobserved:\n  enrollmentErrors: [0x1234|5678]\n').value, /0x12345678 \(/);
  });
});
