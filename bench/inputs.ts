// Deterministic benchmark inputs, built from the shipped examples so they look like what an admin
// writes: ccmsetup files of 1, 100 and 10,000 lines, manifests from the small example up to 50,000
// lines, and an alias-heavy manifest. Each input carries the cursor positions the benchmark probes.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { scriptInputs } from './scriptInputs';

export interface Probe { label: string; line: number; character: number }

export interface BenchInput {
  id: string;
  /** File name; the servers decide the language from it. */
  fileName: string;
  kind: 'ccmsetup' | 'manifest' | 'powershell' | 'batch';
  description: string;
  text: string;
  lines: number;
  hovers: Probe[];
  completions: Probe[];
  /** A one-character replacement that keeps the document as valid as it was. */
  edit: { line: number; character: number; from: string; to: string };
}

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');

/** Collects lines and remembers where things are, so probes point at real tokens. */
class Writer {
  readonly lines: string[] = [];
  push(line: string): number {
    this.lines.push(line);
    return this.lines.length - 1;
  }
  text(): string { return `${this.lines.join('\n')}\n`; }
  /** The position of `needle` (or just after it) on line `n`. */
  at(label: string, n: number, needle: string, after = false): Probe {
    const col = this.lines[n].indexOf(needle);
    if (col < 0) throw new Error(`bench input: "${needle}" not on line ${n + 1}: ${this.lines[n]}`);
    return { label, line: n, character: after ? col + needle.length : col };
  }
}

/** The command lines of examples/*.ccmsetup, without comments and context directives. */
function exampleCommandLines(): string[] {
  const lines: string[] = [];
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.ccmsetup')).sort()) {
    for (const line of readFileSync(path.join(EXAMPLES, file), 'utf8').split(/\r?\n/)) {
      if (line.trim() && !line.trimStart().startsWith('#')) lines.push(line);
    }
  }
  if (!lines.length) throw new Error('bench input: no command lines in examples/*.ccmsetup');
  return lines;
}

/** Small deterministic changes so the lines aren't all the same; every 25th line carries typos. */
function variant(line: string, i: number): string {
  const site = `P${String(i % 100).padStart(2, '0')}`;
  let out = line.replace(/SMSSITECODE=ABC/g, `SMSSITECODE=${site}`).replace(/contoso/g, `contoso${i}`);
  if (i % 25 === 24) out = out.replace('SMSSITECODE=', 'SMSSITECOD=').replace('/UsePKICert', '/UsePKICrt');
  return out;
}

function ccmsetupInput(lineCount: number): BenchInput {
  const sources = exampleCommandLines();
  const w = new Writer();
  const commandLines: number[] = [];
  let n = 0;
  while (w.lines.length < lineCount) {
    // A comment every 10 lines, like a real file that explains its lines (not in the 1-line file).
    if (lineCount > 1 && w.lines.length % 10 === 0) w.push(`# Ring ${n}: devices in site ${n % 100}`);
    else { commandLines.push(w.push(variant(sources[n % sources.length], n))); n++; }
  }
  const withSiteCode = (from: number) => {
    for (let k = from; k < commandLines.length; k++) if (/SMSSITECODE=/.test(w.lines[commandLines[k]])) return commandLines[k];
    throw new Error('bench input: no SMSSITECODE line');
  };
  const first = commandLines[0];
  const mid = withSiteCode(Math.floor(commandLines.length / 2));
  const last = commandLines[commandLines.length - 1];
  const hovers = [
    w.at('first line, property', first, 'SMSSITECODE'),
    w.at('middle line, property', mid, 'SMSSITECODE'),
    { label: 'last line, program', line: last, character: 1 },
  ];
  const completions = [
    { label: 'first line, end', line: first, character: w.lines[first].length },
    w.at('middle line, property name', mid, 'SMSSITECODE'),
    w.at('middle line, property value', mid, 'SMSSITECODE=', true),
    { label: 'last line, end', line: last, character: w.lines[last].length },
  ];
  const editCol = w.lines[mid].indexOf('SMSSITECODE=') + 'SMSSITECODE='.length + 1;
  const text = w.text();
  return {
    id: `ccmsetup-${lineCount}`,
    fileName: `bench-${lineCount}.ccmsetup`,
    kind: 'ccmsetup',
    description: `${lineCount.toLocaleString('en-US')}-line ccmsetup file (examples' command lines with variations; every 25th line has typos)`,
    text,
    lines: w.lines.length,
    hovers,
    completions,
    edit: { line: mid, character: editCol, from: w.lines[mid][editCol], to: 'Q' },
  };
}

const BASE_MANIFEST = 'new-internet-devices-cmg.comanage.yaml';
const COMMAND_LINE = [
  'CCMSETUPCMD="/UpgradeToLatest CCMHOSTNAME=contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500',
  'SMSSITECODE=ABC AADCLIENTAPPID=7506ee10-f7ec-415a-b415-cd3d58790d97',
  'AADRESOURCEURI=https://contososerver SMSMP=https://mp1.contoso.com"',
];

/** The example's lines before and after its `policies:` list. */
function manifestFrame(): { head: string[]; tail: string[] } {
  const lines = readFileSync(path.join(EXAMPLES, BASE_MANIFEST), 'utf8').replace(/\n$/, '').split('\n');
  const start = lines.findIndex((l) => l.trim() === 'policies:');
  let end = start + 1;
  while (end < lines.length && (lines[end].startsWith('    ') || lines[end].trim() === '')) end++;
  // Keep the blank line that separates the list from the next section.
  while (end > start + 1 && lines[end - 1].trim() === '') end--;
  if (start < 0) throw new Error(`bench input: no policies list in ${BASE_MANIFEST}`);
  return { head: lines.slice(0, start + 1), tail: lines.slice(end) };
}

interface PolicyLines { name: number; targetGroupType: number; commandLine: number; priority: number }

/**
 * How a generated policy is written. `folded`: the example's 10 lines with a folded (>-) command
 * line. `compact`: a comment, 7 lines with a one-line quoted command line (as in the Autopilot
 * example) and a blank line; the 50,000-line file uses it to stay under the core's 2 MiB document limit, so it is
 * analysed rather than skipped. `aliases`: the first policy anchors its command line and group,
 * the others use aliases for them.
 */
type PolicyShape = 'folded' | 'compact' | 'aliases';

/**
 * Writes one co-management policy. Every 50th has a misspelt property in its command line and
 * every 100th a target type the schema rejects, so both servers have something to report.
 */
function writePolicy(w: Writer, i: number, shape: PolicyShape): PolicyLines {
  const no = String(i + 1).padStart(4, '0');
  // Each policy's command line is written differently (the CMG host's letter case follows the bits of
  // the policy number; host names compare case-insensitively), so no server can check one line
  // and reuse the result for the others.
  const own = (part: string) => part.replace('contoso.eastus', (host) => {
    let bit = 0;
    return host.replace(/[a-z]/g, (c) => ((i >> bit++) & 1 ? c.toUpperCase() : c));
  });
  const typo = (part: string) => own(i % 50 === 49 ? part.replace('SMSSITECODE', 'SMSSITECOD') : part);
  const aliased = shape === 'aliases' && i > 0;
  if (shape === 'compact') w.push(`    # branch ${i % 97}`);
  const name = w.push(`    - name: Ring ${no} devices`);
  w.push('      installAgent: true');
  w.push(shape !== 'aliases' ? `      targetGroup: ${shape === 'compact' ? '' : 'Contoso '}Ring ${no}` : aliased ? '      targetGroup: *group' : '      targetGroup: &group Contoso Windows devices');
  const targetGroupType = w.push(`      targetGroupType: ${i % 100 === 99 ? 'devices' : 'device'}`);
  const priority = w.push(`      priority: ${i + 1}`);
  w.push('      overrideToIntune: false');
  let commandLine: number;
  if (aliased) {
    commandLine = w.push('      commandLine: *cmd');
  } else if (shape === 'compact') {
    commandLine = w.push(`      commandLine: '${typo(COMMAND_LINE[0])} ${typo('SMSSITECODE=ABC SMSMP=https://mp1.contoso.com"')}'`);
    w.push('');
  } else {
    commandLine = w.push(`      commandLine: ${shape === 'aliases' ? '&cmd ' : ''}>-`);
    COMMAND_LINE.forEach((part, k) => w.push(`        ${shape === 'folded' ? typo(part) : part}`));
  }
  return { name, targetGroupType, commandLine, priority };
}

function manifestInput(id: string, policyCount: number, shape: PolicyShape, description: string): BenchInput {
  const { head, tail } = manifestFrame();
  const w = new Writer();
  for (const line of head) w.push(line);
  const policies: PolicyLines[] = [];
  for (let i = 0; i < policyCount; i++) policies.push(writePolicy(w, i, shape));
  w.push('');
  const tailStart = w.lines.length;
  for (const line of tail) w.push(line);
  const site = w.lines.findIndex((l) => l === 'site:');
  const workloads = w.lines.findIndex((l, n) => n >= tailStart && l === 'workloads:');
  const mid = policies[Math.floor(policies.length / 2)];
  const last = policies[policies.length - 1];
  // Where SMSSITECODE is written: on the command-line line itself, or on the folded line below it.
  // In the alias-heavy file only the first policy spells its command line out.
  const cmdLine = shape === 'compact' ? mid.commandLine : (shape === 'aliases' ? policies[0] : mid).commandLine + 2;
  const hovers = [
    w.at('top-level key', site, 'site'),
    w.at('middle policy, key', mid.targetGroupType, 'targetGroupType'),
    w.at(`${shape === 'aliases' ? 'anchored' : 'middle policy,'} inside the command line`, cmdLine, 'SMSSITECODE'),
    w.at('last policy, key', last.priority, 'priority'),
  ];
  const completions = [
    w.at('middle policy, enum value', mid.targetGroupType, 'targetGroupType: ', true),
    w.at('middle policy, key', mid.priority, 'priority'),
    w.at(`${shape === 'aliases' ? 'anchored' : 'middle policy,'} inside the command line`, cmdLine, 'SMSSITECODE'),
    w.at('top-level key near the end', workloads, 'workloads'),
  ];
  const nameLine = w.lines[mid.name];
  const editCol = nameLine.indexOf('devices');
  return {
    id,
    fileName: `bench-${id}.comanage.yaml`,
    kind: 'manifest',
    description,
    text: w.text(),
    lines: w.lines.length,
    hovers,
    completions,
    edit: { line: mid.name, character: editCol, from: nameLine[editCol], to: 'D' },
  };
}

function exampleManifest(): BenchInput {
  const text = readFileSync(path.join(EXAMPLES, BASE_MANIFEST), 'utf8');
  const w = new Writer();
  for (const line of text.replace(/\n$/, '').split('\n')) w.push(line);
  const find = (needle: string) => w.lines.findIndex((l) => l.includes(needle));
  const type = find('targetGroupType:');
  const cmd = find('SMSSITECODE=');
  const name = find('- name:');
  return {
    id: 'manifest-example',
    fileName: 'bench-example.comanage.yaml',
    kind: 'manifest',
    description: `examples/${BASE_MANIFEST} as shipped (1 policy)`,
    text,
    lines: w.lines.length,
    hovers: [w.at('top-level key', find('site:'), 'site'), w.at('policy, key', type, 'targetGroupType'), w.at('inside the command line', cmd, 'SMSSITECODE')],
    completions: [w.at('policy, enum value', type, 'targetGroupType: ', true), w.at('policy, key', find('priority:'), 'priority'), w.at('inside the command line', cmd, 'SMSSITECODE')],
    edit: { line: name, character: w.lines[name].indexOf('Install'), from: 'I', to: 'i' },
  };
}

/** Every input of a run, smallest first. */
export function benchInputs(): BenchInput[] {
  return [
    ccmsetupInput(1),
    ccmsetupInput(100),
    ccmsetupInput(10_000),
    exampleManifest(),
    manifestInput('manifest-100', 100, 'folded', `the example with 100 policies, each like the example's (folded command line)`),
    manifestInput('manifest-1000', 1_000, 'folded', `the example with 1,000 policies, each like the example's (folded command line)`),
    manifestInput('manifest-50k', 5_556, 'compact', 'the example with 5,556 policies, each with a comment and a one-line command line'),
    manifestInput('manifest-aliases', 480, 'aliases', '480 policies sharing their command line and group through YAML aliases (958 aliases)'),
    ...scriptInputs(),
  ];
}

/** The body of one small file for the CLI throughput run (1 to 3 command lines). */
export function smallCcmsetupFile(i: number): string {
  const sources = exampleCommandLines();
  const count = 1 + (i % 3);
  const lines = [`# file ${i}`];
  for (let k = 0; k < count; k++) lines.push(variant(sources[(i + k) % sources.length], i + k));
  return `${lines.join('\n')}\n`;
}
