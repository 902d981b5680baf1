// docs/seed-requirements.md maps every checkable statement of the five seed pages to rule ids.
// This keeps the map honest: every id it names exists, and no row is left without a check.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CCMSETUP_RULES } from '../server/src/core/ccmsetup/rules';
import { MANIFEST_RULES } from '../server/src/core/manifest/rules';
import { STRUCTURE_CODES } from '../server/src/core/manifest/structure';

const DOC = path.join(__dirname, '..', 'docs', 'seed-requirements.md');
const SEEDS = ['000', '001', '002', '003', '004'];
const HEADER = ['#', 'Requirement', 'Section', 'Rule id(s)', 'Notes'];

interface Row { seed: string; number: string; requirement: string; section: string; ids: string[]; line: number }
interface SeedSection { seed: string; rows: Row[]; notCheckable: string[] }

/** The cells of a Markdown table line, or undefined when the line isn't one. */
function cells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || !trimmed.endsWith('|')) return undefined;
  return trimmed.slice(1, -1).split('|').map((cell) => cell.trim());
}

/** Splits the page into one section per seed ("## Seed NNN: …"), with its table rows and "Not checkable" items. */
function parseSeedMap(text: string): SeedSection[] {
  const sections: SeedSection[] = [];
  let current: SeedSection | undefined;
  let inTable = false;
  let inNotCheckable = false;
  text.split('\n').forEach((line, index) => {
    const seedHeading = /^## Seed (\d{3})\b/.exec(line);
    if (seedHeading) {
      current = { seed: seedHeading[1], rows: [], notCheckable: [] };
      sections.push(current);
      inTable = inNotCheckable = false;
      return;
    }
    if (/^##? /.test(line)) { current = undefined; return; }
    if (!current) return;
    if (/^### Not checkable from a plan\s*$/.test(line)) { inNotCheckable = true; inTable = false; return; }
    if (/^### /.test(line)) { inNotCheckable = false; return; }
    const row = cells(line);
    if (row) {
      if (row[0] === '#') {
        assert.deepEqual(row, HEADER, `line ${index + 1}: table header`);
        inTable = true;
        return;
      }
      if (/^-+$/.test(row[0])) return;
      assert.ok(inTable, `line ${index + 1}: a table row outside a seed table`);
      assert.equal(row.length, HEADER.length, `line ${index + 1}: a row needs ${HEADER.length} cells`);
      const ids = row[3].split(',').map((id) => id.trim()).filter((id) => id !== '' && id !== '—')
        .map((id) => /^`([^`]+)`$/.exec(id)?.[1] ?? `unquoted:${id}`);
      current.rows.push({ seed: current.seed, number: row[0], requirement: row[1], section: row[2], ids, line: index + 1 });
      return;
    }
    if (inNotCheckable && /^- /.test(line)) current.notCheckable.push(line.slice(2).trim());
  });
  return sections;
}

const KNOWN_IDS = new Set<string>([
  ...MANIFEST_RULES.map((rule) => rule.id),
  ...STRUCTURE_CODES.map((code) => code.id),
  ...CCMSETUP_RULES.map((rule) => rule.id),
]);

describe('seed requirements map (docs/seed-requirements.md)', () => {
  const sections = parseSeedMap(fs.readFileSync(DOC, 'utf8'));

  it('has one section per seed, in order, each with rows and a "Not checkable" list', () => {
    assert.deepEqual(sections.map((s) => s.seed), SEEDS);
    for (const section of sections) {
      assert.ok(section.rows.length > 0, `seed ${section.seed} has no rows`);
      assert.ok(section.notCheckable.length > 0, `seed ${section.seed} has no "Not checkable from a plan" list`);
    }
  });

  it('numbers each seed\'s rows 1, 2, 3, … and fills every text cell', () => {
    for (const section of sections) {
      section.rows.forEach((row, i) => {
        assert.equal(row.number, String(i + 1), `seed ${row.seed}, line ${row.line}`);
        assert.ok(row.requirement.length > 0 && row.section.length > 0, `seed ${row.seed} row ${row.number} has an empty cell`);
      });
    }
  });

  it('names only rule ids that exist', () => {
    const unknown = sections.flatMap((s) => s.rows).flatMap((row) => row.ids.filter((id) => !KNOWN_IDS.has(id)).map((id) => `seed ${row.seed} row ${row.number}: ${id}`));
    assert.deepEqual(unknown, []);
  });

  it('gives every row a rule id, unless the row is listed as not checkable', () => {
    for (const section of sections) {
      const listed = section.notCheckable.join('\n');
      const bare = section.rows.filter((row) => row.ids.length === 0 && !new RegExp(`\\brow ${row.number}\\b`).test(listed));
      assert.deepEqual(bare.map((row) => `seed ${row.seed} row ${row.number}`), []);
    }
  });

  it('gives every "Not checkable" statement a reason', () => {
    for (const section of sections) {
      for (const item of section.notCheckable) assert.match(item, / — \S/, `seed ${section.seed}: "${item}" needs " — reason"`);
    }
  });

  it('the parser rejects an unknown id and a row without ids', () => {
    const page = `## Seed 000: x\n\n| ${HEADER.join(' | ')} |\n|---|---|---|---|---|\n| 1 | a | b | \`no-such-rule\` | |\n| 2 | c | d | | |\n\n### Not checkable from a plan\n\n- e — f\n`;
    const [section] = parseSeedMap(page);
    assert.deepEqual(section.rows.map((row) => row.ids), [['no-such-rule'], []]);
    assert.ok(!KNOWN_IDS.has('no-such-rule'));
    assert.deepEqual(section.notCheckable, ['e — f']);
  });
});
