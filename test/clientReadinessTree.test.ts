// The Readiness view's tree, built from readiness answers: grouping, order, counts, labels,
// tooltips, badge and the status bar text.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReadinessCheck } from '../client/src/model/protocol';
import {
  STATUS_LOOK, buildReadinessTree, countChecks, escapeMarkdown, manifestNode, missingSummary, readinessBadge, summarize, worstStatus,
} from '../client/src/model/readinessTree';
import { statusSummary } from '../client/src/model/statusText';
import { getLanguageService } from '../server/src/core/languageService';

const check = (id: string, area: string, status: ReadinessCheck['status'], extra: Partial<ReadinessCheck> = {}): ReadinessCheck => ({
  id, area, status, title: `${id} title`, message: status === 'pass' ? `${id} title` : `${id} message`, docUrl: `https://learn.microsoft.com/x#${id}`, ...extra,
});

const CHECKS: ReadinessCheck[] = [
  check('w1', 'workloads', 'pass'),
  check('l1', 'licensing', 'pass'),
  check('l2', 'licensing', 'fail', { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } } }),
  check('l3', 'licensing', 'unknown'),
  check('l4', 'licensing', 'warn'),
  check('n1', 'brand-new-area', 'pass'),
  check('c1', 'cmg', 'fail'),
];

describe('client readiness tree', () => {
  const [root] = buildReadinessTree([{ uri: 'file:///w/plan.comanage.yaml', label: 'plan.comanage.yaml', checks: CHECKS }]);

  it('groups checks by area in the documented order, unknown areas last', () => {
    assert.deepEqual(root.children.map((a) => a.area), ['licensing', 'cmg', 'workloads', 'brand-new-area']);
    assert.deepEqual(root.children.map((a) => a.label), ['Licensing', 'Cloud management gateway', 'Workloads', 'brand-new-area']);
  });

  it('lists the worst checks first and gives each node the worst status under it', () => {
    const licensing = root.children[0];
    assert.deepEqual(licensing.children.map((c) => c.check.id), ['l2', 'l4', 'l3', 'l1']);
    assert.deepEqual(licensing.children.map((c) => c.status), ['fail', 'warn', 'unknown', 'pass']);
    assert.equal(licensing.status, 'fail');
    assert.equal(root.children[2].status, 'pass');
    assert.equal(root.status, 'fail');
  });

  it('counts and summarises', () => {
    assert.deepEqual(root.counts, { fail: 2, warn: 1, unknown: 1, info: 0, pass: 3 });
    assert.equal(root.description, '2 failing · 1 warning · 1 unknown · 3 passing');
    assert.equal(root.children[2].description, '1 passes');
    assert.equal(summarize({ fail: 0, warn: 0, unknown: 0, info: 0, pass: 12 }), 'all 12 pass');
    assert.equal(summarize({ fail: 0, warn: 2, unknown: 0, info: 0, pass: 1 }), '2 warnings · 1 passing');
    // A documented fact or advice is neither a problem nor a pass: it is counted on its own.
    assert.equal(summarize({ fail: 0, warn: 0, unknown: 0, info: 2, pass: 5 }), '2 to note · 5 passing');
    assert.equal(worstStatus(countChecks([check('a', 'x', 'info'), check('b', 'x', 'pass')])), 'info');
    assert.equal(worstStatus(countChecks([check('a', 'x', 'info'), check('b', 'x', 'unknown')])), 'unknown');
    assert.equal(summarize(countChecks([])), 'no checks');
    assert.equal(worstStatus(countChecks([check('a', 'x', 'unknown'), check('b', 'x', 'pass')])), 'unknown');
  });

  it('never shows a pass for unknowns: a neutral question mark, and every count in the summary', () => {
    const [plan] = buildReadinessTree([{ uri: 'file:///u.comanage.yaml', label: 'u', checks: [
      check('s1', 'site', 'pass'), check('s2', 'site', 'unknown'), check('s3', 'site', 'unknown'), check('l1', 'licensing', 'unknown'),
    ] }]);
    assert.equal(plan.status, 'unknown');
    assert.equal(plan.description, '3 unknown · 1 passing');
    assert.deepEqual(plan.children.map((a) => [a.label, a.status, a.description]), [
      ['Licensing', 'unknown', '1 unknown'], ['Configuration Manager site', 'unknown', '2 unknown · 1 passing']]);
    assert.equal(STATUS_LOOK.unknown.icon, 'question');
    assert.notEqual(STATUS_LOOK.unknown.color, STATUS_LOOK.pass.color);
    for (const node of [plan, ...plan.children, ...plan.children.flatMap((a) => a.children.filter((c) => c.status === 'unknown'))]) {
      assert.notEqual(STATUS_LOOK[node.status].icon, 'pass', node.label);
    }
    // The manifest's tooltip counts every area.
    assert.match(plan.tooltip, /- Configuration Manager site: 2 unknown · 1 passing/);
    // Nothing checked is no pass either.
    assert.equal(manifestNode({ uri: 'e', label: 'e', checks: [] }).status, 'unknown');
  });

  it('shows a plan that can\'t be read as an error, with its line, never as a pass or "no checks"', () => {
    const range = { start: { line: 3, character: 11 }, end: { line: 3, character: 12 } };
    const node = manifestNode({ uri: 'file:///b.comanage.yaml', label: 'b.comanage.yaml', checks: [], parseError: { message: 'YAML syntax: Nested mappings are not allowed', line: 4, range } });
    assert.equal(node.status, 'unreadable');
    assert.equal(STATUS_LOOK[node.status].icon, 'error');
    assert.equal(node.description, 'can\'t read the plan: YAML error on line 4');
    assert.match(node.tooltip, /can't read the plan: YAML error on line 4/);
    assert.equal(node.parseError?.label, 'YAML error on line 4');
    assert.deepEqual(node.parseError?.range, range);
    assert.equal(node.parseError?.description, 'YAML syntax: Nested mappings are not allowed');
    const roots = buildReadinessTree([{ uri: 'file:///b.comanage.yaml', label: 'b', checks: [], parseError: { message: 'x', line: 4, range } }]);
    assert.deepEqual(readinessBadge(roots), { value: 1, tooltip: '1 manifest with a YAML error' });
  });

  it('describes an unknown by what it lacks, and gives the allowed values and an example in its tooltip', () => {
    const unknown = check('l9', 'licensing', 'unknown', {
      title: 'A long requirement title that a narrow view cuts off somewhere in the middle of the sentence',
      message: 'Unknown: licensing.entraId has an invalid value \'free\'.',
      missing: [{ path: 'licensing.entraId', reason: 'invalid', value: 'free', example: 'licensing:\n  entraId: P1',
        allowed: [{ value: 'free', meaning: 'Free tier' }, { value: 'P1', meaning: 'Microsoft Entra ID P1' }],
        insert: { position: { line: 2, character: 2 }, snippet: 'entraId: ${1|free,P1|}' } }],
    });
    const node = manifestNode({ uri: 'u', label: 'u', checks: [unknown, check('x', 'site', 'unknown', { missing: [
      { path: 'a.b', reason: 'absent', example: 'a:\n  b: 1' }, { path: 'a.c', reason: 'placeholder', value: '<x>', example: '' }, { path: 'a.d', reason: 'absent', example: '' },
    ] })] });
    const item = node.children[0].children[0];
    assert.equal(item.description, 'licensing.entraId has an invalid value \'free\'');
    assert.match(item.tooltip, /A long requirement title that a narrow view cuts off somewhere in the middle of the sentence/);
    assert.match(item.tooltip, /\*\*licensing\\.entraId\*\*: invalid value 'free'/);
    assert.match(item.tooltip, /- `free`: Free tier\n- `P1`: Microsoft Entra ID P1/);
    assert.match(item.tooltip, /````yaml\nlicensing:\n {2}entraId: P1\n````/);
    assert.match(item.tooltip, /\[Read the documentation\]/);
    assert.equal(node.children[1].children[0].description, 'needs a.b; a.c is still a placeholder; and 1 more');
    assert.equal(missingSummary([{ path: 'p', reason: 'absent', example: '' }]), 'needs p');
  });

  it('labels checks with their requirement, describes what is wrong, and keeps the range for the click', () => {
    const failing = root.children[0].children[0];
    assert.equal(failing.label, 'l2 title');
    assert.equal(failing.description, 'l2 message');
    assert.deepEqual(failing.range, CHECKS[2].range);
    assert.equal(root.children[0].children[3].description, '', 'a passing check repeats no message');
    assert.match(failing.tooltip, /\$\(error\) \*\*Fails:\*\*/);
    assert.match(failing.tooltip, /\[Read the documentation\]\(https:\/\/learn\.microsoft\.com\/x#l2\)/);
  });

  it('gives every node a stable, unique id', () => {
    const ids = [root.id, ...root.children.flatMap((a) => [a.id, ...a.children.map((c) => c.id)])];
    assert.equal(new Set(ids).size, ids.length);
    const [again] = buildReadinessTree([{ uri: 'file:///w/plan.comanage.yaml', label: 'plan.comanage.yaml', checks: [...CHECKS].reverse() }]);
    assert.deepEqual(new Set([again.id, ...again.children.flatMap((a) => [a.id, ...a.children.map((c) => c.id)])]), new Set(ids));
    const twice = manifestNode({ uri: 'u', label: 'u', checks: [check('d', 'site', 'pass'), check('d', 'site', 'fail')] });
    assert.equal(new Set(twice.children[0].children.map((c) => c.id)).size, 2);
  });

  it('escapes markdown in messages, and links only https documentation', () => {
    assert.equal(escapeMarkdown('a *b* [c](d) <e>'), 'a \\*b\\* \\[c\\]\\(d\\) \\<e\\>');
    const node = manifestNode({ uri: 'u', label: 'u', checks: [check('x', 'site', 'fail', { message: '**bold** $(alert)', docUrl: 'javascript:alert(1)' })] });
    const tooltip = node.children[0].children[0].tooltip;
    assert.ok(!tooltip.includes('javascript:'));
    assert.ok(tooltip.includes('\\*\\*bold\\*\\* $\\(alert\\)'));
  });

  it('sorts manifests by name and shows why one could not be checked', () => {
    const roots = buildReadinessTree([
      { uri: 'file:///b.comanage.yaml', label: 'b.comanage.yaml', checks: [] },
      { uri: 'file:///a.comanage.yaml', label: 'a.comanage.yaml', folder: 'plans', checks: [], error: 'Client is not running' },
    ]);
    assert.deepEqual(roots.map((r) => r.label), ['a.comanage.yaml', 'b.comanage.yaml']);
    assert.equal(roots[0].description, 'could not check: Client is not running — plans');
    assert.equal(roots[0].status, 'unknown');
  });

  it('badges the failing checks over all manifests, and nothing when none fail', () => {
    const roots = buildReadinessTree([
      { uri: 'file:///a.comanage.yaml', label: 'a', checks: CHECKS },
      { uri: 'file:///b.comanage.yaml', label: 'b', checks: [check('z', 'site', 'fail')] },
      { uri: 'file:///c.comanage.yaml', label: 'c', checks: [check('z', 'site', 'pass')] },
    ]);
    assert.deepEqual(readinessBadge(roots), { value: 3, tooltip: '3 failing readiness checks in 2 manifests · 1 unknown' });
    assert.equal(readinessBadge(roots.slice(2)), undefined);
  });

  it('builds a tree from a shipped example\'s real readiness checks', () => {
    const file = path.join(__dirname, '..', 'examples', 'autopilot-into-comanagement.comanage.yaml');
    const doc = TextDocument.create(`file://${file}`, 'yaml', 1, fs.readFileSync(file, 'utf8'));
    const checks = getLanguageService().getReadiness(doc) as ReadinessCheck[];
    const [node] = buildReadinessTree([{ uri: doc.uri, label: 'autopilot-into-comanagement.comanage.yaml', checks }]);
    assert.equal(node.children.reduce((n, a) => n + a.children.length, 0), checks.length);
    assert.equal(node.counts.fail, 0, 'the example is clean');
    for (const area of node.children) assert.notEqual(area.label, area.area, `area ${area.area} has a title`);
  });
});

describe('client status bar text', () => {
  it('summarises the active manifest and alerts on failures', () => {
    const failing = statusSummary('plan.comanage.yaml', CHECKS);
    assert.equal(failing.text, '$(error) Readiness: 2 failing · 1 warning · 1 unknown · 3 passing');
    assert.equal(failing.alert, true);
    assert.match(failing.tooltip, /plan\.comanage\.yaml: 2 failing, 1 with warnings, 1 unknown, 0 to note, 3 passing/);
    const clean = statusSummary('p', [check('a', 'site', 'pass'), check('b', 'site', 'pass')]);
    assert.equal(clean.text, '$(pass) Readiness: all 2 pass');
    assert.equal(clean.alert, false);
    assert.equal(statusSummary('p', [check('a', 'site', 'warn')]).text, '$(warning) Readiness: 1 warning');
    assert.equal(statusSummary('p', []).text, '$(checklist) Readiness: no checks');
  });

  it('shows unknowns with a question mark, never the pass icon', () => {
    const summary = statusSummary('p', [check('a', 'site', 'unknown'), check('b', 'site', 'pass')]);
    assert.equal(summary.text, '$(question) Readiness: 1 unknown · 1 passing');
    assert.equal(summary.alert, false);
    assert.equal(statusSummary('p', Array.from({ length: 35 }, (_, i) => check(`u${i}`, 'site', 'unknown'))).text, '$(question) Readiness: 35 unknown');
  });

  it('says a plan with a YAML error can\'t be read, and alerts', () => {
    const range = { start: { line: 6, character: 0 }, end: { line: 6, character: 1 } };
    const summary = statusSummary('p.comanage.yaml', [], { message: 'YAML syntax: Unexpected scalar.', line: 7, range });
    assert.equal(summary.text, '$(error) Readiness: can\'t read the plan: YAML error on line 7');
    assert.equal(summary.alert, true);
    assert.match(summary.tooltip, /p\.comanage\.yaml: YAML syntax: Unexpected scalar\./);
  });
});
