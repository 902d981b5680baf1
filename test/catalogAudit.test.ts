// The catalog re-checked against the newest copy of "About client installation parameters and
// properties" (MicrosoftDocs/memdocs intune/configmgr/..., commit d8d5fa8f): the facts it states,
// and no more (docs/rules-map.md, Catalog audit).
import * as assert from 'node:assert/strict';
import { defaultCatalog } from '../server/src/core/catalog';
import { describeEntry, describeValueType } from '../server/src/core/catalog/describe';
import { CCMSETUP_RETURN_CODES } from '../server/src/core/catalog/returnCodes';
import { explain } from '../server/src/cli/explain';
import { applyFix, problems } from './helpers/core';

const CMG = 'contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500';
const entry = (name: string) => {
  const found = defaultCatalog.findAnyKind(name);
  assert.ok(found, `${name} is in the catalog`);
  return found.entry;
};

describe('catalog audit against the newest reference', () => {
  describe('UPGRADETOLATEST', () => {
    it('is a client.msi property, with /UpgradeToLatest as the older copy\'s form', () => {
      const upgrade = entry('UPGRADETOLATEST');
      assert.equal(upgrade.kind, 'property');
      assert.equal(upgrade.target, 'client.msi');
      assert.equal(defaultCatalog.find('parameter', 'UpgradeToLatest')?.alias?.olderReference, true);
    });

    it('claims no documented value', () => {
      const text = describeEntry(entry('UPGRADETOLATEST'), 'plaintext');
      assert.doesNotMatch(text, /TRUE or FALSE/);
      assert.match(text, /No copy of the reference documents a value/);
      assert.match(text, /Value: no documented value/);
      for (const line of ['ccmsetup.exe UPGRADETOLATEST', 'ccmsetup.exe UPGRADETOLATEST=TRUE', 'ccmsetup.exe UPGRADETOLATEST=1']) {
        assert.deepEqual(problems(line).filter((p) => p.code.startsWith('invalid') || p.code === 'missing-value'), [], line);
      }
    });

    it('warns on the parameter form, says what the older copy said, and moves it to the property', () => {
      const text = `CCMSETUPCMD="/UpgradeToLatest /NoCRLCheck CCMHOSTNAME=${CMG} SMSSITECODE=ABC"`;
      const found = problems(text).find((p) => p.code === 'documented-spelling');
      assert.ok(found);
      assert.equal(found.severity, 'warning');
      assert.match(found.message, /newest reference documents UPGRADETOLATEST as a client\.msi property/);
      assert.match(found.message, /older copy of the page listed \/UpgradeToLatest among the ccmsetup\.exe parameters/);
      assert.match(found.message, /doesn't say the older form fails/);
      const fixed = applyFix(text, 'documented-spelling');
      assert.equal(fixed, `CCMSETUPCMD="/NoCRLCheck CCMHOSTNAME=${CMG} SMSSITECODE=ABC UPGRADETOLATEST=TRUE"`);
      assert.deepEqual(problems(fixed).filter((p) => p.severity === 'error' || p.severity === 'warning'), []);
      assert.equal(applyFix('ccmsetup.exe SMSSITECODE=ABC /UpgradeToLatest:1', 'documented-spelling'), 'ccmsetup.exe SMSSITECODE=ABC UPGRADETOLATEST=1');
    });
  });

  describe('version gates', () => {
    it('states no version for /AllowMetered or /regtoken (the page gives none)', () => {
      assert.equal(entry('AllowMetered').sinceVersion, undefined);
      assert.equal(entry('regtoken').sinceVersion, undefined);
      const codes = problems('# comanage-site-version: 2002\nccmsetup.exe /AllowMetered SMSSITECODE=ABC').map((p) => p.code);
      assert.ok(!codes.includes('requires-newer-site'), codes.join());
    });

    it('gates /AllowMetered in client push at 2103, as the page does', () => {
      assert.equal(entry('AllowMetered').clientPushSince, 2103);
      const found = problems('# comanage-context: push\n# comanage-site-version: 2010\n/AllowMetered SMSSITECODE=ABC').find((p) => p.code === 'requires-newer-site');
      assert.ok(found);
      assert.match(found.message, /Client push accepts \/AllowMetered from Configuration Manager 2103/);
      assert.match(describeEntry(entry('AllowMetered'), 'plaintext'), /client push since Configuration Manager 2103/);
    });
  });

  describe('ranges', () => {
    for (const [line, name] of [['ccmsetup.exe /downloadtimeout:0', '/downloadtimeout'], ['ccmsetup.exe /retry:0', '/retry'],
      ['ccmsetup.exe CCMHTTPPORT=70000', 'CCMHTTPPORT'], ['ccmsetup.exe CCMHTTPSPORT=0', 'CCMHTTPSPORT'], ['ccmsetup.exe SMSCACHESIZE=0', 'SMSCACHESIZE']]) {
      it(`${name}: a bound the page doesn't give is advice, not a documented range`, () => {
        const found = problems(line);
        assert.ok(!found.some((p) => p.code === 'value-out-of-range'), found.map((p) => p.code).join());
        const advice = found.find((p) => p.code === 'value-beyond-advised-bound');
        assert.ok(advice);
        assert.equal(advice.severity, 'hint');
        assert.match(advice.message, /^Advice: the reference gives no range for /);
        assert.match(describeValueType(entry(name.replace('/', '')).value), /no documented range/);
      });
    }

    it('keeps the ranges the page gives as errors', () => {
      for (const line of ['ccmsetup.exe CCMEVALHOUR=24', 'ccmsetup.exe CCMEVALINTERVAL=0', 'ccmsetup.exe CCMLOGMAXSIZE=500']) {
        assert.equal(problems(line).find((p) => p.code === 'value-out-of-range')?.severity, 'error', line);
      }
      assert.equal(describeValueType(entry('CCMEVALHOUR').value), 'integer 0–23 (hour of the day)');
    });
  });

  describe('SMSSITECODE left out', () => {
    it('defaults to AUTO', () => {
      assert.match(entry('SMSSITECODE').defaultValue ?? '', /^AUTO/);
    });

    it('is reported with CCMHOSTNAME, as a warning (the page states AUTO with CCMHOSTNAME, not the omission)', () => {
      const found = problems('ccmsetup.exe /UsePKICert CCMHOSTNAME=mp.contoso.com').find((p) => p.code === 'sitecode-absent-with-ccmhostname');
      assert.ok(found);
      assert.equal(found.severity, 'warning');
      assert.match(found.message, /left out, the client looks its site up as with AUTO/);
    });

    it('is not reported twice where missing-required-for-intune already names it', () => {
      const codes = problems(`CCMSETUPCMD="CCMHOSTNAME=${CMG}"`).map((p) => p.code);
      assert.ok(codes.includes('missing-required-for-intune'));
      assert.ok(!codes.includes('sitecode-absent-with-ccmhostname'));
    });
  });

  describe('AADRESOURCEURI', () => {
    it('accepts the api:// App ID URI the Azure Services page recommends', () => {
      const line = 'ccmsetup.exe AADCLIENTAPPID=aa28e7f1-b88a-43cd-a2e3-f88b257c863b AADRESOURCEURI=api://5e97358c-d99c-4558-af0c-de7774091dda/ConfigMgrService';
      assert.deepEqual(problems(line).filter((p) => p.code === 'invalid-address'), []);
      assert.match(describeEntry(entry('AADRESOURCEURI'), 'plaintext'), /azure-services-wizard/);
    });

    it('still rejects a value that is no URI', () => {
      assert.ok(problems('ccmsetup.exe AADRESOURCEURI=contososerver').some((p) => p.code === 'invalid-address'));
    });
  });

  it('0/1 properties whose section describes one value say so in the hover', () => {
    for (const [name, value] of [['CCMALWAYSINF', '1'], ['CCMCERTNAMECHECK', '0'], ['CCMFIRSTCERT', '1'], ['MANAGEDINSTALLER', '1']]) {
      assert.match(describeEntry(entry(name), 'plaintext'), new RegExp(`describes only the value ${value}`), name);
    }
  });

  it('/NoCRLCheck: the advice to publish the CRL cites the page that gives it', () => {
    const notes = entry('NoCRLCheck').notes ?? [];
    assert.ok(notes.length > 0 && notes.every((n) => n.includes('learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10')), notes.join());
  });

  describe('ccmsetup return codes', () => {
    it('lists the six codes of the page', () => {
      assert.deepEqual(CCMSETUP_RETURN_CODES.map((r) => r.code), [0, 6, 7, 8, 9, 10]);
    });

    it('comanage explain <code> gives the meaning, the log and the link', () => {
      const text = explain('9', [], defaultCatalog);
      assert.match(text, /return code 9/);
      assert.match(text, /prerequisite/i);
      assert.match(text, /ccmsetup\.log/);
      assert.match(text, /#ccmsetupReturnCodes/);
      assert.throws(() => explain('11', [], defaultCatalog), /not a code the co-management documentation explains/);
    });
  });
});
