// The rest of the client's pure logic: manifest templates and file names, the Intune copy and the
// Graph export presentation, each against the core's real answers where there is one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PREFER_IMPORT, WRITE, exportName, importQuestion, isExportFileName, isSearchedFolderName, minimalEdit } from '../client/src/model/graphImport';
import { commandLineToCopy, presentIntuneLine } from '../client/src/model/intuneLine';
import { GRAPH_ENDPOINT, policyChoices, presentExport } from '../client/src/model/policyExport';
import { GRAPH_ENDPOINT as SERVER_GRAPH_ENDPOINT } from '../server/src/core/manifest/graphExport';
import { manifestPath, templateChoices, templateFileName } from '../client/src/model/manifestTemplates';
import { MANIFEST_TEMPLATES } from '../server/src/core/manifest/templates';
import { getLanguageService } from '../server/src/core/languageService';
import { doc } from './helpers/core';

const service = getLanguageService();

describe('client manifest templates', () => {
  // What the server answers to comanage/templates.
  const choices = templateChoices(MANIFEST_TEMPLATES);

  it('offers one template per setup path, in the format\'s order, titled, with the path and what it is', () => {
    assert.deepEqual(choices.map((c) => c.description), ['existing-clients', 'new-internet-devices', 'autopilot', 'managed-desktop']);
    for (const c of choices) {
      assert.ok(c.label.length > 5 && c.label.length < 80, `label "${c.label}"`);
      assert.ok(c.detail.length > 10, `detail of ${c.description}`);
      assert.equal(templateFileName(c.template), `${c.description}.comanage.yaml`);
    }
    assert.equal(choices[2].label, 'Windows Autopilot into co-management');
  });

  it('writes templates, not the Contoso examples: no error, placeholders flagged', () => {
    for (const c of choices) {
      const problems = service.analyze(doc(c.template.text, templateFileName(c.template)));
      assert.deepEqual(problems.filter((p) => p.severity === 'error').map((e) => e.code), [], c.description);
      assert.ok(problems.some((p) => p.code === 'unreplaced-placeholder'));
      assert.doesNotMatch(c.template.text, /Contoso/);
    }
  });

  it('names the new file so the server recognises it as a manifest', () => {
    assert.equal(manifestPath('/w/plan.comanage.yaml'), '/w/plan.comanage.yaml');
    assert.equal(manifestPath('/w/plan.comanage.YML'), '/w/plan.comanage.YML');
    assert.equal(manifestPath('/w/plan.yaml'), '/w/plan.comanage.yaml');
    assert.equal(manifestPath('/w/plan.yml'), '/w/plan.comanage.yml');
    assert.equal(manifestPath('/w/plan'), '/w/plan.comanage.yaml');
    assert.equal(manifestPath('/w/plan.txt'), '/w/plan.txt.comanage.yaml');
  });
});

describe('client Intune copy', () => {
  it('takes the selection, else the cursor line, and refuses comments and empty lines', () => {
    assert.deepEqual(commandLineToCopy('  ccmsetup.exe SMSSITECODE=ABC ', ''), { text: 'ccmsetup.exe SMSSITECODE=ABC' });
    assert.deepEqual(commandLineToCopy('# comment', 'SMSSITECODE=ABC'), { text: 'SMSSITECODE=ABC' });
    assert.match((commandLineToCopy('# comment', '') as { error: string }).error, /comment/);
    assert.match((commandLineToCopy('   ', ' ') as { error: string }).error, /cursor/);
    assert.match((commandLineToCopy('a', 'A=1\nB=2') as { error: string }).error, /single command line/);
  });

  it('copies what the server wraps, and passes its refusal on', () => {
    const ok = presentIntuneLine(service.intuneCommandLine('ccmsetup.exe CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC'));
    assert.deepEqual(ok, { text: 'CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"', message: 'Copied for Intune\'s co-management settings (56 of 1024 characters).' });
    const refused = presentIntuneLine(service.intuneCommandLine('ccmsetup.exe SMSSITECODE=ABC'));
    assert.match((refused as { error: string }).error, /^Not copied: .*missing-required-for-intune/);
    assert.match((presentIntuneLine(null) as { error: string }).error, /no answer/);
  });
});

describe('client Graph export', () => {
  const plan = [
    'version: 1', 'name: Contoso', 'comanagement:', '  policies:',
    '    - name: Autopilot', '      installAgent: true', '      targetGroup: Autopilot devices',
    "      commandLine: 'CCMSETUPCMD=\"CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC\"'",
    '    - name: Token', "      commandLine: '/mp:https://x.cloudapp.net/CCM_Proxy_MutualAuth/1 /regtoken:eyJhbGciOiJub25lIn0.eyJleHAiOjF9.c2ln'",
  ].join('\n');
  const manifest = doc(plan, 'p.comanage.yaml');
  const policies = service.getPolicies(manifest);

  it('opens the server\'s body as formatted JSON and puts its notes in the message', () => {
    const outcome = presentExport(policies[0], service.exportPolicy(manifest, 0));
    assert.ok('json' in outcome);
    const body = JSON.parse(outcome.json);
    assert.equal(body['@odata.type'], '#microsoft.graph.deviceComanagementAuthorityConfiguration');
    assert.equal(body.configurationManagerAgentCommandLineArgument, 'CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"');
    assert.ok(outcome.json.endsWith('}\n') && outcome.json.includes('\n  "displayName": "Autopilot"'));
    assert.match(outcome.message, /^Request body for "Autopilot"/);
    assert.match(outcome.message, /Autopilot devices/);
  });

  it('writes the instructions and every server note into the Markdown note beside the JSON', () => {
    const result = service.exportPolicy(manifest, 0);
    const outcome = presentExport(policies[0], result);
    assert.ok('instructions' in outcome);
    assert.match(outcome.instructions, /^# Co-management settings policy "Autopilot"/);
    assert.match(outcome.instructions, /POST https:\/\/graph\.microsoft\.com\/beta\/deviceManagement\/deviceEnrollmentConfigurations/);
    assert.equal(GRAPH_ENDPOINT, SERVER_GRAPH_ENDPOINT, 'the copied endpoint matches the server\'s');
    assert.ok(result.notes.length > 0);
    for (const note of result.notes) assert.ok(outcome.instructions.includes(`- ${note}`), note);
  });

  it('passes a refusal on, naming the policy, and never the token', () => {
    const outcome = presentExport(policies[1], service.exportPolicy(manifest, 1));
    assert.ok('error' in outcome);
    assert.match(outcome.error, /^Can't export "Token": .*token/);
    assert.ok(!outcome.error.includes('eyJ'));
    assert.ok('error' in presentExport(policies[0], null));
    assert.ok('error' in presentExport(policies[0], { notes: [] }));
  });

  it('lists the policies to pick from', () => {
    assert.deepEqual(policyChoices(policies), [
      { label: 'Autopilot', description: 'policy 1 of 2', index: 0 },
      { label: 'Token', description: 'policy 2 of 2', index: 1 },
    ]);
  });
});

describe('client Graph import ("Import settings from a Graph export…")', () => {
  const FIXTURES = path.join(__dirname, 'fixtures/graph');
  const file = (rel: string) => ({ name: rel, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, rel))) });
  const TOKEN_PIECE = 'eyJ0eXAiOiJKV1Qi';
  const plan = '# hand-written\nversion: 1\nautopilot:\n  esp:\n    timeoutMinutes: 60 # agreed with the service desk\n';
  const manifest = () => doc(plan, 'plan.comanage.yaml');

  it('reads *.json files of a folder, but no dot-file, dot-folder or node_modules', () => {
    assert.equal(isExportFileName('Lab profile.json'), true);
    assert.equal(isExportFileName('PAGE.JSON'), true);
    assert.equal(isExportFileName('.comanage.json'), false);
    assert.equal(isExportFileName('readme.txt'), false);
    assert.equal(isSearchedFolderName('DeviceEnrollmentConfigurations'), true);
    assert.equal(isSearchedFolderName('.vscode'), false);
    assert.equal(isSearchedFolderName('node_modules'), false);
  });

  it('names each export relative to the plan, or as the workspace does when it is far away', () => {
    assert.equal(exportName('/w/plans/p.comanage.yaml', '/w/plans/exports/a.json', 'x'), 'exports/a.json');
    assert.equal(exportName('/w/plans/p.comanage.yaml', '/w/exports/a.json', 'x'), '../exports/a.json');
    assert.equal(exportName('/c:/w/p.comanage.yaml', '/d:/e/a.json', 'D:/e/a.json'), 'D:/e/a.json');
    assert.equal(exportName('/a/b/c/d/p.comanage.yaml', '/a/x.json', 'fallback'), 'fallback');
    assert.equal(exportName('/c:/W/p.comanage.yaml', '/C:/w/e/a.json', 'x'), 'e/a.json', 'Windows paths compare without case');
    assert.equal(exportName('/w/P/p.comanage.yaml', '/w/p/a.json', 'x'), '../p/a.json');
  });

  it('asks before writing, listing conflicts and what was left out, and offers to take the export\'s values', () => {
    const result = service.importGraphExports(manifest(), [file('enrollment-page1.json'), file('folder-export/DeviceEnrollmentConfigurations/Shared devices co-management.json')]);
    assert.equal(result.refused, undefined);
    assert.equal(result.files, 2);
    assert.ok(result.objects >= 2, `${result.objects} objects`);
    assert.deepEqual(result.conflicts.map((c) => [c.path, c.plan, c.export]), [['autopilot.esp.timeoutMinutes', '60', '90']]);
    assert.match(result.text!, /^# hand-written\nversion: 1\n/);
    assert.match(result.text!, /timeoutMinutes: 60 # agreed with the service desk/);
    assert.match(result.text!, /# imported from folder-export\/DeviceEnrollmentConfigurations\/Shared devices co-management\.json: "Shared devices co-management"/);
    const question = importQuestion(result, 'plan.comanage.yaml', ['big.json: not read, larger than 32 MB']);
    assert.ok('message' in question);
    assert.match(question.message, /^Import into plan\.comanage\.yaml: \d+ values to write, 1 conflict with values written by hand\.$/);
    assert.deepEqual(question.actions, [WRITE, PREFER_IMPORT]);
    assert.match(question.detail, /Conflicts: .*\n• autopilot\.esp\.timeoutMinutes: the plan says 60, the export says 90 \(imported from enrollment-page1\.json: "Autopilot ESP"/);
    assert.match(question.detail, /Left out \(the plan can't say what it means\):\n• /);
    assert.match(question.detail, /Skipped \(not a type comanage imports\):\n• enrollment-page1\.json: "All users and all devices"/);
    assert.match(question.detail, /Not read:\n• big\.json: not read, larger than 32 MB/);

    const taken = service.importGraphExports(manifest(), [file('enrollment-page1.json')], { preferImport: true });
    assert.deepEqual(taken.conflicts, []);
    assert.match(taken.text!, /\(was 60\)\n {4}timeoutMinutes: 90/);
    const again = importQuestion(taken, 'plan.comanage.yaml', [], true);
    assert.ok('actions' in again);
    assert.deepEqual(again.actions, [WRITE]);
  });

  it('says so when the plan already holds everything, and refuses when nothing is imported', () => {
    const first = service.importGraphExports(manifest(), [file('autopilot-profiles.json')]);
    const merged = doc(first.text!, 'plan.comanage.yaml');
    const second = service.importGraphExports(merged, [file('autopilot-profiles.json')]);
    assert.equal(second.written, 0);
    assert.equal(second.text, first.text, 'an unchanged plan keeps its exact text');
    assert.ok('unchanged' in importQuestion(second, 'plan.comanage.yaml'));
    const none = service.importGraphExports(manifest(), [file('odd/unknown.json'), file('odd/malformed.json')]);
    assert.match(none.refused ?? '', /No object comanage imports was found/);
    const question = importQuestion(none, 'plan.comanage.yaml');
    assert.ok('error' in question);
    assert.match(question.error, /^Nothing imported into plan\.comanage\.yaml: No object .*odd\/malformed\.json:5:1/);
    assert.ok('error' in importQuestion(null, 'p'));
    assert.match(service.importGraphExports(doc('x', 'a.ccmsetup'), [file('autopilot-profiles.json')]).refused ?? '', /workload manifest/);
    assert.match(service.importGraphExports(doc('a: [', 'p.comanage.yaml'), [file('autopilot-profiles.json')]).refused ?? '', /isn't valid YAML/);
  });

  it('keeps a token out of the merged text and every message; the plan\'s line ends stay', () => {
    const token = fs.readFileSync(path.join(FIXTURES, 'odd/token.json'), 'utf8').match(/eyJ[^"]+/)![0];
    const named = { name: 'named.json', text: JSON.stringify({ '@odata.type': 'deviceComanagementAuthorityConfiguration', id: 'n1', displayName: `regtoken ${token}` }) };
    const result = service.importGraphExports(doc(plan.replace(/\n/g, '\r\n'), 'p.comanage.yaml'), [file('odd/token.json'), named]);
    const everything = JSON.stringify(result);
    assert.ok(!everything.includes(TOKEN_PIECE), everything);
    assert.ok(result.text!.includes('\r\n') && !/[^\r]\n/.test(result.text!), 'CRLF kept');
    assert.ok(result.leftOut.some((l) => /token \(\/regtoken\) was cut out/.test(l)) || result.notes.some((l) => /token/.test(l)), everything);
    // The plan's own token is the user's text: the merged plan keeps it (masking it would write the
    // mask into the file), while a conflict on it is shown masked.
    const own = `version: 1\ncomanagement:\n  policies:\n    - name: Token policy\n      commandLine: '/regtoken:${token}'\n`;
    const merged = service.importGraphExports(doc(own, 'own.comanage.yaml'), [file('odd/token.json')]);
    assert.ok(merged.text!.includes(`/regtoken:${token}`), merged.text);
    assert.deepEqual(merged.conflicts.map((c) => c.path), ['comanagement.policies[0].commandLine']);
    assert.ok(!JSON.stringify({ ...merged, text: undefined }).includes(TOKEN_PIECE));
  });

  it('writes only what differs, as one edit', () => {
    assert.deepEqual(minimalEdit('a\nb\nc\n', 'a\nB\nc\n'), { start: 2, end: 3, text: 'B' });
    assert.deepEqual(minimalEdit('abc', 'abc'), { start: 3, end: 3, text: '' });
    assert.deepEqual(minimalEdit('', 'x: 1\n'), { start: 0, end: 0, text: 'x: 1\n' });
    assert.deepEqual(minimalEdit('a\r\nb', 'a\nb'), { start: 1, end: 3, text: '\n' }, 'a CRLF is never split');
    const before = 'version: 1\nname: x # keep\n';
    const after = 'version: 1\nname: x # keep\nsite:\n  code: ABC\n';
    const edit = minimalEdit(before, after);
    assert.equal(before.slice(0, edit.start) + edit.text + before.slice(edit.end), after);
    assert.equal(minimalEdit('😀b', '😁b').start, 0, 'a surrogate pair is never split');
  });
});
