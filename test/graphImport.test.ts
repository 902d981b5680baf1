// The Graph import core: reading exports (objects, list pages, folders, assignments, odd inputs),
// mapping them to plan keys, and merging into a plan with provenance comments and conflicts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { getLanguageService } from '../server/src/core/languageService';
import { GraphInput, readGraphExports } from '../server/src/core/graph/read';
import { planFromGraph, withoutToken } from '../server/src/core/graph/toPlan';
import { mergeImport } from '../server/src/core/graph/mergePlan';
import { findJsonFault } from '../server/src/core/graph/jsonPosition';
import { doc } from './helpers/core';

const ROOT = path.join(__dirname, 'fixtures/graph');
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOiJ0b3Atc2VjcmV0LXZhbHVlIn0.c2lnbmF0dXJlLXBhcnQtb25seQ';

function input(relative: string): GraphInput {
  return { name: relative, bytes: fs.readFileSync(path.join(ROOT, relative)) };
}

function folder(relative: string): GraphInput[] {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []);
  return walk(path.join(ROOT, relative)).sort().map((file) => input(path.relative(ROOT, file).split(path.sep).join('/')));
}

const CLEAN = ['enrollment-page1.json', 'enrollment-page2.json', 'autopilot-profiles.json'];

function structureErrors(text: string): string[] {
  return getLanguageService().analyze(doc(text, 'p.comanage.yaml'))
    .filter((p) => p.code.startsWith('manifest-') && p.severity === 'error')
    .map((p) => `${p.code}: ${p.message}`);
}

describe('Graph import: reading exports', () => {
  it('reads list responses, paged over several files, with inline assignments', () => {
    const read = readGraphExports(CLEAN.map(input));
    assert.deepEqual(read.errors, []);
    const types = read.objects.map((o) => o.type);
    assert.equal(types.filter((t) => t === 'comanagementSettings').length, 2);
    assert.equal(types.filter((t) => t === 'enrollmentStatusPage').length, 2, 'one per page');
    assert.ok(types.includes('autopilotEntraProfile') && types.includes('autopilotHybridProfile'));
    assert.ok(types.includes('platformRestrictions') && types.includes('limitRestriction'));
    const pilot = read.objects.find((o) => o.displayName === 'Pilot co-management');
    assert.deepEqual(pilot?.assignments?.map((a) => a.kind), ['group', 'exclusion']);
    assert.equal(pilot?.props.priority, 2);
    // Windows Hello for Business is not a type comanage imports: listed, not dropped silently.
    assert.deepEqual(read.skipped.map((s) => s.odataType), ['#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration']);
  });

  it('reads a folder export: one object a file, assignments in their own list response', () => {
    const read = readGraphExports(folder('folder-export'));
    assert.deepEqual(read.errors, []);
    const shared = read.objects.find((o) => o.type === 'comanagementSettings');
    assert.equal(shared?.displayName, 'Shared devices co-management');
    assert.deepEqual(shared?.assignments, [{ kind: 'allDevices', groupId: undefined, targetType: '#microsoft.graph.allDevicesAssignmentTarget' }]);
    // The base profile type with no prefix at all is recognised too.
    assert.equal(read.objects.find((o) => o.displayName === 'Lab profile')?.type, 'autopilotProfile');
  });

  it('reads a byte-order mark, UTF-16 and lists nested in lists', () => {
    const read = readGraphExports(['odd/bom.json', 'odd/utf16.json', 'odd/nested.json'].map(input));
    assert.deepEqual(read.errors, []);
    assert.deepEqual(read.objects.map((o) => o.displayName).sort(), ['Nested list policy', 'Saved by PowerShell 5.1 (UTF-16)', 'Saved with a byte-order mark']);
  });

  it('reports malformed JSON with its line and column, and reads the other files', () => {
    const read = readGraphExports(['odd/malformed.json', 'odd/bom.json'].map(input));
    assert.equal(read.errors.length, 1);
    assert.equal(read.errors[0].file, 'odd/malformed.json');
    assert.equal(read.errors[0].line, 5);
    assert.equal(read.errors[0].column, 1);
    assert.match(read.errors[0].message, /line 5, column 1/);
    assert.equal(read.objects.length, 1);
  });

  it('names where JSON goes wrong and how, without quoting the file', () => {
    const cases: [string, number, RegExp][] = [
      [`{"a": ${TOKEN}}`, 6, /a value is expected here/],
      ['{"a": 1 "b": 2}', 8, /a comma \(,\) or \} should follow/],
      ['[1,]', 3, /no trailing commas/],
      ['{"a":"x\ny"}', 7, /must be escaped/],
      ['{} x', 3, /more text after/],
      ['"abc', 0, /not closed/],
      ['{"a": 01}', 7, /no leading zeros/],
      ['{"a" 1}', 5, /colon/],
      ['[[[', 3, /ends too early/],
    ];
    for (const [text, offset, reason] of cases) {
      let parsed = true;
      try { JSON.parse(text); } catch { parsed = false; }
      assert.equal(parsed, false, text);
      const fault = findJsonFault(text);
      assert.equal(fault?.offset, offset, text);
      assert.match(fault!.reason, reason);
    }
    for (const valid of ['{"a":[1,2],"b":{"c":null,"d":true,"e":false,"f":-1.5e3,"g":"\\u00e9"}}', ` ${'['.repeat(100000)}${']'.repeat(100000)} `]) {
      assert.equal(findJsonFault(valid), undefined);
    }
    const read = readGraphExports([{ name: 't.json', text: `{\n  "configurationManagerAgentCommandLineArgument": ${TOKEN}\n}` }]);
    assert.deepEqual([read.errors[0].line, read.errors[0].column], [2, 51]);
    assert.ok(!read.errors[0].message.includes('eyJ'));
  });

  it('leaves out values of the wrong type and says so', () => {
    const read = readGraphExports([input('odd/wrong-types.json')]);
    const object = read.objects[0];
    assert.deepEqual(Object.keys(object.props), ['id', 'displayName']);
    assert.equal(object.assignments, undefined);
    assert.equal(read.notes.length, 4);
    assert.match(read.notes.join('\n'), /priority should be a whole number but is the string "4"/);
    const imported = planFromGraph(read);
    assert.deepEqual(imported.policies[0].values, { name: 'Hand-edited export' });
  });

  it('lists unknown types and objects without a type as skipped', () => {
    const read = readGraphExports([input('odd/unknown.json'), { name: 'x.json', text: '{"displayName": "no type"}' }, { name: 'n.json', text: '42' }]);
    assert.equal(read.objects.length, 0);
    assert.equal(read.skipped.length, 3);
    assert.match(read.skipped[0].reason, /windows10GeneralConfiguration is not a type comanage imports/);
    assert.match(read.skipped[1].reason, /no @odata.type/);
  });

  it('never throws, whatever it is given', () => {
    const odd: GraphInput[] = [
      { name: 'empty.json', text: '' }, { name: 'null.json', text: 'null' }, { name: 'bin.json', bytes: new Uint8Array([0, 0, 0xfe, 0xff, 1, 2]) },
      { name: 'deep.json', text: '['.repeat(50) + ']'.repeat(50) }, { name: 'v.json', text: '{"value": 5}' },
      { name: 'a.json', text: '{"@odata.type": "deviceComanagementAuthorityConfiguration", "assignments": [null, 1, {"target": 5}]}' },
      { name: 'nobytes.json' },
    ];
    const read = readGraphExports(odd);
    assert.equal(read.objects.length, 1);
    assert.deepEqual(read.objects[0].assignments?.map((a) => a.kind), ['other', 'other', 'other']);
    assert.ok(read.errors.length >= 2);
    assert.doesNotThrow(() => mergeImport(undefined, planFromGraph(read)));
  });

  it('keeps the first copy of an object read twice', () => {
    const read = readGraphExports([input('enrollment-page1.json'), input('enrollment-page1.json')]);
    assert.equal(read.objects.filter((o) => o.type === 'comanagementSettings').length, 2);
    assert.ok(read.notes.some((n) => /already read from/.test(n)));
  });
});

describe('Graph import: the plan an export implies', () => {
  it('maps policies (by priority), the ESP, the Autopilot profile and the default restriction', () => {
    const imported = planFromGraph(readGraphExports(CLEAN.map(input)));
    assert.deepEqual(imported.policies.map((p) => p.values), [
      {
        name: 'Autopilot co-management', description: 'Installs the Configuration Manager client on Autopilot devices.', priority: 1, installAgent: true,
        commandLine: 'CCMSETUPCMD="CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC SMSMP=https://mp1.contoso.com UPGRADETOLATEST=TRUE"',
        managedDeviceAuthority: 1, targetGroup: '3d9b0f6e-2c41-4f0b-8e8e-5b7a1c2d3e4f',
      },
      { name: 'Pilot co-management', priority: 2, installAgent: false, commandLine: '', managedDeviceAuthority: 0, targetGroup: 'adadadad-7d2b-4c3a-9e8f-000000000001' },
    ]);
    const facts = Object.fromEntries(imported.facts.map((f) => [f.path, f.value]));
    assert.deepEqual(facts, {
      'autopilot.esp.timeoutMinutes': 90,
      'autopilot.esp.enabled': true,
      'autopilot.esp.showProgress': true,
      'autopilot.esp.trackedApps': ['9b1f2a3c-4d5e-6f70-8192-a3b4c5d6e7f8', 'c0ffee00-1234-4abc-9def-0123456789ab'],
      'autopilot.esp.targetGroup': '3d9b0f6e-2c41-4f0b-8e8e-5b7a1c2d3e4f',
      'autopilot.joinType': 'entra',
      'autopilot.preProvisioningAllowed': false,
      'autopilot.profileTargetGroup': '3d9b0f6e-2c41-4f0b-8e8e-5b7a1c2d3e4f',
      'intune.defaultRestriction.windows': 'allow',
    });
    const left = imported.leftOut.join('\n');
    // Undocumented meanings are named, not guessed.
    assert.match(left, /overrideToIntune was not set from managedDeviceAuthority/);
    assert.match(left, /deploymentMode was left out/);
    assert.match(left, /exclusion of group adadadad-7d2b-4c3a-9e8f-000000000002/);
    assert.match(left, /hybrid join - kiosks.*not imported/);
    assert.match(left, /device limit restriction/);
    assert.equal(imported.facts.find((f) => f.path === 'autopilot.joinType')?.source.id, 'e2ec4e69-4e69-e2ec-694e-ece2694eece2');
  });

  it('takes the hybrid join from an Active Directory profile, and says nothing of joining for the base type', () => {
    const hybrid = planFromGraph(readGraphExports([{ name: 'h.json', text: '{"@odata.type": "#microsoft.graph.activeDirectoryWindowsAutopilotDeploymentProfile", "id": "h", "preprovisioningAllowed": true}' }]));
    assert.deepEqual(hybrid.facts.map((f) => [f.path, f.value]), [['autopilot.joinType', 'hybrid'], ['autopilot.preProvisioningAllowed', true]]);
    const base = planFromGraph(readGraphExports(folder('folder-export')));
    assert.ok(!base.facts.some((f) => f.path === 'autopilot.joinType'));
    assert.match(base.leftOut.join('\n'), /doesn't say how devices join/);
    // The deprecated enableWhiteGlove stands in when preprovisioningAllowed is absent.
    assert.equal(base.facts.find((f) => f.path === 'autopilot.preProvisioningAllowed')?.value, true);
    assert.deepEqual(base.policies[0].values.targetGroupType, 'device');
  });

  it('takes the default Windows restriction from a single-platform restriction; custom ones and other platforms are left out', () => {
    const restriction = (id: string, platformType: string, priority: number, platformBlocked: boolean) => ({
      '@odata.type': '#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration', id, displayName: id, priority,
      deviceEnrollmentConfigurationType: 'singlePlatformRestriction', platformType, platformRestriction: { platformBlocked, personalDeviceEnrollmentBlocked: false },
    });
    const list = { value: [restriction('win-default', 'windows', 0, true), restriction('win-custom', 'windows', 1, false), restriction('ios', 'ios', 0, true)] };
    const imported = planFromGraph(readGraphExports([{ name: 'r.json', text: JSON.stringify(list) }]));
    assert.deepEqual(imported.facts.map((f) => [f.path, f.value, f.source.id]), [['intune.defaultRestriction.windows', 'block', 'win-default']]);
    assert.match(imported.leftOut.join('\n'), /"win-custom": a custom enrollment restriction/);
    assert.match(imported.leftOut.join('\n'), /"ios": a restriction for ios, not Windows/);
  });

  it('cuts a bulk registration token out of the command line', () => {
    const imported = planFromGraph(readGraphExports([input('odd/token.json')]));
    const line = String(imported.policies[0].values.commandLine);
    assert.ok(!line.includes('eyJ') && !/regtok/i.test(line));
    assert.equal(line, 'CCMSETUPCMD="CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"');
    assert.match(imported.leftOut.join('\n'), /token \(\/regtoken\) was cut out/);
    for (const form of [`/regtoken:${TOKEN}`, `REGTOKEN=${TOKEN}`, `/regtoken:"${TOKEN}"`, `/REGTOKN:${TOKEN}`, `/regtoken ${TOKEN}`]) {
      const result = withoutToken(`SMSSITECODE=ABC ${form} SMSMP=https://mp1.contoso.com`);
      assert.equal(result.line, 'SMSSITECODE=ABC SMSMP=https://mp1.contoso.com', form);
    }
    for (const form of [`/regtoken:${TOKEN}`, `REGTOKEN=${TOKEN}`]) {
      assert.equal(withoutToken(`CCMSETUPCMD="SMSSITECODE=ABC ${form}" SMSMP=https://mp1.contoso.com`).line, 'CCMSETUPCMD="SMSSITECODE=ABC" SMSMP=https://mp1.contoso.com', form);
    }
    assert.equal(withoutToken(`SMSSITECODE=ABC "/regtoken:${TOKEN}"`).line, 'SMSSITECODE=ABC');
    // A token without /regtoken in front can't be cut cleanly: the command line is left out.
    assert.equal(withoutToken(`SMSSITECODE=ABC ${TOKEN}`).line, undefined);
  });
});

describe('Graph import: merging into a plan', () => {
  const imported = () => planFromGraph(readGraphExports(CLEAN.map(input)));

  it('prints a new plan with a provenance comment on each value, free of structure errors', () => {
    const result = mergeImport(undefined, imported());
    const text = result.text!;
    assert.deepEqual(structureErrors(text), []);
    assert.match(text, /# imported from enrollment-page1\.json: "Autopilot co-management" \(6f3c2e1a-8b5d-4c7e-9a0f-1d2e3f4a5b6c_Comanagement\)\n {4}- name: Autopilot co-management/);
    assert.match(text, /# imported from autopilot-profiles\.json: "Autopilot - Entra join - user-driven" \(e2ec4e69-4e69-e2ec-694e-ece2694eece2\)\n {2}joinType: entra/);
    const plan = parse(text);
    assert.equal(plan.version, 1);
    assert.equal(plan.autopilot.esp.timeoutMinutes, 90);
    assert.equal(plan.comanagement.policies.length, 2);
  });

  it('every fixture together still gives a plan without structure errors', () => {
    const all = planFromGraph(readGraphExports([...CLEAN.map(input), ...folder('folder-export'), ...folder('odd')]));
    const text = mergeImport(undefined, all).text!;
    assert.deepEqual(structureErrors(text), []);
    assert.ok(!text.includes('eyJ'), 'no token in the plan');
  });

  it('merges into a plan keeping its comments and order, matching policies by name', () => {
    const plan = [
      '# Contoso plan: hand-written',
      'version: 1',
      'name: Contoso',
      'comanagement:',
      '  enabled: true # set in the console',
      '  policies:',
      '    - name: Autopilot co-management',
      '      priority: 1',
      '      installAgent: true',
      'autopilot:',
      '  enabled: true',
      '',
    ].join('\n');
    const result = mergeImport(plan, imported());
    assert.deepEqual(result.conflicts, []);
    const text = result.text!;
    assert.ok(text.startsWith('# Contoso plan: hand-written\nversion: 1\nname: Contoso\ncomanagement:\n  enabled: true # set in the console\n'), text);
    assert.match(text, /- name: Autopilot co-management\n {6}priority: 1\n {6}installAgent: true\n {6}# imported from enrollment-page1\.json: "Autopilot co-management" \([^)]+\)\n {6}description:/);
    assert.equal(parse(text).comanagement.policies.length, 2);
    assert.equal(result.same, 2);
    assert.deepEqual(structureErrors(text), []);
  });

  it('reports a differing hand-written value as a conflict, and takes the export\'s only when asked', () => {
    const plan = 'version: 1\nautopilot:\n  esp:\n    timeoutMinutes: 60 # agreed with the service desk\n';
    const kept = mergeImport(plan, imported());
    assert.deepEqual(kept.conflicts.map((c) => [c.path, c.planValue, c.importValue]), [['autopilot.esp.timeoutMinutes', 60, 90]]);
    assert.match(kept.text!, /timeoutMinutes: 60 # agreed with the service desk/);
    const taken = mergeImport(plan, imported(), { preferImport: true });
    assert.deepEqual(taken.conflicts, []);
    assert.match(taken.text!, /# imported from enrollment-page1\.json: "Autopilot ESP" \([^)]+\) \(was 60\)\n {4}timeoutMinutes: 90/);
  });

  it('two policies of the same name get an entry each, and a second import matches both', () => {
    const twice = (id: string, priority: number) => JSON.stringify({ '@odata.type': 'deviceComanagementAuthorityConfiguration', id, displayName: 'Same name', priority });
    const imported = planFromGraph(readGraphExports([{ name: 'a.json', text: twice('a', 1) }, { name: 'b.json', text: twice('b', 2) }]));
    const first = mergeImport(undefined, imported);
    assert.deepEqual(parse(first.text!).comanagement.policies, [{ name: 'Same name', priority: 1 }, { name: 'Same name', priority: 2 }]);
    const again = mergeImport(first.text, imported);
    assert.deepEqual(again.conflicts, []);
    assert.equal(again.text, first.text);
  });

  it('fills template placeholders and empty values without calling them conflicts', () => {
    const plan = 'version: 1\nautopilot:\n  profileTargetGroup: "<Entra device group of the Autopilot profile>"\n  esp:\n    targetGroup:\n    timeoutMinutes: 60\n';
    const result = mergeImport(plan, imported());
    assert.deepEqual(result.conflicts.map((c) => c.path), ['autopilot.esp.timeoutMinutes']);
    const merged = parse(result.text!);
    assert.equal(merged.autopilot.profileTargetGroup, '3d9b0f6e-2c41-4f0b-8e8e-5b7a1c2d3e4f');
    assert.equal(merged.autopilot.esp.targetGroup, '3d9b0f6e-2c41-4f0b-8e8e-5b7a1c2d3e4f');
    assert.doesNotMatch(result.text!, /\(was/);
  });

  it('refuses a plan that is not valid YAML', () => {
    assert.match(mergeImport('version: 1\nsite: [unclosed', imported()).refused ?? '', /isn't valid YAML/);
  });

  it('round trip: a policy exported by comanage imports as the same policy', () => {
    const plan = [
      'version: 1',
      'name: Round trip',
      'comanagement:',
      '  policies:',
      '    - name: Autopilot co-management',
      '      description: Installs the client during Autopilot.',
      '      priority: 2',
      '      installAgent: true',
      '      commandLine: \'CCMSETUPCMD="CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC"\'',
      '      managedDeviceAuthority: 1',
      '    - name: Second',
      '      installAgent: false',
      '',
    ].join('\n');
    const service = getLanguageService();
    const bodies = [0, 1].map((index) => {
      const exported = service.exportPolicy(doc(plan, 'p.comanage.yaml'), index);
      assert.ok(exported.body, exported.refused);
      return { ...exported.body, id: `policy-${index}` };
    });
    const back = planFromGraph(readGraphExports([{ name: 'export.json', text: JSON.stringify({ value: bodies }) }]));
    assert.deepEqual(back.policies[0].values, parse(plan).comanagement.policies[0]);
    // A policy without a description gets the one the export writes; everything else is the same.
    const { description, ...second } = back.policies[1].values;
    assert.match(String(description), /Exported by comanage from the plan "Round trip"/);
    assert.deepEqual(second, parse(plan).comanagement.policies[1]);
    // Merged back into the plan it came from, nothing differs.
    const merged = mergeImport(plan, back);
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.same, 6);
    assert.equal(merged.written, 1);
  });
});
