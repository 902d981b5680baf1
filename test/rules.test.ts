// Every rule's own fixtures: each failing example raises the rule, each passing one doesn't.
import * as assert from 'node:assert/strict';
import { CCMSETUP_RULES } from '../server/src/core/ccmsetup/rules';
import { getLanguageService } from '../server/src/core/languageService';
import type { CcmsetupRule } from '../server/src/core/ccmsetup/rules';
import { codes as fileCodes } from './helpers/core';

/** A fixture's codes: a whole file, or with an intent one line as the generator checks it. */
const codesFor = (rule: CcmsetupRule) => (example: string) => (rule.examples.intent
  ? getLanguageService().checkCommandLine(example, undefined, rule.examples.intent).problems.map((p) => p.code)
  : fileCodes(example, {}, rule.examples.file));

describe('ccmsetup rules: fixtures', () => {
  it('has unique ids in kebab-case, each with a doc link and fixtures', () => {
    const ids = CCMSETUP_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of CCMSETUP_RULES) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/, rule.id);
      assert.match(rule.docUrl, /^https:\/\/learn\.microsoft\.com\//, rule.id);
      assert.ok(rule.examples.fail.length > 0 && rule.examples.pass.length > 0, `${rule.id} needs failing and passing fixtures`);
    }
  });

  for (const rule of CCMSETUP_RULES) {
    const codes = codesFor(rule);
    describe(rule.id, () => {
      rule.examples.fail.forEach((example, i) => {
        it(`raises on failing fixture ${i + 1}`, () => {
          assert.ok(codes(example).includes(rule.id), `expected ${rule.id} in ${JSON.stringify(codes(example))} for ${example}`);
        });
      });
      rule.examples.pass.forEach((example, i) => {
        it(`stays quiet on passing fixture ${i + 1}`, () => {
          assert.ok(!codes(example).includes(rule.id), `did not expect ${rule.id} for ${example}`);
        });
      });
    });
  }
});

describe('script variables', () => {
  it('treats a delayed-expansion !VAR! like %VAR%: one script-variable finding, no value or address finding', () => {
    const percent = 'ccmsetup.exe /mp:%MP% /source:%SRC% SMSSITECODE=%CODE% CCMHOSTNAME=%CMG% SMSCACHESIZE=%SIZE% SMSMP=%SMSMP%';
    const bang = percent.replace(/%(\w+)%/g, '!$1!');
    assert.deepEqual(fileCodes(bang), fileCodes(percent));
    assert.deepEqual(fileCodes(bang), Array(6).fill('script-variable'));
  });
});
