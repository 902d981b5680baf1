// The core function behind `comanage/policies`: the client's export command lists a plan's
// co-management policies with it, instead of reading the YAML itself.
import * as assert from 'node:assert/strict';
import { getLanguageService } from '../server/src/core/languageService';
import { doc } from './helpers/core';

const service = getLanguageService();

describe('policy list', () => {
  it('lists each co-management policy with its index and name, numbering the unnamed ones', () => {
    const plan = [
      'version: 1', 'comanagement:', '  policies:',
      '    - name: Autopilot devices', '      installAgent: true',
      '    - installAgent: false',
      '    - name: Pilot',
    ].join('\n');
    assert.deepEqual(service.getPolicies(doc(plan, 'p.comanage.yaml')), [
      { index: 0, name: 'Autopilot devices' },
      { index: 1, name: 'Co-management settings 2' },
      { index: 2, name: 'Pilot' },
    ]);
  });

  it('is empty for a plan without policies, a broken plan and a ccmsetup file', () => {
    assert.deepEqual(service.getPolicies(doc('version: 1\ncomanagement:\n  enabled: true\n', 'p.comanage.yaml')), []);
    assert.deepEqual(service.getPolicies(doc('comanagement: [unclosed\n', 'p.comanage.yml')), []);
    assert.deepEqual(service.getPolicies(doc('ccmsetup.exe SMSSITECODE=ABC', 'a.ccmsetup')), []);
  });
});
