// docs/rules-map.md maps every checkable statement of the swept pages to rule ids (issue #14).
// This keeps it in step with the code: an id the map says exists does exist, a rule it proposes
// (NEW) isn't silently built without the map saying so, and no row is left unclassified.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CCMSETUP_RULES } from '../server/src/core/ccmsetup/rules';
import { MANIFEST_SCHEMA } from '../server/src/core/manifest/manifestSchema';
import { MANIFEST_RULES } from '../server/src/core/manifest/rules';
import { Field } from '../server/src/core/manifest/schemaTypes';
import { STRUCTURE_CODES } from '../server/src/core/manifest/structure';

const DOC = path.join(__dirname, '..', 'docs', 'rules-map.md');
const HEADER = ['#', 'Statement', 'Anchor', 'Words', 'Sev', 'Class'];
const SEVERITIES = new Set(['fail', 'warn', 'info']);

interface Row { page: string; number: string; statement: string; sev: string; klass: string; line: number }
interface Page { id: string; title: string; rows: Row[] }

function cells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || !trimmed.endsWith('|')) return undefined;
  // A `|` inside backticks (a regex, a pipe in PowerShell) is not a cell border.
  return trimmed.slice(1, -1).split(/\|(?=(?:[^`]*`[^`]*`)*[^`]*$)/).map((cell) => cell.trim());
}

/** One entry per "### P<n>. Title" section with its statement table. */
export function parseRulesMap(text: string): Page[] {
  const pages: Page[] = [];
  let current: Page | undefined;
  text.split('\n').forEach((line, index) => {
    const heading = /^### (P\d+)\. (.+)$/.exec(line);
    if (heading) { current = { id: heading[1], title: heading[2], rows: [] }; pages.push(current); return; }
    if (/^##?#? /.test(line)) { current = undefined; return; }
    const row = cells(line);
    if (!current || !row) return;
    if (row[0] === '#') { assert.deepEqual(row, HEADER, `line ${index + 1}: table header`); return; }
    if (/^-+$/.test(row[0])) return;
    assert.equal(row.length, HEADER.length, `line ${index + 1}: a row needs ${HEADER.length} cells`);
    current.rows.push({ page: current.id, number: row[0], statement: row[1], sev: row[4], klass: row[5], line: index + 1 });
  });
  return pages;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

/**
 * Backticked rule-like ids of a Class cell: those in its "(a)" parts (said to exist) and those in
 * its "(b)" parts (proposed). A cell may hold both: "(a) `x` partial; (b) NEW `y`".
 */
export function classIds(klass: string): { existing: string[]; proposed: string[] } {
  const existing: string[] = [];
  const proposed: string[] = [];
  let part = 'a';
  for (const piece of klass.split(/(\((?:a|b|c)\))/)) {
    const marker = /^\((a|b|c)\)$/.exec(piece);
    if (marker) { part = marker[1]; continue; }
    for (const match of piece.matchAll(/`([^`]+)`/g)) {
      if (!KEBAB.test(match[1])) continue;
      (part === 'b' ? proposed : existing).push(match[1]);
    }
  }
  return { existing, proposed };
}

/** Every enum value and key name of the format: kebab words in a Class cell that aren't rule ids. */
function formatWords(field: Field, out = new Set<string>()): Set<string> {
  const type = field.type;
  if (type.kind === 'enum') type.values.forEach((v) => out.add(String(v.value)));
  if (type.kind === 'object') Object.values(type.fields).forEach((f) => formatWords(f, out));
  if (type.kind === 'array') formatWords(type.items, out);
  return out;
}

const RULE_IDS = new Set<string>([
  ...MANIFEST_RULES.map((rule) => rule.id),
  ...STRUCTURE_CODES.map((code) => code.id),
  ...CCMSETUP_RULES.map((rule) => rule.id),
]);

describe('documentation sweep map (docs/rules-map.md)', () => {
  const pages = parseRulesMap(fs.readFileSync(DOC, 'utf8'));
  const rows = pages.flatMap((page) => page.rows);
  const values = formatWords(MANIFEST_SCHEMA);

  it('has a section with statements for every page it swept, numbered 1, 2, 3, …', () => {
    assert.ok(pages.length >= 40, `${pages.length} pages`);
    for (const page of pages) {
      assert.ok(page.rows.length > 0, `${page.id} has no statements`);
      page.rows.forEach((row, i) => assert.equal(row.number, String(i + 1), `${page.id}, line ${row.line}`));
    }
  });

  it('gives every statement a severity from the words and a class (a), (b) or (c)', () => {
    const bad = rows.filter((row) => !SEVERITIES.has(row.sev) || !/^(\((a|b|c)\)|Observations\b)/.test(row.klass) || row.statement === '');
    assert.deepEqual(bad.map((row) => `${row.page} #${row.number} (line ${row.line})`), []);
  });

  it('names as existing only rule ids that exist (or values of the format)', () => {
    const unknown = rows.flatMap((row) => classIds(row.klass).existing
      .filter((id) => !RULE_IDS.has(id) && !values.has(id))
      .map((id) => `${row.page} #${row.number}: ${id}`));
    assert.deepEqual(unknown, []);
  });

  it('marks a proposed rule as existing once it is built', () => {
    const built = rows.flatMap((row) => classIds(row.klass).proposed
      .filter((id) => RULE_IDS.has(id))
      .map((id) => `${row.page} #${row.number}: ${id} exists now; write (a) \`${id}\``));
    assert.deepEqual(built, []);
  });

  it('the parser reads ids, proposals and cells with pipes in code', () => {
    const page = `### P1. T\n\n| ${HEADER.join(' | ')} |\n|---|---|---|---|---|---|\n| 1 | a \`x|y\` | #b | "w" | fail | (a) \`no-such-rule\`; (b) NEW \`some-new-rule\`: NEW \`site.key\` |\n`;
    const [parsed] = parseRulesMap(page);
    assert.equal(parsed.rows.length, 1);
    assert.deepEqual(classIds(parsed.rows[0].klass), { existing: ['no-such-rule'], proposed: ['some-new-rule'] });
    assert.ok(!RULE_IDS.has('no-such-rule'));
  });
});
