// Clean plans: documented, correctly configured setups beyond the four examples. Each must open
// with no error or warning diagnostic and no failing or warning readiness check: a finding here is
// a false alarm. Information (a documented fact, advice) may speak: its status is 'info', not 'warn'.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { getLanguageService } from '../server/src/core/languageService';
import { doc } from './helpers/core';

const PLANS = path.join(__dirname, 'fixtures', 'cleanPlans');
// The generated JSON Schema, as the YAML extension checks with it (markdownDescription is VS Code's).
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'schemas', 'comanage-manifest.schema.json'), 'utf8')));

/**
 * Findings a plan is known to raise although its setup is documented: the documentation itself
 * speaks against the setup or states a cost of it, so the finding is the docs' word, not a mistake
 * in the plan. Keep this short, and say why for each.
 */
const DOCUMENTED_ADVICE: Record<string, Record<string, string>> = {
  'hybrid-autopilot-user-driven.comanage.yaml': {
    'autopilot-hybrid-join-not-recommended': 'the Autopilot pages recommend Entra join over hybrid join for new devices',
  },
};

describe('clean plans (test/fixtures/cleanPlans)', () => {
  const files = fs.readdirSync(PLANS).filter((f) => /\.comanage\.ya?ml$/.test(f)).sort();

  it('has clean plans to check', () => {
    assert.ok(files.length >= 4, `expected at least 4 clean plans, found ${files.length}`);
  });

  for (const file of files) {
    describe(file, () => {
      const text = fs.readFileSync(path.join(PLANS, file), 'utf8');

      it('has no error or warning diagnostics', () => {
        const allowed = DOCUMENTED_ADVICE[file] ?? {};
        const found = getLanguageService().analyze(doc(text, file)).filter((p) => (p.severity === 'error' || p.severity === 'warning') && !(String(p.code) in allowed)).map((p) => `${p.code}: ${p.message}`);
        assert.deepEqual(found, []);
      });

      it('is valid against the JSON Schema', () => {
        assert.ok(validate(parse(text)), (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; '));
      });

      it('fails and warns on no readiness check', () => {
        const checks = getLanguageService().getReadiness(doc(text, file));
        assert.ok(checks.length > 20, `${file} should exercise the readiness rules`);
        const allowed = DOCUMENTED_ADVICE[file] ?? {};
        const alarms = checks.filter((c) => (c.status === 'fail' || c.status === 'warn') && !(c.id in allowed)).map((c) => `${c.id}: ${c.message}`);
        assert.deepEqual(alarms, []);
      });

      it('raises every finding it is allowed to, and only those (the list stays current)', () => {
        const checks = getLanguageService().getReadiness(doc(text, file));
        const raised = checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => c.id).sort();
        assert.deepEqual(raised, Object.keys(DOCUMENTED_ADVICE[file] ?? {}).sort());
      });
    });
  }
});
