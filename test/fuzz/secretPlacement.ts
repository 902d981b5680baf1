// Where a bulk registration token can end up in a document, and everything a document produces.
// Shared by the property in test/secrets.test.ts and the figures in scripts/reliability/secrets.ts:
// a random realistic token is placed in one of PLACEMENTS (whole, wrapped at a random column,
// split by a space, folded by YAML, in a name, a group, a key, a comment, a file name), every
// output is collected, and leaksOf names the outputs that show any 8-character piece of it.
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkFiles, checkTextDocument } from '../../server/src/cli/check';
import { collectFiles } from '../../server/src/cli/files';
import type { FileResult } from '../../server/src/cli/format/types';
import { formatJson } from '../../server/src/cli/format/json';
import { formatSarif } from '../../server/src/cli/format/sarif';
import { formatText } from '../../server/src/cli/format/text';
import { formatReadinessJson, formatReadinessText } from '../../server/src/cli/readiness';
import { DIAGNOSTIC_CODES } from '../../server/src/core/diagnosticCodes';
import { LanguageService, getLanguageService } from '../../server/src/core/languageService';
import { Position } from '../../server/src/core/languageTypes';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const run = (min: number, max: number, chars: string[] = B64URL) => fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max });
const ALNUM = B64URL.slice(0, 62);

/**
 * A JWT shaped like a bulk registration token: an RS256 header (so it starts with "eyJ"), a payload
 * with the claims such tokens carry, and a 2048-bit RSA signature (342 characters): 900-1,200 in all.
 */
export const bulkToken: fc.Arbitrary<string> = fc.record({
  x5t: run(27, 27), kid: run(27, 27), tid: fc.uuid(), oid: fc.uuid(), appid: fc.uuid(),
  iat: fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }), days: fc.integer({ min: 1, max: 180 }),
  upn: run(4, 20, ALNUM), uti: run(22, 22), extra: run(0, 120, ALNUM), signature: run(342, 342),
}).map((c) => [
  b64url({ typ: 'JWT', alg: 'RS256', x5t: c.x5t, kid: c.kid }),
  b64url({
    aud: 'urn:ms-drs:enterpriseregistration.windows.net', iss: `https://sts.windows.net/${c.tid}/`, iat: c.iat, nbf: c.iat,
    exp: c.iat + c.days * 86_400, acr: '1', amr: ['pwd'], appid: c.appid, appidacr: '0', idp: `https://sts.windows.net/${c.tid}/`,
    oid: c.oid, scp: 'self_service_device_delete', tid: c.tid, unique_name: `package_${c.oid}@contoso.onmicrosoft.com`,
    upn: `${c.upn}@contoso.onmicrosoft.com`, uti: c.uti, ver: '1.0', Type: 'BulkRegistration', extra: c.extra,
  }),
  c.signature,
].join('.'));

const CMG = 'ccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC';
export const CCMSETUP_NAME = 'plans/site.ccmsetup';
export const MANIFEST_NAME = 'plans/site.comanage.yaml';

/** How the token's text is laid out where it is placed. */
export interface Shape {
  /** Where a wrap or split cuts the token (0..1 of its length). */
  cut: number;
  /** What starts the continuation line: indentation, a mail client's quote mark, nothing. */
  indent: string;
  /** A mail client's line width, for tokens wrapped again and again. */
  width: number;
}
export const shapeOf: fc.Arbitrary<Shape> = fc.record({
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  indent: fc.constantFrom('', ' ', '  ', '    ', '\t', '        ', '> ', '# '),
  width: fc.integer({ min: 30, max: 100 }),
});
const cutAt = (token: string, s: Shape) => 1 + Math.floor(s.cut * (token.length - 2));
/** The token wrapped once onto the next line at a random column. */
const wrapped = (token: string, s: Shape, indent = s.indent) => `${token.slice(0, cutAt(token, s))}\n${indent}${token.slice(cutAt(token, s))}`;
/** The token split in two by a space. */
const split = (token: string, s: Shape) => `${token.slice(0, cutAt(token, s))} ${token.slice(cutAt(token, s))}`;
/** A whole line wrapped by a mail client every `width` characters, each continuation with the same prefix. */
const mailWrapped = (line: string, s: Shape) => {
  const pieces: string[] = [];
  for (let i = 0; i < line.length; i += s.width) pieces.push(line.slice(i, i + s.width));
  return pieces.join(`\n${s.indent}`);
};

const manifest = (parts: { name?: string; policyName?: string; group?: string; commandLine?: string; extraKey?: string; comment?: string }) => [
  '# Co-management plan for Contoso',
  'version: 1',
  `name: ${parts.name ?? 'Contoso pilot'}`,
  'path: new-internet-devices',
  ...(parts.comment ? [`# ${parts.comment}`] : []),
  'site:',
  '  code: ABC',
  'comanagement:',
  '  enabled: true',
  '  policies:',
  `    - name: ${parts.policyName ?? 'Install the client'}`,
  '      installAgent: true',
  `      targetGroup: ${parts.group ?? 'Pilot devices'}`,
  ...(parts.extraKey ? [`      ${parts.extraKey}: true`] : []),
  `      commandLine: ${parts.commandLine ?? '"SMSSITECODE=ABC CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1"'}`,
  '    - name: Second',
  '      commandLine: "SMSSITECODE=ABC"',
  '',
].join('\n');

export interface Placed {
  text: string;
  file: string;
  /** A symbolic link in the checked folder whose target (outside it, `exists` or not) is named so. */
  link?: { target: string; exists: boolean };
  /** Arguments for the built CLI (dist/cli.js), run in a folder holding the file. */
  args?: string[];
}

/** Every form a token takes in the property, by name: the rows of the reliability table. */
export const PLACEMENTS: Record<string, (token: string, s: Shape) => Placed> = {
  'whole, on a /regtoken: line': (t) => ({ file: CCMSETUP_NAME, text: `# site ABC\n${CMG} /regtoken:${t}\n` }),
  'wrapped onto the next line (random column, no indentation)': (t, s) => ({ file: CCMSETUP_NAME, text: `${CMG} /regtoken:${wrapped(t, s, '')} /forceinstall\n` }),
  'wrapped onto the next line (random column, indented or quoted)': (t, s) => ({ file: CCMSETUP_NAME, text: `${CMG} /regtoken:${wrapped(t, s)}\nccmsetup.exe /mp:https://mp1.contoso.com\n` }),
  'wrapped again and again by a mail client': (t, s) => ({ file: CCMSETUP_NAME, text: `${mailWrapped(`${CMG} /regtoken:${t} /forceinstall`, s)}\n` }),
  'split by a space': (t, s) => ({ file: CCMSETUP_NAME, text: `${CMG} /regtoken:${split(t, s)} /forceinstall\n` }),
  'inside CCMSETUPCMD, wrapped': (t, s) => ({ file: CCMSETUP_NAME, text: `CCMSETUPCMD="/regtoken:${wrapped(t, s)} SMSSITECODE=ABC CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1"\n` }),
  'in a .ccmsetup comment': (t, s) => ({ file: CCMSETUP_NAME, text: `# token for the pilot: ${s.cut < 0.5 ? t : wrapped(t, s, '# ')}\n${CMG}\n` }),
  'manifest command line, whole': (t) => ({ file: MANIFEST_NAME, text: manifest({ commandLine: `"${CMG.slice(13)} /regtoken:${t}"` }) }),
  'manifest command line, YAML >- folded': (t, s) => ({ file: MANIFEST_NAME, text: manifest({ commandLine: `>-\n        SMSSITECODE=ABC /regtoken:${wrapped(t, s, '        ')}\n        CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1` }) }),
  'manifest command line, wrapped (random indentation)': (t, s) => ({ file: MANIFEST_NAME, text: manifest({ commandLine: `SMSSITECODE=ABC /regtoken:${wrapped(t, s)}` }) }),
  'in a policy name': (t, s) => ({ file: MANIFEST_NAME, text: manifest({ policyName: s.cut < 0.3 ? t : s.cut < 0.6 ? `Pilot ${t}` : split(t, s) }) }),
  'in the plan name': (t, s) => ({ file: MANIFEST_NAME, text: manifest({ name: s.cut < 0.5 ? t : `"Pilot ${t}"` }) }),
  'in a targetGroup': (t, s) => ({ file: MANIFEST_NAME, text: manifest({ group: s.cut < 0.5 ? t : split(t, s) }) }),
  'in a YAML comment': (t, s) => ({ file: MANIFEST_NAME, text: manifest({ comment: s.cut < 0.5 ? t : wrapped(t, s, '# ') }) }),
  'as a YAML key': (t) => ({ file: MANIFEST_NAME, text: manifest({ extraKey: t }) }),
  'as the file name': (t) => ({ file: `plans/${t.slice(0, 200)}.ccmsetup`, text: `${CMG} /mp:x SMSSITECODE=ABCD\n` }),
  // A name holds at most 255 bytes: the target is the token's first 200 characters.
  "as a symbolic link's target (broken, or out of the folder)": (t, s) => ({
    file: CCMSETUP_NAME, text: `${CMG}\n`, link: { target: `${t.slice(0, 200)}.ccmsetup`, exists: s.cut < 0.5 },
  }),
  'as a command-line operand (usage error, config warning)': (t, s) => ({
    file: CCMSETUP_NAME, text: `${CMG}\n`,
    args: s.cut < 0.25 ? ['check', '--format', t, '.'] : s.cut < 0.5 ? ['check', '--config', `${t.slice(0, 200)}.json`, '.']
      : s.cut < 0.75 ? ['explain', t] : ['check', '--config', 'config.json', '.'],
  }),
};
export const PLACEMENT_NAMES = Object.keys(PLACEMENTS);

export const placedToken: fc.Arbitrary<{ token: string; placement: string; shape: Shape }> = fc.record({
  token: bulkToken, placement: fc.constantFrom(...PLACEMENT_NAMES), shape: shapeOf,
});

/** The outputs checked: the columns of the reliability table. */
export const OUTPUTS = [
  'diagnostics', 'problems', 'hover', 'completion', 'symbols', 'code actions', 'Graph export', 'policies', 'readiness',
  'plan facts', 'insertion point', 'policy command line', 'CLI text', 'CLI json', 'CLI sarif', 'CLI readiness', 'CLI stdout and stderr',
] as const;
export type OutputName = typeof OUTPUTS[number];

const NOW = new Date('2026-01-01T00:00:00Z');
/** Skips URIs: they name the document (an editor needs them as they are), they aren't shown. */
const json = (value: unknown) => JSON.stringify(value, (key, v) => (key === 'uri' ? undefined : v)) ?? '';

/**
 * Everything the document produces, as text per output. Hover and completion are asked every 19
 * characters, around each line start and around the token's ends; every distinct completion item
 * is resolved. Code actions are asked for the whole document; their edits are returned apart,
 * because an edit may keep a token where it already is (see `leaksOf`).
 */
export function collectOutputs(placed: Placed, token: string, service: LanguageService = getLanguageService({ now: () => NOW })): {
  outputs: Record<OutputName, string>; edits: { original: string; newText: string }[];
} {
  const document = TextDocument.create(`file:///work/${placed.file.split('/').map(encodeURIComponent).join('/')}`, 'plaintext', 1, placed.text);
  const text = placed.text;
  const offsets = new Set<number>();
  for (let o = 0; o <= text.length; o += 19) offsets.add(o);
  for (let o = text.indexOf('\n'); o !== -1; o = text.indexOf('\n', o + 1)) for (const d of [-1, 0, 1, 3]) offsets.add(o + d);
  for (const piece of [token.slice(0, 8), token.slice(-8)]) {
    const at = text.indexOf(piece);
    if (at !== -1) for (let d = -3; d <= 9; d += 2) offsets.add(at + d);
  }
  const positions: Position[] = [...offsets].filter((o) => o >= 0 && o <= text.length).map((o) => document.positionAt(o));
  // Answers repeat from one position to the next: each distinct one is kept once.
  const hovers = new Set(positions.map((p) => json(service.doHover(document, p))));
  const items = new Set<string>();
  const resolved = new Set<string>();
  for (const p of positions) {
    for (const item of service.doComplete(document, p).items) {
      // The same item at another position differs only in the range it replaces.
      const key = json({ ...item, textEdit: item.textEdit && { ...item.textEdit, range: undefined, insert: undefined, replace: undefined } });
      if (items.has(key)) continue;
      items.add(key);
      resolved.add(json(service.doResolve(item)));
    }
  }
  const full = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  const actions = service.getCodeActions(document, full);
  const edits = actions.flatMap((a) => [
    ...Object.values(a.edit?.changes ?? {}).flat(),
    ...(a.edit?.documentChanges ?? []).flatMap((change) => ('edits' in change ? change.edits : [])),
  ].map((e) => ({
    original: text.slice(document.offsetAt(e.range.start), document.offsetAt(e.range.end)), newText: e.newText,
  })));
  const policies = service.getPolicies(document);
  const exports = [...policies.map((p) => p.index), 0, 1, 2].map((i) => service.exportPolicy(document, i));
  // The absolute path too: SARIF builds its URIs from it, relative to the repository root.
  const result = { ...checkTextDocument(placed.file, document, service), path: `/work/plans/${placed.file}`, text: document.getText() };
  const results = [result, ...(placed.link ? linkResults(placed.link, service) : [])];
  const readiness = [{ file: result.file, problems: [], checks: service.getReadiness(document) }];
  const tool = { name: 'comanage', version: '0.0.0', informationUri: 'https://example.com', rules: DIAGNOSTIC_CODES };
  return {
    outputs: {
      diagnostics: json(service.doValidation(document)),
      problems: json(service.analyze(document).map((p) => ({ ...p, fixes: p.fixes?.map((f) => f.title) }))),
      hover: [...hovers].join('\n'),
      completion: [...items, ...resolved].join('\n'),
      symbols: json(service.findDocumentSymbols(document)),
      'code actions': json(actions.map((a) => ({ ...a, edit: undefined }))),
      'Graph export': json(exports),
      policies: json(policies),
      'plan facts': json(service.planFacts(document)),
      'insertion point': json(positions.map((p) => service.insertionPoint(document, p, 'CCMSETUPCMD="SMSSITECODE=ABC"'))),
      'policy command line': json(service.setPolicyCommandLine(document, 0, 'CCMSETUPCMD="SMSSITECODE=ABC"')),
      readiness: json(service.getReadiness(document)),
      'CLI text': formatText(results, { color: false }),
      'CLI json': formatJson(results),
      'CLI sarif': formatSarif(results, tool, { base: '/work/plans' }),
      'CLI readiness': formatReadinessText(readiness) + formatReadinessJson(readiness),
      'CLI stdout and stderr': placed.args ? runCli(placed, token) : '',
    },
    edits,
  };
}

/** In a scratch folder, so every run starts clean; removed afterwards. */
function inScratch<T>(use: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-placed-'));
  try {
    return use(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI's own path handling on a real folder holding a link whose target names the token. */
function linkResults(link: NonNullable<Placed['link']>, service: LanguageService): FileResult[] {
  return inScratch((dir) => {
    const folder = path.join(dir, 'plans');
    fs.mkdirSync(folder);
    const target = path.join(dir, link.target);
    if (link.exists) fs.writeFileSync(target, `${CMG}\n`);
    fs.symlinkSync(target, path.join(folder, 'linked.ccmsetup'));
    return checkFiles(collectFiles([folder], dir), dir, service).results;
  });
}

const CLI = path.resolve(__dirname, '../../dist/cli.js');
/** The built CLI run as a user would, in a folder holding the file and a config naming the token as a rule. */
function runCli(placed: Placed, token: string): string {
  return inScratch((dir) => {
    fs.writeFileSync(path.join(dir, 'site.ccmsetup'), placed.text);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ rules: { [token]: 'off' }, [token]: 1 }));
    const result = spawnSync(process.execPath, [CLI, ...(placed.args ?? [])], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    if (result.error) throw result.error;
    return `${result.stdout}\n${result.stderr}`;
  });
}

/** The 8-character pieces of a secret: showing any of them counts as a leak. */
export function piecesOf(secret: string): Set<string> {
  const pieces = new Set<string>();
  for (let i = 0; i + 8 <= secret.length; i++) pieces.add(secret.slice(i, i + 8));
  return pieces;
}

/** The first piece of the secret found in `shown` (also with Markdown's backslash escapes removed). */
export function pieceIn(shown: string, pieces: Set<string>): string | undefined {
  for (const candidate of shown.includes('\\') ? [shown, shown.replace(/\\/g, '')] : [shown]) {
    for (const run of candidate.matchAll(/[A-Za-z0-9_.-]{8,}/g)) {
      for (let i = 0; i + 8 <= run[0].length; i++) {
        const piece = run[0].slice(i, i + 8);
        if (pieces.has(piece)) return piece;
      }
    }
  }
  return undefined;
}

/** Each output that shows a piece of the token, with what it shows; edits that put a piece where it wasn't count too. */
export function leaksOf(placed: Placed, token: string, service?: LanguageService): { output: string; piece: string; context: string }[] {
  const pieces = piecesOf(token);
  const { outputs, edits } = collectOutputs(placed, token, service);
  const leaks: { output: string; piece: string; context: string }[] = [];
  for (const output of OUTPUTS) {
    const piece = pieceIn(outputs[output], pieces);
    if (piece) {
      const at = outputs[output].indexOf(piece);
      leaks.push({ output, piece, context: outputs[output].slice(Math.max(0, at - 80), at + 40) });
    }
  }
  for (const edit of edits) {
    // A quick fix may rewrite the text around a token in place; it must never put one elsewhere.
    const moved = [...piecesOf(edit.newText)].find((p) => pieces.has(p) && !edit.original.includes(p));
    if (moved) leaks.push({ output: 'code action edits', piece: moved, context: edit.newText.slice(0, 120) });
  }
  return leaks;
}
