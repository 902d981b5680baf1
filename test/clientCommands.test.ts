// The rest of the client's pure logic: manifest templates and file names, the Intune copy and the
// Graph export presentation, each against the core's real answers where there is one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandLineToCopy, presentIntuneLine } from '../client/src/model/intuneLine';
import { describeTemplate, isTemplateFile, manifestPath, sortTemplates } from '../client/src/model/manifestTemplates';
import { GRAPH_ENDPOINT, policyChoices, presentExport } from '../client/src/model/policyExport';
import { GRAPH_ENDPOINT as SERVER_GRAPH_ENDPOINT } from '../server/src/core/manifest/graphExport';
import { getLanguageService } from '../server/src/core/languageService';
import { doc } from './helpers/core';

const service = getLanguageService();
const EXAMPLES = path.join(__dirname, '..', 'examples');

describe('client manifest templates', () => {
  const templates = sortTemplates(fs.readdirSync(EXAMPLES).filter(isTemplateFile)
    .map((file) => describeTemplate(file, fs.readFileSync(path.join(EXAMPLES, file), 'utf8'))));

  it('offers the four scenario templates, in path order, labelled from their leading comment', () => {
    assert.equal(templates.length, 4);
    assert.deepEqual(templates.map((t) => t.description), ['Path 1', 'Path 2', 'Path 3', 'Path 4']);
    for (const t of templates) {
      assert.ok(t.label.length > 5 && t.label.length < 80, `label "${t.label}"`);
      assert.ok(!/^Path/.test(t.label) && !/\.$/.test(t.label), `label "${t.label}"`);
      assert.ok(t.detail.length > 10, `detail of ${t.file}`);
    }
    assert.equal(templates[2].label, 'Windows Autopilot into co-management');
  });

  it('ships templates that the checker passes with no error', () => {
    for (const t of templates) {
      const errors = service.analyze(doc(fs.readFileSync(path.join(EXAMPLES, t.file), 'utf8'), t.file)).filter((p) => p.severity === 'error');
      assert.deepEqual(errors.map((e) => e.code), [], t.file);
    }
  });

  it('falls back to the name key, then the file name', () => {
    assert.equal(describeTemplate('x.comanage.yaml', 'version: 1\nname: "My plan"\n').label, 'My plan');
    assert.equal(describeTemplate('x.comanage.yaml', 'version: 1\n').label, 'x');
    assert.equal(describeTemplate('x.comanage.yaml', '# Only a sentence without a stop\nversion: 1\n').label, 'Only a sentence without a stop');
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
