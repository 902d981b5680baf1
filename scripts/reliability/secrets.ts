// RELIABILITY.md's "Secrets placement" section: the property of test/secrets.test.ts run longer.
// A random realistic bulk registration token (a JWT of 900-1,200 characters) is placed in each
// form of PLACEMENTS (test/fuzz/secretPlacement.ts), every output of the document is collected,
// and any 8-character piece of the token in any of them counts as a leak.
//
//   npx tsx scripts/reliability/secrets.ts [--runs 40] [--seed 42]   prints the section
import fc from 'fast-check';
import { findSecrets } from '../../server/src/core/secrets';
import { OUTPUTS, PLACEMENTS, PLACEMENT_NAMES, bulkToken, leaksOf, shapeOf } from '../../test/fuzz/secretPlacement';

/** The outputs searched, and the edits of code actions (which may keep a token in place, never move one). */
const COLUMNS: string[] = [...OUTPUTS, 'code action edits'];

export async function secretsPlacementSection(runsPerPlacement = 40, seed = Date.now() % 2_147_483_647): Promise<string[]> {
  const lines = [
    '## Secrets placement',
    '',
    `A random bulk registration token (a JWT of 900-1,200 characters: RS256 header starting \`eyJ\`, payload, 342-character signature) placed in each form below, ${runsPerPlacement} random cases per form (random cut column, indentation or quote prefix, mail line width), seed ${seed}. ` +
    'Every output of the document is searched for any 8-character piece of the token (also with backslash escapes removed): ' +
    `${OUTPUTS.join(', ')}; hover and completion at every 19th character, around each line start and the token's ends, every completion item resolved; ` +
    'code actions for the whole document, whose edits may only keep a token where it already is.',
    '',
    `| Placement | Cases | ${COLUMNS.join(' | ')} | Time | Result |`,
    `| --- | ---: | ${COLUMNS.map(() => '---:').join(' | ')} | ---: | --- |`,
  ];
  let total = 0;
  let leaked = 0;
  for (const [index, placement] of PLACEMENT_NAMES.entries()) {
    const byOutput = new Map<string, number>(COLUMNS.map((c) => [c, 0]));
    let leaks = 0;
    let cases = 0;
    const start = performance.now();
    fc.assert(fc.property(bulkToken, shapeOf, (token, shape) => {
      cases++;
      const found = leaksOf(PLACEMENTS[placement](token, shape), token);
      if (found.length) leaks++;
      for (const output of new Set(found.map((leak) => leak.output))) byOutput.set(output, (byOutput.get(output) ?? 0) + 1);
    }), { numRuns: runsPerPlacement, seed: (seed + index * 7919) | 0 });
    total += cases;
    leaked += leaks;
    lines.push(`| ${placement} | ${cases} | ${COLUMNS.map((c) => byOutput.get(c)).join(' | ')} | ${Math.round(performance.now() - start).toLocaleString('en-US')} ms | ${leaks === 0 ? 'held' : '**FAILED**'} |`);
    // Let a caller's timers and output run between placements.
    await new Promise((resolve) => setImmediate(resolve));
  }
  lines.push('', `Each cell counts the cases whose output showed a piece of the token. ${total.toLocaleString('en-US')} cases over ${PLACEMENT_NAMES.length} placements × ${COLUMNS.length} outputs; ${leaked} leaked.`, '');
  lines.push(...searchCost());
  return lines;
}

/** What the search for tokens costs once per document version, on 2 MB texts (the best of 5 runs each). */
function searchCost(): string[] {
  const [token] = fc.sample(bulkToken, { numRuns: 1, seed: 1 });
  const texts: [string, string][] = [
    ['2 MB of command lines, no token', 'ccmsetup.exe /mp:https://mp1.contoso.com SMSSITECODE=ABC CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1\n'.repeat(18_000)],
    ['2 MB of command lines, a wrapped token on each', `ccmsetup.exe /mp:https://mp1.contoso.com /regtoken:${token.slice(0, 40)}\n  ${token.slice(40)}\n`.repeat(Math.floor(2_000_000 / (token.length + 60)))],
    ['2 MB, one run of "eyJ…" (crafted)', 'eyJabcd'.repeat(300_000)],
    ['2 MB of 25-character dotted parts (crafted)', `${'a'.repeat(25)}.`.repeat(80_000)],
  ];
  const rows = texts.map(([name, text]) => {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      findSecrets(text);
      best = Math.min(best, performance.now() - start);
    }
    return `| ${name} | ${best.toFixed(1)} ms |`;
  });
  return ['The search itself (`findSecrets`, once per document version, in a validation slice of its own):', '', '| Text | Time |', '| --- | ---: |', ...rows, ''];
}

if (require.main === module) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at === -1 ? undefined : Number(process.argv[at + 1]);
  };
  void secretsPlacementSection(arg('--runs') ?? 40, arg('--seed')).then((lines) => console.log(lines.join('\n')));
}
