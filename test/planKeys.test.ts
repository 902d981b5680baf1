// Issue #14's new plan keys: `site.cmg: none` says there is no CMG while a plan without site.cmg
// says nothing, and a rule whose facts depend on the plan (one per moved workload) lists each.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, ReadinessCheck } from '../server/src/core/languageService';
import { manifestJsonSchema } from '../server/src/core/manifest/jsonSchema';
import { describeField, fieldAt } from '../server/src/core/manifest/describeField';
import { codes } from './helpers/core';

const service = getLanguageService();
let n = 0;
const checks = (text: string): ReadinessCheck[] => service.getReadiness(TextDocument.create(`file:///tmp/keys/${++n}/plan.comanage.yaml`, 'yaml', 1, text));
const check = (text: string, id: string): ReadinessCheck => {
  const found = checks(text).find((c) => c.id === id);
  assert.ok(found, `${id} not reported`);
  return found;
};
const planCodes = (text: string) => codes(text, {}, 'plan.comanage.yaml');

const INTERNET = 'version: 1\npath: new-internet-devices\nsite:\n  code: ABC\n';
const AUTOPILOT = 'version: 1\npath: autopilot\nautopilot:\n  enabled: true\ncomanagement:\n  policies:\n    - name: Autopilot\n      installAgent: true\nsite:\n  code: ABC\n';

describe('plan keys: site.cmg none versus left out', () => {
  it('accepts the word none for site.cmg, and nothing else in its place', () => {
    assert.deepEqual(planCodes(`${INTERNET}  cmg: none\n`).filter((c) => c.startsWith('manifest-')), []);
    assert.ok(planCodes(`${INTERNET}  cmg: nothing\n`).includes('manifest-wrong-type'));
    // Only a key the format gives a none accepts it.
    assert.ok(planCodes('version: 1\nidentity: none\n').includes('manifest-wrong-type'));
  });

  it('reads a plan without site.cmg as unknown, naming the key, not as "no CMG"', () => {
    const result = check(INTERNET, 'cmg-required-for-internet-clients');
    assert.equal(result.status, 'unknown');
    assert.deepEqual(result.missing?.map((m) => [m.path, m.reason]), [['site.cmg', 'absent']]);
    assert.equal(check(AUTOPILOT, 'autopilot-needs-cmg').status, 'unknown');
  });

  it('fails when the plan says there is none, and passes with a CMG', () => {
    assert.equal(check(`${INTERNET}  cmg: none\n`, 'cmg-required-for-internet-clients').status, 'fail');
    assert.equal(check(`${AUTOPILOT}  cmg: none\n`, 'autopilot-needs-cmg').status, 'fail');
    assert.equal(check(`${INTERNET}  cmg:\n    address: contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1\n`, 'cmg-required-for-internet-clients').status, 'pass');
  });

  it('runs no CMG rule on a plan that says there is none', () => {
    const ids = checks(`${INTERNET}  cmg: none\n`).map((c) => c.id);
    for (const id of ['cmg-connection-point', 'cmg-mp-allows-traffic', 'cmg-custom-domain-cname', 'site-cmg-needs-azure-services']) assert.ok(!ids.includes(id), id);
  });

  it('documents none in hover and the JSON Schema', () => {
    const field = fieldAt(['site', 'cmg'])!;
    assert.match(describeField('cmg', field), /mapping, or none[\s\S]*`none`: The site has no cloud management gateway\./);
    const site = (manifestJsonSchema().properties as Record<string, { properties: Record<string, { anyOf?: unknown[] }> }>).site;
    assert.equal(site.properties.cmg.anyOf?.length, 2);
  });
});

describe('plan keys: facts that depend on the plan', () => {
  it('asks for intuneReady of each workload the plan moves, and only those', () => {
    const result = check('version: 1\nworkloads:\n  compliancePolicies:\n    authority: intune\n  clientApps:\n    authority: pilot-intune\n    pilotCollection: Pilot\n  deviceConfiguration:\n    authority: configmgr\n', 'workload-intune-side-ready');
    assert.equal(result.status, 'unknown');
    assert.deepEqual(result.missing?.map((m) => m.path).sort(), ['workloads.clientApps.intuneReady', 'workloads.compliancePolicies.intuneReady']);
  });

  it('fails on the one workload that isn\'t ready, at its key', () => {
    const text = 'version: 1\nworkloads:\n  compliancePolicies:\n    authority: intune\n    intuneReady: true\n  clientApps:\n    authority: intune\n    intuneReady: false\n';
    const result = check(text, 'workload-intune-side-ready');
    assert.equal(result.status, 'fail');
    assert.match(result.message, /^clientApps moves to Intune/);
    assert.equal(result.range?.start.line, 7);
  });

  it('leaves a CMG in the Azure domain without a CNAME question, and asks for one in your own domain', () => {
    const cmg = 'version: 1\nsite:\n  cmg:\n    address: contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/1\n';
    assert.ok(!checks(`${cmg}    serviceName: contoso.eastus.cloudapp.azure.com\n`).some((c) => c.id === 'cmg-custom-domain-cname'));
    const own = check(`${cmg}    serviceName: cmg.contoso.com\n`, 'cmg-custom-domain-cname');
    assert.equal(own.status, 'unknown');
    assert.deepEqual(own.missing?.map((m) => m.path), ['site.cmg.cnameConfigured']);
  });
});
