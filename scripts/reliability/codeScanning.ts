// Figures for RELIABILITY.md's "Code scanning and packaging" section: the SARIF log checked against
// the OASIS schemas and the SARIF Multitool's GitHub rules, fingerprint stability under random
// edits, and what the npm tarball and the .vsix hold. Needs dist/ built (npm run reliability does).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FINGERPRINT_KEY, buildSarif } from '../../server/src/cli/format/sarif';
import { DIAGNOSTIC_CODES } from '../../server/src/core/diagnosticCodes';
import { getLanguageService } from '../../server/src/core/languageService';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SCHEMAS = path.join(ROOT, 'test', 'fixtures', 'sarif');
const PLAN = [
  '# pilot devices',
  'ccmsetup.exe /UsePKICrt SMSSITECODE=ABC /mp:mp01 SMSSITECODE=ABC',
  'ccmsetup.exe /mp:https://mp1.contoso.com SMSSITECODE=ABCD CCMHOSTNAME=cmg.contoso.com',
  'ccmsetup.exe /UsePKICrt',
];

export async function codeScanningReliability(): Promise<string[]> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-reliability-sarif-')));
  try {
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'plans'));
    fs.writeFileSync(path.join(dir, 'plans', 'pilot.ccmsetup'), `${PLAN.join('\n')}\n`);
    fs.writeFileSync(path.join(dir, 'plans', 'pilot.comanage.yaml'), 'version: 1\nsite:\n  cod: ABC\n');
    const run = spawnSync(process.execPath, [CLI, 'check', 'plans', '--format', 'sarif'], { cwd: dir, encoding: 'utf8' });
    const log = JSON.parse(run.stdout) as Sarif.Log;
    const results = log.runs[0].results ?? [];
    const rules = log.runs[0].tool.driver.rules ?? [];
    const complete = rules.filter((r) => r.shortDescription?.text && r.fullDescription?.text && r.help?.text && r.help.markdown && r.helpUri).length;

    const schemaErrors = [
      ['sarif-schema-2.1.0.json', new AjvDraft04({ allErrors: true, strict: false })],
      ['sarif-schema-2.1.0-draft07.json', new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })],
    ].map(([file, ajv]) => {
      const validator = ajv as Ajv;
      addFormats(validator);
      const validate = validator.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, file as string), 'utf8')));
      validate(log);
      return `${file}: ${validate.errors?.length ?? 0} errors`;
    });

    const binary = require('@microsoft/sarif-multitool') as string;
    fs.writeFileSync(path.join(dir, 'comanage.sarif'), run.stdout);
    const started = Date.now();
    execFileSync(binary, ['validate', path.join(dir, 'comanage.sarif'), '--rule-kind', 'Gh', '--level', 'Error', 'Warning', 'Note', '--output', path.join(dir, 'gh.sarif'), '--log', 'ForceOverwrite'], { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
    const multitoolMs = Date.now() - started;
    const multitool = (JSON.parse(fs.readFileSync(path.join(dir, 'gh.sarif'), 'utf8')) as Sarif.Log).runs[0].results ?? [];

    const { kept, edits, changed, lineEdits } = fingerprintStability();

    const npm = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as { size: number; files: unknown[] }[];
    const vsix = path.join(dir, 'comanage.vsix');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    const vsixEntries = execFileSync(process.execPath, ['-e', ZIP_COUNT, vsix], { encoding: 'utf8' }).trim();

    return [
      `- SARIF log of a sample repository (${results.length} results, ${rules.length} rules): ${schemaErrors.join(', ')} (OASIS SARIF 2.1.0 schemas, ajv); ` +
        `\`sarif-multitool validate --rule-kind Gh\` (5.7.0): ${multitool.length} findings in ${(multitoolMs / 1000).toFixed(1)} s.`,
      `- Rules with short and full description, help text and Markdown and a help link: ${complete} of ${rules.length}.`,
      `- Fingerprints: ${kept} of ${edits} kept across random edits that leave the words of each finding's line alone (comment lines added above, another line edited, the spacing of a finding's line changed); ` +
        `${changed} of ${lineEdits} changed when the finding's own line changed.`,
      `- \`npm pack\`: ${npm[0].files.length} files, ${(npm[0].size / 1024).toFixed(0)} KB; .vsix: ${vsixEntries} entries, ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB.`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Random edits around the findings of PLAN, with a fixed seed: how many fingerprints survive. */
function fingerprintStability(): { kept: number; edits: number; changed: number; lineEdits: number } {
  const service = getLanguageService({});
  /** Each finding's line and fingerprint. */
  const prints = (lines: string[]) => {
    const text = `${lines.join('\n')}\n`;
    const diagnostics = service.doValidation(TextDocument.create('file:///r/p.ccmsetup', 'ccmsetup', 1, text));
    const log = buildSarif([{ file: 'p.ccmsetup', path: '/r/p.ccmsetup', text, diagnostics }], { name: 'c', version: '0', informationUri: 'https://x/', rules: DIAGNOSTIC_CODES }, { base: '/r' });
    return (log.runs[0].results ?? []).map((r) => ({ line: (r.locations?.[0].physicalLocation?.region?.startLine ?? 0) - 1, print: r.partialFingerprints?.[FINGERPRINT_KEY] ?? '' }));
  };
  const base = prints(PLAN);
  let seed = 7;
  const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  let kept = 0;
  let edits = 0;
  for (let i = 0; i < 200; i++) {
    const lines = [...PLAN];
    const kind = random(3);
    if (kind === 0) lines.unshift(...Array.from({ length: 1 + random(5) }, (_, k) => `# note ${i}.${k}`));
    else if (kind === 1) lines[0] = `# pilot devices, edit ${i}`;
    else lines[2] = `${' '.repeat(random(4))}${lines[2].replace(/ /g, ' '.repeat(1 + random(3)))}`;
    const after = new Set(prints(lines).map((p) => p.print));
    for (const { print } of base) { edits++; if (after.has(print)) kept++; }
  }
  // Changing a finding's own line (the last one, a second /UsePKICrt) must give that finding a new fingerprint.
  let changed = 0;
  let lineEdits = 0;
  const before = new Set(base.map((p) => p.print));
  for (let i = 0; i < 50; i++) {
    const lines = [...PLAN];
    lines[3] = `${lines[3]} SMSMP=mp${i}.contoso.com`;
    for (const { line, print } of prints(lines)) {
      if (line !== 3) continue;
      lineEdits++;
      if (!before.has(print)) changed++;
    }
  }
  return { kept, edits, changed, lineEdits };
}

const ZIP_COUNT = "const b=require('fs').readFileSync(process.argv[1]);const e=b.lastIndexOf(Buffer.from([0x50,0x4b,5,6]));console.log(b.readUInt16LE(e+10))";
