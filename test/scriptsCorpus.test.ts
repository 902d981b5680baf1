// Every script of test/fixtures/scripts/ through the language service, compared with its sidecar
// (<name>.expected.json: line, code and the exact characters covered). Clean twins, scripts that
// never start ccmsetup and suppressed ones expect nothing. See the folder's README.md.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/core/languageService';

const DIR = join(__dirname, 'fixtures', 'scripts');
const LANGUAGE: Record<string, string> = { '.ps1': 'powershell', '.psm1': 'powershell', '.cmd': 'bat', '.bat': 'bat' };

interface Expected { line: number; code: string; text: string }

const scripts = readdirSync(DIR).filter((f) => Object.keys(LANGUAGE).some((ext) => f.toLowerCase().endsWith(ext))).sort();
const nameOf = (file: string) => file.replace(/\.[^.]+$/, '');
const key = (e: Expected) => `${e.line} ${e.code} ${JSON.stringify(e.text)}`;

describe('script corpus', () => {
  it('holds at least 25 PowerShell and 10 batch scripts, each with one sidecar, mistakes with clean twins', () => {
    const ps = scripts.filter((f) => /\.psm?1$/i.test(f));
    const batch = scripts.filter((f) => /\.(cmd|bat)$/i.test(f));
    assert.ok(ps.length >= 25, `${ps.length} PowerShell scripts`);
    assert.ok(batch.length >= 10, `${batch.length} batch scripts`);
    assert.equal(new Set(scripts.map(nameOf)).size, scripts.length, 'two scripts share a sidecar name');
    const sidecars = readdirSync(DIR).filter((f) => f.endsWith('.expected.json'));
    assert.deepEqual(sidecars.map((f) => f.slice(0, -'.expected.json'.length)).sort(), scripts.map(nameOf).sort());
    for (const file of scripts) {
      const expected: Expected[] = JSON.parse(readFileSync(join(DIR, `${nameOf(file)}.expected.json`), 'utf8'));
      if (!expected.length || file.includes('.clean.')) continue;
      const twin = file.replace(/(\.[^.]+)$/, '.clean$1');
      assert.ok(scripts.includes(twin), `${file} has no clean twin ${twin}`);
    }
  });

  for (const file of scripts) {
    it(file, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
      const document = TextDocument.create(`file:///corpus/${file}`, LANGUAGE[ext], 1, text);
      const expected: Expected[] = JSON.parse(readFileSync(join(DIR, `${nameOf(file)}.expected.json`), 'utf8'));
      const actual: Expected[] = getLanguageService().analyze(document).map((p) => ({
        line: document.positionAt(p.span.start).line + 1, code: p.code, text: text.slice(p.span.start, p.span.end),
      }));
      assert.deepEqual(actual.map(key).sort(), expected.map(key).sort());
    });
  }
});
