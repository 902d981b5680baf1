// Command lines a plan holds outside the co-management policies (issue #14): client push's
// Installation Properties and the Intune app that installs ccmsetup.msi. The ccmsetup rules check
// each in its own context, with ranges in the YAML file, and hover and completion reach them.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/core/languageService';
import { problems } from './helpers/core';

const PLAN = 'plan.comanage.yaml';
const at = (text: string, code: string) => problems(text, {}, PLAN).filter((p) => p.code === code).map((p) => text.slice(p.span.start, p.span.end));

describe('command lines outside the policies', () => {
  it('checks client push\'s line in the push context', () => {
    const text = 'version: 1\nsite:\n  code: ABC\n  clientPush:\n    commandLine: /mp:mp01.contoso.com SMSSITECODE=ABC\n';
    assert.deepEqual(at(text, 'not-allowed-in-client-push'), ['/mp']);
    // The same line in a policy is Intune's, where /mp is no client push question.
    assert.deepEqual(at('version: 1\ncomanagement:\n  policies:\n    - name: p\n      commandLine: /mp:mp01.contoso.com SMSSITECODE=ABC\n', 'not-allowed-in-client-push'), []);
    assert.deepEqual(at('version: 1\nsite:\n  clientPush:\n    commandLine: /BITSPriority:HIGH SMSSITECODE=ABC\n', 'not-allowed-in-client-push'), []);
  });

  it('asks no program name of client push\'s or group policy\'s properties', () => {
    // The Installation Properties tab and the CCMSetup box hold properties (and, for push, a few parameters) only.
    for (const text of [
      'version: 1\nsite:\n  code: ABC\n  clientPush:\n    commandLine: SMSSITECODE=ABC\n',
      'version: 1\nsite:\n  code: ABC\n  clientPush:\n    commandLine: /BITSPriority:NORMAL /UsePKICert SMSSITECODE=ABC SMSMP=mp01.contoso.com FSP=fsp01.contoso.com\n',
      'version: 1\nsite:\n  installPropertiesGpo: true\n  installPropertiesGpoCommandLine: SMSSITECODE=ABC SMSMP=mp01.contoso.com FSP=fsp01.contoso.com\n',
    ]) assert.deepEqual(problems(text, {}, PLAN).map((p) => p.code), [], text);
  });

  it('checks the Intune app\'s line as ccmsetup.msi\'s arguments, or as the program its install command names', () => {
    // The deployment page's line for a traditional intranet client has no CCMHOSTNAME (#bkmk_mdm).
    const intranet = 'version: 1\ncomanagement:\n  clientInstallMethod: intune-lob-app\n  intuneApp:\n    commandLine: CCMSETUPCMD="/MP:mp01.contoso.com SMSMP=mp01.contoso.com SMSSITECODE=ABC DNSSUFFIX=contoso.com"\n';
    assert.deepEqual(problems(intranet, {}, PLAN).map((p) => p.code), []);
    // A Win32 app's install command that runs ccmsetup.exe is a ccmsetup.exe line.
    const exe = 'version: 1\ncomanagement:\n  clientInstallMethod: intune-win32-app\n  intuneApp:\n    commandLine: ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC\n';
    assert.deepEqual(problems(exe, {}, PLAN).map((p) => p.code), []);
    assert.deepEqual(at('version: 1\ncomanagement:\n  intuneApp:\n    commandLine: ccmsetup.exe CCMSETUPCMD="SMSSITECODE=ABC"\n', 'ccmsetupcmd-not-for-exe'), ['CCMSETUPCMD']);
    assert.deepEqual(at('version: 1\ncomanagement:\n  intuneApp:\n    commandLine: CCMSETUPCMD="SMSSITECODE=ABC" /UsePKICert\n', 'outside-ccmsetupcmd'), ['/UsePKICert']);
    // A line through a CMG still needs both properties.
    const text = 'version: 1\ncomanagement:\n  clientInstallMethod: intune-lob-app\n  intuneApp:\n    commandLine: CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1"\n';
    assert.equal(at(text, 'missing-required-for-intune').length, 1);
    const long = `version: 1\ncomanagement:\n  intuneApp:\n    commandLine: CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC CCMADMINS=${'contoso\\\\admin;'.repeat(70)}x"\n`;
    assert.equal(at(long, 'intune-length-limit').length, 1);
  });

  it('checks a script\'s and group policy\'s lines as ccmsetup.exe lines', () => {
    const script = 'version: 1\ncomanagement:\n  installCommandLine: ccmsetup.exe CCMSETUPCMD="SMSSITECODE=ABC"\n';
    assert.deepEqual(at(script, 'ccmsetupcmd-not-for-exe'), ['CCMSETUPCMD']);
    const gpo = 'version: 1\nsite:\n  installPropertiesGpoCommandLine: CCMSETUPCMD="SMSSITECODE=ABC"\n';
    assert.deepEqual(at(gpo, 'ccmsetupcmd-not-for-exe'), ['CCMSETUPCMD']);
  });

  it('hovers a name on those lines like one on a policy\'s line', () => {
    const text = 'version: 1\nsite:\n  clientPush:\n    commandLine: /BITSPriority:HIGH SMSSITECODE=ABC\n';
    const doc = TextDocument.create('file:///tmp/lines/plan.comanage.yaml', 'yaml', 1, text);
    const hover = getLanguageService().doHover(doc, doc.positionAt(text.indexOf('SMSSITECODE') + 3));
    assert.match(JSON.stringify(hover?.contents ?? ''), /SMSSITECODE/);
  });
});
