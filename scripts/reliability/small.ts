// Figures for the "smaller" fixes of issue 11: the JSON Schema and the server's structure check
// compared over every example, fixture and key (with ajv), and the longest validation step on
// files that stress the new directive handling and line-end reading.
import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { defaultCatalog } from '../../server/src/core/catalog';
import { getLanguageService } from '../../server/src/core/languageService';
import { parseAndPlan } from '../../server/src/core/manifest/analyze';
import { MANIFEST_RULES } from '../../server/src/core/manifest/rules';
import { STRUCTURE_CODES, checkStructureSteps } from '../../server/src/core/manifest/structure';
import { drain } from '../../server/src/core/steps';

const ROOT = path.join(__dirname, '..', '..');
const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** Documents judged by both, and how many verdicts (valid / invalid) differ. */
function parity(): { judged: number; differ: string[] } {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/comanage-manifest.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.comanage.yaml')).map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));
  const fixtures = [...STRUCTURE_CODES, ...MANIFEST_RULES].flatMap((r) => [...r.examples.fail, ...r.examples.pass]);
  let judged = 0;
  const differ: string[] = [];
  for (const text of [...examples, ...fixtures]) {
    const { document } = parseAndPlan(text, defaultCatalog);
    const yaml = parseDocument(text, { uniqueKeys: false });
    if (yaml.errors.length || document.problems.length) continue;
    judged++;
    const server = drain(checkStructureSteps(document.root, document.text)).length === 0;
    if (server !== validate(yaml.toJS())) differ.push(text.split('\n').slice(0, 3).join(' / '));
  }
  return { judged, differ };
}

/** The longest single step of validating `text` (ms), and the whole validation. */
function longestStep(name: string, text: string): { longest: number; total: number; findings: number } {
  const service = getLanguageService();
  const document = TextDocument.create(`file:///reliability/${name}`, 'plaintext', 1, text);
  const steps = service.validationSteps(document);
  let longest = 0;
  let total = 0;
  for (;;) {
    const start = performance.now();
    const next = steps.next();
    const took = performance.now() - start;
    longest = Math.max(longest, took);
    total += took;
    if (next.done) return { longest, total, findings: next.value.length };
  }
}

export async function smallFixes(): Promise<string[]> {
  const { judged, differ } = parity();
  const line = 'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC /UsePKICrt';
  const inputs: [string, string][] = [
    ['directives.ccmsetup', Array.from({ length: 15_000 }, (_, i) => `# comanage-disable-next-line unknwn-parameter-${i % 7}\n${line}`).join('\n')],
    ['lone-cr.ccmsetup', Array.from({ length: 20_000 }, () => line).join('\r')],
    ['lf.ccmsetup', Array.from({ length: 20_000 }, () => line).join('\n')],
    ['directives.comanage.yaml', `version: 1\ncomanagement:\n  policies:\n${Array.from({ length: 2_000 }, (_, i) => `    # comanage-disable-next-line ccmhostname-has-scheme, manifest-unknwn-key\n    - name: p${i}\n      # comanage-disabel-next-line\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=https://cmg.contoso.com SMSSITECODE=ABC"\n`).join('')}`],
    ['plain.comanage.yaml', `version: 1\ncomanagement:\n  policies:\n${Array.from({ length: 2_000 }, (_, i) => `    - name: p${i}\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=https://cmg.contoso.com SMSSITECODE=ABC"\n`).join('')}`],
  ];
  const rows = inputs.map(([name, text]) => {
    const { longest, total, findings } = longestStep(name, text);
    return `| ${name} | ${n(text.length / 1024)} KB | ${longest.toFixed(1)} ms | ${n(total)} ms | ${n(findings)} |`;
  });
  return [
    `The generated JSON Schema (checked with ajv) and the server's structure check give the same verdict on ${judged} of ${judged} example and fixture manifests${differ.length ? `; **FAILED**: they differ on ${differ.length}: ${differ.join('; ')}` : ''}; \`test/schemaParity.test.ts\` also compares them key by key, for every key of the format with text, numbers, true/false, empty values, lists and mappings.`,
    '',
    '| input | size | longest step | whole validation | findings |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

if (require.main === module) void smallFixes().then((lines) => console.log(lines.join('\n')));
