// The core functions behind the client's commands: checking a typed line, preparing a line for
// Intune, and exporting a policy as a Graph request body.
import * as assert from 'node:assert/strict';
import { getLanguageService } from '../server/src/core/languageService';
import { doc } from './helpers/core';

const service = getLanguageService();

describe('command support', () => {
  it('checks a single command line in a given context', () => {
    const result = service.checkCommandLine('ccmsetup.exe SMSSITECODE=ABC PROVISIONTS=PRI20001', 'exe');
    assert.ok(result.problems.some((p) => p.code === 'provisionts-needs-msi'));
    assert.equal(result.limit, 1024);
    assert.deepEqual(service.checkCommandLine('CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC', 'intune').problems, []);
  });

  it('wraps a ccmsetup.exe line for Intune, doubling inner quotes', () => {
    const result = service.intuneCommandLine('ccmsetup.exe /forcereboot CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC CCMCERTSEL="SubjectStr:contoso.com" UPGRADETOLATEST=TRUE');
    assert.equal(result.refused, undefined);
    assert.equal(result.text, 'CCMSETUPCMD="/forcereboot CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC CCMCERTSEL=""SubjectStr:contoso.com"" UPGRADETOLATEST=TRUE"');
    // The wrapped text parses back to the same arguments.
    const back = service.checkCommandLine(result.text!, 'intune');
    assert.deepEqual(back.problems, []);
  });

  it('keeps a line that is already wrapped', () => {
    const line = 'CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"';
    assert.equal(service.intuneCommandLine(line).text, line);
  });

  it('refuses a line that breaks a rule or the length limit, saying why', () => {
    const missing = service.intuneCommandLine('ccmsetup.exe SMSSITECODE=ABC');
    assert.equal(missing.text, undefined);
    assert.match(missing.refused ?? '', /missing-required-for-intune/);
    const long = service.intuneCommandLine(`CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC CCMADMINS=${'a;'.repeat(600)}b`);
    assert.match(long.refused ?? '', /intune-length-limit/);
    assert.ok(long.length > 1024);
  });

  describe('Graph export', () => {
    const plan = [
      'version: 1', 'name: Contoso', 'comanagement:', '  policies:',
      '    - name: Autopilot', '      installAgent: true', '      priority: 2', '      overrideToIntune: false', '      targetGroup: Autopilot devices',
      "      commandLine: 'CCMSETUPCMD=\"CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC\"'",
      '    - name: With token', "      commandLine: '/mp:https://x.cloudapp.net/CCM_Proxy_MutualAuth/1 /regtoken:eyJhbGciOiJub25lIn0.eyJleHAiOjF9.c2ln'",
    ].join('\n');

    it('maps a policy to a deviceComanagementAuthorityConfiguration body', () => {
      const result = service.exportPolicy(doc(plan, 'p.comanage.yaml'), 0);
      assert.deepEqual(result.body, {
        '@odata.type': '#microsoft.graph.deviceComanagementAuthorityConfiguration',
        displayName: 'Autopilot',
        description: 'Exported by comanage from the plan "Contoso".',
        priority: 2,
        installConfigurationManagerAgent: true,
        configurationManagerAgentCommandLineArgument: 'CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"',
      });
      assert.ok(result.notes.some((n) => /managedDeviceAuthority is left out/.test(n)));
      assert.ok(result.notes.some((n) => /Autopilot devices/.test(n)));
    });

    it('refuses to copy a token, and a policy that does not exist', () => {
      const token = service.exportPolicy(doc(plan, 'p.comanage.yaml'), 1);
      assert.equal(token.body, undefined);
      assert.ok(!JSON.stringify(token).includes('eyJ'));
      assert.match(service.exportPolicy(doc(plan, 'p.comanage.yaml'), 5).refused ?? '', /whole number from 0 to 1; got 5/);
    });

    it('refuses an index that is not a whole number in range, whatever the caller sends', () => {
      // "1" once read the policy with the token past the token check; 0.5 and NaN made up a body.
      for (const index of [Number.NaN, 1.5, 0.5, -1, '0', '1', 2, 99, Infinity, null, undefined, {}] as unknown[]) {
        const result = service.exportPolicy(doc(plan, 'p.comanage.yaml'), index as number);
        assert.equal(result.body, undefined, `index ${String(index)} gave a body`);
        assert.match(result.refused ?? '', /The policy index must be a whole number from 0 to 1; got /, String(index));
      }
    });
  });
});
