// The server side of the generators (issue #13 item 5): the chosen authentication held against the
// line, where a generated line may be inserted, the facts a plan offers, the policy command-line
// edit, and untitled documents checked by their language id.
import * as assert from 'node:assert/strict';
import { MANIFEST_TEMPLATES } from '../server/src/core/manifest/templates';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/core/languageService';
import { documentKindOf } from '../server/src/core/languageTypes';
import { setPolicyCommandLine } from '../server/src/core/manifest/setPolicyCommandLine';
import { parse } from 'yaml';
import { explain } from '../server/src/cli/explain';
import { CCMSETUP_RULES } from '../server/src/core/ccmsetup/rules';
import { defaultCatalog } from '../server/src/core/catalog';

const service = getLanguageService();
const CMG = 'contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500';
const codes = (text: string, authentication?: 'entra-id' | 'pki' | 'token') =>
  service.checkCommandLine(text, 'intune', authentication ? { authentication } : undefined).problems.map((p) => p.code);

describe('generator: the chosen authentication', () => {
  it('makes /UsePKICert an error after choosing Microsoft Entra ID, also with nothing else on the line saying Entra', () => {
    const line = `CCMSETUPCMD="/UsePKICert CCMHOSTNAME=${CMG} SMSSITECODE=ABC"`;
    assert.ok(!codes(line).includes('contradicts-chosen-authentication'), 'without a choice the line is judged on its own');
    const found = service.checkCommandLine(line, 'intune', { authentication: 'entra-id' }).problems.find((p) => p.code === 'contradicts-chosen-authentication');
    assert.equal(found?.severity, 'error');
    assert.equal(line.slice(found!.span.start, found!.span.end), '/UsePKICert');
    assert.match(found!.message, /Microsoft Entra ID/);
  });

  it('flags the Entra app properties and /regtoken after choosing PKI, and nothing for the chosen method itself', () => {
    const entra = `CCMSETUPCMD="CCMHOSTNAME=${CMG} SMSSITECODE=ABC AADCLIENTAPPID=aa28e7f1-b88a-43cd-a2e3-f88b257c863b AADRESOURCEURI=https://contososerver"`;
    assert.equal(codes(entra, 'pki').filter((c) => c === 'contradicts-chosen-authentication').length, 2);
    assert.ok(!codes(entra, 'entra-id').includes('contradicts-chosen-authentication'));
    assert.ok(!codes(`ccmsetup.exe /UsePKICert CCMHOSTNAME=${CMG} SMSSITECODE=ABC`, 'pki').includes('contradicts-chosen-authentication'));
  });

  it('says in `comanage explain` that it applies only in the generator', () => {
    assert.match(explain('contradicts-chosen-authentication', CCMSETUP_RULES, defaultCatalog), /Only in the command-line generator, after choosing this authentication: entra-id\./);
    assert.doesNotMatch(explain('pki-cert-with-entra', CCMSETUP_RULES, defaultCatalog), /Only in the command-line generator/);
  });

  it('never reads an intent from a file', () => {
    const doc = TextDocument.create('file:///t/a.ccmsetup', 'ccmsetup', 1, `ccmsetup.exe /UsePKICert CCMHOSTNAME=${CMG} SMSSITECODE=ABC`);
    assert.ok(!service.analyze(doc).some((p) => p.code === 'contradicts-chosen-authentication'));
  });
});

describe('generator: where a line may be inserted', () => {
  const at = (uri: string, marked: string, languageId = 'plaintext') => {
    const offset = marked.indexOf('|');
    const doc = TextDocument.create(uri, languageId, 1, marked.replace('|', ''));
    return service.insertionPoint(doc, doc.positionAt(offset), 'CCMSETUPCMD="SMSSITECODE=ABC"');
  };

  it('takes it in a ccmsetup file, and in an untitled document whose language is ccmsetup', () => {
    assert.deepEqual(at('file:///t/a.ccmsetup', '# x\n|'), { kind: 'ccmsetup', text: 'CCMSETUPCMD="SMSSITECODE=ABC"' });
    assert.equal(at('untitled:Untitled-1', '|', 'ccmsetup').text, 'CCMSETUPCMD="SMSSITECODE=ABC"');
  });

  it('refuses a manifest, a plain file and a script outside an invocation', () => {
    const manifest = at('file:///t/plan.comanage.yaml', 'licensing:\n  entraId: |\n');
    assert.equal(manifest.kind, 'manifest');
    assert.equal(manifest.text, undefined);
    assert.match(manifest.refused ?? '', /policy/);
    assert.equal(at('file:///t/notes.txt', '|').text, undefined);
    assert.equal(at('file:///t/x.ps1', 'Write-Host "hi |"\nStart-Process ccmsetup.exe -ArgumentList "/mp:x"\n').text, undefined);
  });

  it('takes only the arguments inside a ccmsetup.exe invocation (no program, no CCMSETUPCMD wrapper), escaped for that string', () => {
    const point = at('file:///t/x.ps1', 'Start-Process ccmsetup.exe -ArgumentList "/mp:x |"\n');
    assert.equal(point.kind, 'powershell');
    assert.equal(point.text, 'SMSSITECODE=ABC');
    let n = 0;
    const line = (text: string, marked: string) => {
      const offset = marked.indexOf('|');
      const doc = TextDocument.create(`file:///t/${++n}/x.ps1`, 'powershell', 1, marked.replace('|', ''));
      return service.insertionPoint(doc, doc.positionAt(offset), text).text;
    };
    assert.equal(line('"C:\\Client\\ccmsetup.exe" /mp:mp01 SMSSITECODE="A B"', 'Start-Process ccmsetup.exe -ArgumentList "/logon |"\n'), '/mp:mp01 SMSSITECODE=`"A B`"');
    // msiexec of ccmsetup.msi takes the CCMSETUPCMD property as it is.
    assert.equal(line('CCMSETUPCMD="SMSSITECODE=ABC"', "msiexec /i ccmsetup.msi /qn 'REBOOT=R |'\n"), 'CCMSETUPCMD="SMSSITECODE=ABC"');
  });
});

describe('generator: facts from a plan', () => {
  const facts = (text: string) => service.planFacts(TextDocument.create('file:///t/p.comanage.yaml', 'comanage-manifest', 1, text));

  it('reads the site code, CMG address, management point and client authentication', () => {
    const text = `version: 1\nsite:\n  code: XYZ\n  clientAuthentication: pki\n  managementPoint: https://mp1.contoso.com\n  cmg:\n    address: ${CMG}\n`;
    assert.deepEqual(facts(text), { siteCode: 'XYZ', cmg: CMG, managementPoint: 'https://mp1.contoso.com', authentication: 'pki' });
  });

  it('offers no value the format doesn\'t accept', () => {
    assert.deepEqual(facts('version: 1\nsite:\n  code: ABCD\n  clientAuthentication: certificate\n  managementPoint: 12\n'), {});
    assert.deepEqual(facts('not: [valid'), {});
    assert.deepEqual(service.planFacts(TextDocument.create('file:///t/a.ccmsetup', 'ccmsetup', 1, 'site:\n  code: ABC\n')), {});
  });

  it('offers nothing from an untouched template: placeholders are no facts', () => {
    for (const template of MANIFEST_TEMPLATES) assert.deepEqual(facts(template.text), {}, template.path);
  });
});

describe('generator: set as a policy\'s command line', () => {
  const apply = (text: string, index: number, line: string) => {
    const result = setPolicyCommandLine(text, index, line);
    if ('refused' in result) throw new Error(result.refused);
    let out = text;
    for (const e of [...result.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    return out;
  };
  const LINE = `CCMSETUPCMD="CCMHOSTNAME=${CMG} SMSSITECODE=ABC" it's`;
  const PLAN = [
    '# the plan',
    'comanagement:',
    '  policies:',
    '    - name: Pilot   # first',
    '      priority: 1  # keep me',
    '    - name: All',
    '      commandLine: |',
    '        CCMSETUPCMD="x"',
    '      priority: 2',
    'windows: {}',
    '',
  ].join('\n');

  it('adds the key to a policy without one, quoted, keeping comments', () => {
    const out = apply(PLAN, 0, LINE);
    assert.equal(parse(out).comanagement.policies[0].commandLine, LINE);
    assert.ok(out.includes('      priority: 1  # keep me\n      commandLine: \''), out);
    assert.ok(out.startsWith('# the plan\n') && out.includes('# first'));
  });

  it('replaces an existing value in place, a block scalar included', () => {
    const out = apply(PLAN, 1, LINE);
    assert.equal(parse(out).comanagement.policies[1].commandLine, LINE);
    assert.equal(parse(out).comanagement.policies[1].priority, 2);
    assert.equal(out.split('\n').length, PLAN.split('\n').length - 1);
  });

  it('fills an empty value and keeps CRLF line ends', () => {
    const text = 'comanagement:\r\n  policies:\r\n    - name: A\r\n      commandLine:\r\n    - name: B\r\n';
    assert.equal(parse(apply(text, 0, LINE)).comanagement.policies[0].commandLine, LINE);
    const added = apply(text, 1, LINE);
    assert.equal(parse(added).comanagement.policies[1].commandLine, LINE);
    assert.ok(!/[^\r]\n/.test(added), 'a bare LF was added');
  });

  it('refuses a token, a missing policy and a broken plan', () => {
    assert.ok('refused' in setPolicyCommandLine(PLAN, 0, 'CCMSETUPCMD="/regtoken:abc"'));
    assert.ok('refused' in setPolicyCommandLine(PLAN, 5, LINE));
    assert.ok('refused' in setPolicyCommandLine('comanagement: [', 0, LINE));
  });
});

describe('untitled documents', () => {
  it('go by their language id only when untitled', () => {
    assert.equal(documentKindOf('untitled:Untitled-1', 'ccmsetup'), 'ccmsetup');
    assert.equal(documentKindOf('untitled:Untitled-2', 'comanage-manifest'), 'manifest');
    assert.equal(documentKindOf('untitled:Untitled-3', 'plaintext'), 'none');
    assert.equal(documentKindOf('file:///t/x.txt', 'ccmsetup'), 'none');
  });

  it('are checked like a file', () => {
    const doc = TextDocument.create('untitled:Untitled-1', 'ccmsetup', 1, 'ccmsetup.exe /mp=x SMSSITECODE=ABC');
    assert.ok(service.analyze(doc).some((p) => p.code === 'parameter-uses-equals'));
  });
});
