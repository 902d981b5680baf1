// Drift (core/graph/drift.ts): the plan against the tenant's Graph exports, as the readiness
// report's "Tenant export" area. Equal values pass, different ones fail on the plan's key with
// both values and a fix that takes the tenant's value, a fact either side doesn't state is
// unknown, a token never shows, and an export that can't be read is a failure.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/core/languageService';
import type { ExportSource } from '../server/src/core/graph/drift';
import { readExportSourcesSync } from '../server/src/node/readExports';
import { doc } from './helpers/core';

const ROOT = path.join(__dirname, 'fixtures/graph');
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOiJ0b3Atc2VjcmV0LXZhbHVlIn0.c2lnbmF0dXJlLXBhcnQtb25seQ';
const PLAN = fs.readFileSync(path.join(ROOT, 'drift/plan.comanage.yaml'), 'utf8');
const LINE_ABC = 'CCMSETUPCMD="CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC SMSMP=https://mp1.contoso.com UPGRADETOLATEST=TRUE"';

function source(relative: string): ExportSource {
  return { name: relative, text: fs.readFileSync(path.join(ROOT, relative), 'utf8') };
}
const EXPORTS = [source('enrollment-page1.json'), source('autopilot-profiles.json')];

function drift(text: string, exports: readonly ExportSource[] = EXPORTS, service = getLanguageService()) {
  const document = doc(text, 'plan.comanage.yaml');
  const checks = service.getReadiness(document, { exports }).filter((c) => c.area === 'tenant-export');
  return { document, checks, service };
}

function only(checks: ReturnType<typeof drift>['checks'], id: string, fragment: string) {
  const found = checks.filter((c) => c.id === id && c.message.includes(fragment));
  assert.equal(found.length, 1, `${id} ${fragment}: ${JSON.stringify(checks.map((c) => [c.id, c.status, c.message]), null, 1)}`);
  return found[0];
}

describe('Drift: the plan against the tenant\'s exports', () => {
  it('no exports, no Tenant export checks; the plan lists its sources', () => {
    const service = getLanguageService();
    const document = doc(PLAN, 'plan.comanage.yaml');
    assert.deepEqual(service.getReadiness(document).filter((c) => c.area === 'tenant-export'), []);
    assert.deepEqual(service.getSources(document), ['../enrollment-page1.json', '../autopilot-profiles.json']);
  });

  it('equal values pass', () => {
    const { checks } = drift(PLAN);
    for (const [id, key] of [
      ['tenant-install-agent', 'policies[0].installAgent'], ['tenant-priority', 'policies[0].priority'], ['tenant-groups', 'policies[0].targetGroup'],
      ['tenant-autopilot-join', 'autopilot.joinType'], ['tenant-autopilot-mode', 'autopilot.preProvisioningAllowed'], ['tenant-esp-progress', 'autopilot.esp.showProgress'],
    ]) {
      const check = only(checks, id, key);
      assert.equal(check.status, 'pass', check.message);
      assert.match(check.message, /as in the tenant's export \((enrollment-page1|autopilot-profiles)\.json: "/);
    }
    only(checks, 'tenant-export-readable', 'were read');
    assert.equal(checks.find((c) => c.id === 'tenant-export-readable')!.status, 'pass');
  });

  it('a different value fails on the plan\'s key, with both values, and the fix takes the tenant\'s value', () => {
    const { checks, document, service } = drift(PLAN);
    const timeout = only(checks, 'tenant-esp-timeout', 'timeoutMinutes');
    assert.equal(timeout.status, 'fail');
    assert.match(timeout.message, /autopilot\.esp\.timeoutMinutes is 60 in the plan, but the tenant's export says 90 \(enrollment-page1\.json: "Autopilot ESP" \(0b1c2d3e-[^)]*\)\)/);
    assert.equal(document.getText(timeout.range!), '60');
    const line = only(checks, 'tenant-command-line', 'policies[0].commandLine');
    assert.equal(line.status, 'fail');
    assert.ok(line.message.includes('SMSSITECODE=XYZ') && line.message.includes('SMSSITECODE=ABC'), line.message);
    // A command line with double quotes is shown in single quotes, as written.
    assert.match(line.message, / is 'CCMSETUPCMD="CCMHOSTNAME=[^']*SMSSITECODE=XYZ[^']*"' in the plan, but the tenant's export says 'CCMSETUPCMD="[^']*SMSSITECODE=ABC[^']*"' \(/);
    const priority = only(checks, 'tenant-priority', 'policies[1].priority');
    assert.equal(priority.status, 'fail');
    assert.match(priority.message, /is 3 in the plan, but the tenant's export says 2/);

    // The failures are diagnostics on the plan's keys, each with the quick fix.
    const diagnostics = service.doValidation(document).filter((d) => String(d.code).startsWith('tenant-'));
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['tenant-command-line', 'tenant-esp-timeout', 'tenant-priority']);
    let text = document.getText();
    for (const diagnostic of diagnostics) {
      const fix = service.getCodeActions(document, diagnostic.range).find((a) => a.title === 'Take the tenant\'s value');
      assert.ok(fix?.edit?.changes, `${diagnostic.code} has the fix`);
      // Applied one at a time to the original text: each fix stands on its own.
      const applied = TextDocument.applyEdits(document, fix.edit.changes[document.uri]);
      assert.notEqual(applied, text);
      text = applied;
      const again = drift(applied).checks.filter((c) => c.id === diagnostic.code && c.range?.start.line === diagnostic.range.start.line);
      assert.ok(again.length === 1 && again[0].status === 'pass', `${diagnostic.code} passes after the fix: ${JSON.stringify(again)}`);
    }
    const fixedLine = drift(TextDocument.applyEdits(document, service.getCodeActions(document, diagnostics.find((d) => d.code === 'tenant-command-line')!.range)
      .find((a) => a.title === 'Take the tenant\'s value')!.edit!.changes![document.uri]));
    assert.ok(fixedLine.document.getText().includes(LINE_ABC));
  });

  it('a fact the export lacks or the plan doesn\'t state is unknown, never a pass', () => {
    const { checks } = drift(PLAN);
    const unstated = only(checks, 'tenant-authority', 'policies[0].managedDeviceAuthority');
    assert.equal(unstated.status, 'unknown');
    assert.match(unstated.message, /not stated in the plan; the tenant's export says 1/);
    assert.equal(only(checks, 'tenant-esp-progress', 'autopilot.esp.enabled').status, 'unknown');
    // The export doesn't say user-driven or self-deploying: the plan's deploymentMode is unknown.
    const mode = drift(PLAN.replace('  joinType: entra\n', '  joinType: entra\n  deploymentMode: user-driven\n')).checks;
    assert.equal(only(mode, 'tenant-autopilot-mode', 'autopilot.deploymentMode').status, 'unknown');
    // A policy on one side only is unknown, both ways.
    const renamed = drift(PLAN.replace('- name: Pilot co-management', '- name: Pilot devices')).checks;
    assert.equal(only(renamed, 'tenant-policy-match', '"Pilot co-management"').status, 'unknown');
    assert.equal(only(renamed, 'tenant-policy-match', '"Pilot devices"').status, 'unknown');
    // A group named in the plan and given by id in the export can't be compared.
    const named = drift(PLAN.replace('targetGroup: 3d9b0f6e-2c41-4f0b-8e8e-5b7a1c2d3e4f', 'targetGroup: Autopilot devices')).checks;
    assert.equal(only(named, 'tenant-groups', 'policies[0].targetGroup').status, 'unknown');
    // No status in the area is a pass for a key the plan leaves out.
    assert.ok(checks.filter((c) => c.message.includes('not stated')).every((c) => c.status === 'unknown'));
  });

  it('a token in a command line is masked in every output, on either side', () => {
    const plan = [
      'version: 1', 'comanagement:', '  policies:', '    - name: Token policy', '      priority: 8',
      `      commandLine: 'CCMSETUPCMD="CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=XYZ" /regtoken:${TOKEN}'`, '',
    ].join('\n');
    const { checks, document, service } = drift(plan, [source('odd/token.json')]);
    const line = only(checks, 'tenant-command-line', 'commandLine');
    assert.equal(line.status, 'fail');
    const outputs = JSON.stringify([checks, service.doValidation(document), service.getCodeActions(document, line.range!)]);
    assert.ok(!outputs.includes(TOKEN.slice(0, 40)) && !outputs.includes('eyJ0eXAiOiJKV1Qi'), 'no token in any output');
    // The same line apart from the token is no drift: the import cuts tokens out, the plan's side is compared without one.
    const same = drift(plan.replace('SMSSITECODE=XYZ', 'SMSSITECODE=ABC'), [source('odd/token.json')]).checks;
    assert.equal(only(same, 'tenant-command-line', 'commandLine').status, 'pass');
  });

  it('an export that can\'t be read, or isn\'t JSON, is a failure that says so, never a clean report', () => {
    const unreadable = drift(PLAN, [...EXPORTS, { name: 'exports/gone.json', unreadable: 'no such file or folder' }]).checks;
    const gone = only(unreadable, 'tenant-export-readable', 'exports/gone.json');
    assert.equal(gone.status, 'fail');
    assert.match(gone.message, /could not be read \(no such file or folder\)/);
    const malformed = drift(PLAN, [source('odd/malformed.json')]).checks;
    assert.equal(only(malformed, 'tenant-export-readable', 'odd/malformed.json').status, 'fail');
    // Nothing the checks compare: unknown, not a pass.
    const unrelated = drift(PLAN, [source('odd/unknown.json')]).checks;
    assert.ok(unrelated.every((c) => c.status === 'unknown'), JSON.stringify(unrelated));
    // The shell's reader: a missing path, and a folder without exports, each say so.
    const read = readExportSourcesSync(['missing.json', 'drift', 'folder-export'], ROOT);
    assert.deepEqual(read.filter((s) => s.unreadable).map((s) => [s.name, s.unreadable]), [['missing.json', 'no such file or folder'], ['drift', 'the folder holds no .json export']]);
    assert.deepEqual(read.filter((s) => s.text).map((s) => s.name), [
      'folder-export/DeviceEnrollmentConfigurations/Shared devices co-management.json',
      'folder-export/DeviceEnrollmentConfigurations/Shared devices co-management_assignments.json',
      'folder-export/WindowsAutopilotDeploymentProfiles/Lab profile.json',
    ]);
  });

  it('settings turn a drift check off or change its severity; new exports replace the old ones', () => {
    const off = drift(PLAN, EXPORTS, getLanguageService({ settings: { rules: { 'tenant-esp-timeout': 'off', 'tenant-priority': 'warning' } } })).checks;
    assert.ok(!off.some((c) => c.id === 'tenant-esp-timeout'));
    assert.equal(only(off, 'tenant-priority', 'policies[1].priority').status, 'warn');
    const service = getLanguageService();
    const document = doc(PLAN, 'plan.comanage.yaml');
    assert.ok(service.getReadiness(document, { exports: EXPORTS }).some((c) => c.id === 'tenant-esp-timeout' && c.status === 'fail'));
    assert.ok(service.doValidation(document).some((d) => d.code === 'tenant-esp-timeout'));
    assert.equal(service.setExports(document.uri, undefined), true);
    assert.ok(!service.doValidation(document).some((d) => String(d.code).startsWith('tenant-')));
    assert.ok(!service.getReadiness(document).some((c) => c.area === 'tenant-export'));
  });
});
