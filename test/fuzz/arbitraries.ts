// Generators of documents for the property-based tests (test/fuzz.test.ts, scripts/fuzz.ts): random
// text, token soups built from the catalog and the manifest format, and mutations of the documented
// examples and of examples/*.comanage.yaml. Each yields { text, file }: the file name decides the language.
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCatalog, displayName } from '../../server/src/core/catalog';
import { MANIFEST_SCHEMA } from '../../server/src/core/manifest/manifestSchema';
import { Field } from '../../server/src/core/manifest/schemaTypes';
import { DOCUMENTED_EXAMPLES } from '../fixtures/documentedExamples';

export interface FuzzDocument { text: string; file: string }

export const CCMSETUP_FILE = 'fuzz.ccmsetup';
export const MANIFEST_FILE = 'fuzz.comanage.yaml';
const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT shaped like a bulk registration token, with the given expiry (seconds since 1970). */
export const jwt = (exp: unknown) => `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${b64url({ Type: 'BulkRegistration', exp })}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;

// --- characters and random text ---------------------------------------------------------------

/** Any UTF-16 code unit, lone surrogates, NUL and BOM included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** The characters the tokenizers and YAML care about, often. */
const syntaxUnit = fc.constantFrom(...' \t\r\n"\'/\\:=<>{}[]$%#-&*!|?,.@`~\u00a0\u3000\ufeff'.split(''));
export const randomText: fc.Arbitrary<string> = fc.string({ unit: fc.oneof(anyUnit, syntaxUnit, fc.constantFrom('a', 'Z', '0')), maxLength: 160 });

// --- ccmsetup token soup ----------------------------------------------------------------------

const NAMES = defaultCatalog.entries.flatMap((entry) => [
  displayName(entry), displayName(entry).toLowerCase(), ...(entry.aliases ?? []).map((alias) => displayName(alias)),
]);
const VALUES = [
  '', 'TRUE', 'FALSE', '0', '1', '-1', '99999999999999999999', 'ABC', 'AUTO', 'abc1', 'https://mp1.contoso.com', 'http://x',
  'contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500', 'https://CONTOSO.CLOUDAPP.NET/CCM_Proxy_MutualAuth/1',
  '3bbd5a1b-2c4f-4d8e-9a1b-000000000000', 'PRI20001', 'C:\\Windows\\ccmcache', '%WinDir%\\ccmcache', '\\\\server\\share',
  'HIGH', 'ClientUI', 'SMSMP01;SMSMP02', 'PU', '<site code>', '<token>', '{{mp}}', '$SiteCode', '${x}', '%SITECODE%',
  jwt(1580415050), jwt(4102444800), jwt('soon'), 'eyJ0eXAiOiJKV1QifQ.not-base64!.x', 'eyJhbGciOiJub25lIn0.e30.',
];
const PROGRAMS = ['ccmsetup.exe', 'CCMSetup.exe', 'ccmsetup.msi', 'msiexec /i ccmsetup.msi /qn', 'start /wait ccmsetup.exe', 'C:\\Temp\\ccmsetup.exe', '"C:\\Program Files\\ccmsetup.exe"'];
const DIRECTIVES = ['# comment', '# comanage-disable-next-line', '# comanage-disable-next-line unknown-parameter, parameter-uses-equals',
  '# comanage-context: intune', '# comanage-context: msi', '# comanage-context: push', '# comanage-site-version: 2107', '# comanage-site-version: x', '#'];

const ccmValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...VALUES).map((v) => `"${v} x"`) },
  { weight: 1, arbitrary: randomText.map((t) => t.slice(0, 20)) },
);
const ccmItem: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(':', '=', '', ' '), ccmValue).map(([n, s, v]) => `${n}${s}${v}`) },
  { weight: 1, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('"', '""', '\\"', '=', ':', '/', '<', '>', '/:', 'x', 'FOO=bar', '/qn', '/l*v', 'REGTOKEN=', '/regtokn:', '/constructor', '__proto__=1', 'toString') },
);
const ccmItems = fc.array(ccmItem, { maxLength: 10 }).map((items) => items.join(' '));
/** A CCMSETUPCMD="…" wrapper around items, inner quotes doubled as msiexec wants (or not, sometimes). */
const wrapped = fc.tuple(ccmItems, fc.boolean(), fc.boolean()).map(([inner, doubled, closed]) =>
  `CCMSETUPCMD="${doubled ? inner.replace(/"/g, '""') : inner}${closed ? '"' : ''}`);
const ccmLine = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...PROGRAMS, ''), ccmItems).map(([p, items]) => `${p} ${items}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('ccmsetup.msi ', '', 'msiexec /i ccmsetup.msi '), wrapped, ccmItems).map(([p, w, rest]) => `${p}${w} ${rest}`) },
  { weight: 1, arbitrary: fc.constantFrom(...DIRECTIVES, '', '   ', '\t') },
);
export const ccmsetupSoup: fc.Arbitrary<string> = fc.tuple(fc.array(ccmLine, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => lines.join(eol));

// --- manifest token soup ----------------------------------------------------------------------

/** Keys of the format, plus names every JavaScript object has: a lookup must not find those. */
const KEYS = new Set<string>(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']);
const SCALARS = new Set<string>(['true', 'false', 'yes', 'no', 'null', '~', '1', '2107', '2503', '-1', '1e9', '0x10', 'ABC', '"quoted"', "'single'", '""', 'x: y']);
(function walk(field: Field): void {
  const type = field.type;
  if (type.kind === 'object') for (const [key, child] of Object.entries(type.fields)) { KEYS.add(key); walk(child); }
  if (type.kind === 'array') walk(type.items);
  if (type.kind === 'enum') for (const v of type.values) SCALARS.add(v.value);
})(MANIFEST_SCHEMA);

const yamlScalar = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SCALARS) },
  { weight: 2, arbitrary: ccmLine.map((line) => JSON.stringify(line)) },
  { weight: 1, arbitrary: ccmLine.map((line) => `'${line.replace(/'/g, "''")}'`) },
  { weight: 1, arbitrary: fc.constantFrom('&a', '*a', '&b x', '*b', '[', ']', '{', '}', '[a, *a]', '{a: 1}', '!!str 1', '!custom x', '|', '>-', '"unclosed', '#c') },
);
const yamlLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat(4), fc.constantFrom(...KEYS), yamlScalar, fc.boolean()).map(([indent, key, value, empty]) => `${'  '.repeat(indent)}${key}:${empty ? '' : ` ${value}`}`) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(4), yamlScalar).map(([indent, value]) => `${'  '.repeat(indent)}- ${value}`) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(4), ccmLine).map(([indent, line]) => `${'  '.repeat(indent)}  ${line}`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '...', '<<: *a', '? complex', ': value', '# comment', '', '\t', '%YAML 1.2', 'version: 1', 'path: autopilot') },
);
export const manifestSoup: fc.Arbitrary<string> = fc.array(yamlLine, { maxLength: 14 }).map((lines) => lines.join('\n'));

// --- mutations of real documents -------------------------------------------------------------

export const documentedLines: string[] = DOCUMENTED_EXAMPLES.map((example) => example.line);
export const exampleManifests: string[] = fs.readdirSync(EXAMPLES_DIR).filter((name) => /\.comanage\.ya?ml$/.test(name))
  .map((name) => fs.readFileSync(path.join(EXAMPLES_DIR, name), 'utf8'));

type Edit = { at: number; length: number; insert: string; op: 'insert' | 'delete' | 'replace' | 'duplicate' | 'truncate' };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(40),
  insert: fc.oneof(syntaxUnit, anyUnit, ccmItem, yamlScalar, fc.constantFrom('\n', '  ', '- ', ': ')),
  op: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'truncate'),
});

export function applyEdits(base: string, edits: Edit[]): string {
  let text = base;
  for (const { at, length, insert, op } of edits) {
    const i = Math.floor(at * text.length);
    const j = Math.min(text.length, i + length);
    text = op === 'insert' ? text.slice(0, i) + insert + text.slice(i)
      : op === 'delete' ? text.slice(0, i) + text.slice(j)
        : op === 'replace' ? text.slice(0, i) + insert + text.slice(j)
          : op === 'duplicate' ? text.slice(0, j) + text.slice(i, j) + text.slice(j)
            : text.slice(0, i);
  }
  return text;
}

export const mutatedCcmsetup: fc.Arbitrary<string> = fc.tuple(
  fc.array(fc.constantFrom(...documentedLines), { minLength: 1, maxLength: 3 }), fc.array(edit, { maxLength: 6 }),
).map(([lines, edits]) => applyEdits(lines.join('\n'), edits));

export const mutatedManifest: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...exampleManifests), fc.array(edit, { maxLength: 6 }))
  .map(([text, edits]) => applyEdits(text, edits));

// --- documents of either language ------------------------------------------------------------

const as = (file: string) => (text: string): FuzzDocument => ({ text, file });

export const ccmsetupDocument: fc.Arbitrary<FuzzDocument> = fc.oneof(
  randomText.map(as(CCMSETUP_FILE)), ccmsetupSoup.map(as(CCMSETUP_FILE)), mutatedCcmsetup.map(as(CCMSETUP_FILE)),
);
export const manifestDocument: fc.Arbitrary<FuzzDocument> = fc.oneof(
  randomText.map(as(MANIFEST_FILE)), manifestSoup.map(as(MANIFEST_FILE)), mutatedManifest.map(as(MANIFEST_FILE)),
);
export const anyDocument: fc.Arbitrary<FuzzDocument> = fc.oneof(ccmsetupDocument, manifestDocument);

/** Cursor positions as fractions of the text, plus a few out-of-range positions an editor may send. */
export const positions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 });

// --- secrets ---------------------------------------------------------------------------------

/** A token value that can't be confused with anything else in a document. */
export const secretValue: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{16,60}$/).map((s) => `Zq${s}`),
  fc.integer({ min: 0, max: 4_200_000_000 }).map((exp) => jwt(exp)),
);

/** How a token can end up on a line: the right way and the usual mistakes. */
const TOKEN_FORMS = [
  (s: string) => `/regtoken:${s}`, (s: string) => `/RegToken:"${s}"`, (s: string) => `/regtoken=${s}`, (s: string) => `/regtoken ${s}`,
  (s: string) => `REGTOKEN=${s}`, (s: string) => `/regtokn:${s}`, (s: string) => `regtoken:${s}`,
];

/** A ccmsetup document or manifest with one secret somewhere in a command line. */
export const documentWithSecret: fc.Arbitrary<{ doc: FuzzDocument; secret: string }> = fc.tuple(
  secretValue, fc.nat(TOKEN_FORMS.length - 1), ccmItems, ccmItems, fc.constantFrom(...PROGRAMS, 'CCMSETUPCMD'), fc.boolean(), ccmsetupSoup,
).map(([secret, form, before, after, program, manifest, rest]) => {
  const token = TOKEN_FORMS[form](secret);
  const line = program === 'CCMSETUPCMD'
    ? `CCMSETUPCMD="${`${before} ${token} ${after}`.replace(/"/g, '""')}"`
    : `${program} ${before} ${token} ${after}`;
  const doc = manifest
    ? { file: MANIFEST_FILE, text: `version: 1\npath: new-internet-devices\ncomanagement:\n  policies:\n    - name: Install\n      commandLine: ${JSON.stringify(line)}\n` }
    : { file: CCMSETUP_FILE, text: `${rest}\n${line}\n${rest}` };
  return { doc, secret };
});
