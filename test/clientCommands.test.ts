// The rest of the client's pure logic: manifest templates and file names, the Intune copy and the
// Graph export presentation, each against the core's real answers where there is one.
import * as assert from 'node:assert/strict';
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
