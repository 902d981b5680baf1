// Everything in examples/ is a model to copy: it must open with no finding at all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostOfPath } from '../server/src/core/hosts';
import { getLanguageService } from '../server/src/core/languageService';
import { doc } from './helpers/core';

const EXAMPLES = path.join(__dirname, '..', 'examples');

describe('examples/', () => {
  const files = fs.readdirSync(EXAMPLES).filter((f) => /\.(ccmsetup|comanage\.ya?ml|ps1|psm1|cmd|bat)$/.test(f));

  it('has a manifest for each setup path in the documentation', () => {
    const paths = files.filter((f) => f.includes('.comanage.')).map((f) => /^path: (\S+)$/m.exec(fs.readFileSync(path.join(EXAMPLES, f), 'utf8'))?.[1]).sort();
    assert.deepEqual(paths, ['autopilot', 'existing-clients', 'managed-desktop', 'new-internet-devices']);
  });

  for (const file of files) {
    it(`${file} opens clean`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const found = getLanguageService().analyze(doc(text, file)).map((p) => `${p.code}: ${p.message}`);
      assert.deepEqual(found, []);
      // A script example shows an invocation: one the host finds, not a file it ignores.
      const host = hostOfPath(file.toLowerCase());
      if (host) assert.ok(host.findLines(text).length > 0, `${file} starts no ccmsetup`);
    });
  }

  it('manifests fail no readiness check', () => {
    for (const file of files.filter((f) => f.includes('.comanage.'))) {
      const checks = getLanguageService().getReadiness(doc(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'), file));
      assert.ok(checks.length > 20, `${file} should exercise the readiness rules`);
      assert.deepEqual(checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => c.id), [], file);
    }
  });
});
