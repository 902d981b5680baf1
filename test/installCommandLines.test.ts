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

  it('checks the Intune app\'s line as Intune\'s', () => {
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
