// "Answer unknown facts…" as plain logic: the questions from the unknown checks' missing facts,
// grouped by area, and the walk with Skip, Back and cancel, answered by a scripted Ui.
import * as assert from 'node:assert/strict';
import { BACK, GeneratorUi, InputRequest, PickRequest } from '../client/src/model/generator';
import { SKIP, interviewQuestions, pickItems, runInterview } from '../client/src/model/interview';
import { MissingFact, ReadinessCheck } from '../client/src/model/protocol';

const fact = (path: string, extra: Partial<MissingFact> = {}): MissingFact => ({ path, reason: 'absent', example: `${path}: x`, ...extra });
const check = (id: string, area: string, status: ReadinessCheck['status'], missing?: MissingFact[]): ReadinessCheck => ({
  id, area, status, title: `${id} title`, message: `${id} message`, docUrl: 'https://learn.microsoft.com/x', missing,
});

const ENTRA = fact('licensing.entraId', { reason: 'invalid', value: 'free', allowed: [{ value: 'P1', meaning: 'Entra ID P1' }, { value: 'P2', meaning: 'Entra ID P2' }] });
const CHECKS: ReadinessCheck[] = [
  check('w1', 'workloads', 'unknown', [fact('workloads.compliance')]),
  check('s1', 'site', 'unknown', [fact('site.code')]),
  check('l1', 'licensing', 'unknown', [ENTRA]),
  check('l2', 'licensing', 'unknown', [ENTRA, fact('licensing.intune', { allowed: [{ value: 'true', meaning: 'yes' }, { value: 'false', meaning: 'no' }] })]),
  check('p1', 'licensing', 'pass'),
  check('f1', 'site', 'fail', [fact('never.asked')]),
  check('u0', 'site', 'unknown'),
];

type Step = { kind: 'pick'; request: PickRequest } | { kind: 'input'; request: InputRequest };

/** A Ui that answers from a list and records what it was asked. */
function scripted(answers: (string | typeof BACK | undefined)[]): GeneratorUi & { asked: Step[] } {
  const asked: Step[] = [];
  let next = 0;
  return {
    asked,
    async pick(request) { asked.push({ kind: 'pick', request }); return answers[next++]; },
    async input(request) { asked.push({ kind: 'input', request }); return answers[next++]; },
  };
}

describe('client interview (Answer unknown facts…)', () => {
  const questions = interviewQuestions(CHECKS);

  it('asks once per missing key of the unknown checks, grouped by area in the documented order', () => {
    assert.deepEqual(questions.map((q) => q.path), ['licensing.entraId', 'licensing.intune', 'site.code', 'workloads.compliance']);
    assert.deepEqual(questions[0].neededBy, ['l1 title', 'l2 title']);
    assert.deepEqual(interviewQuestions([check('a', 'site', 'pass'), check('b', 'site', 'unknown')]), []);
    // A list or mapping key isn't asked for as one value.
    assert.deepEqual(interviewQuestions([check('r', 'permissions', 'unknown', [fact('permissions.entraRoles', { example: 'permissions:\n  entraRoles:' })])]), []);
  });

  it('offers the allowed values with their meanings, in the format\'s order, then Skip, and preselects nothing', async () => {
    assert.deepEqual(pickItems(questions[0]), [
      { id: 'P1', label: 'P1', description: 'Entra ID P1' },
      { id: 'P2', label: 'P2', description: 'Entra ID P2' },
      { id: SKIP, label: 'Skip', description: 'leave it unanswered for now' },
    ]);
    const ui = scripted(['P2', SKIP, 'ABC', '']);
    await runInterview(questions, ui);
    const first = ui.asked[0];
    assert.equal(first.kind, 'pick');
    assert.equal((first.request as PickRequest).activeId, undefined);
    assert.equal(first.request.title, 'Answer unknown facts: Licensing');
    assert.match((first.request as PickRequest).placeholder, /^licensing\.entraId \(now 'free', which isn't valid\), needed by 2 checks$/);
    assert.deepEqual(ui.asked.map((s) => s.kind), ['pick', 'pick', 'input', 'input']);
    assert.deepEqual(ui.asked.map((s) => [s.request.step, s.request.totalSteps]), [[1, 4], [2, 4], [3, 4], [4, 4]]);
    assert.equal((ui.asked[2].request as InputRequest).prompt, 'site.code, needed by 1 check. Type the value, or leave it empty to skip. For example:\nsite.code: x');
  });

  it('returns the answers given, skipping Skip and empty text', async () => {
    assert.deepEqual(await runInterview(questions, scripted(['P2', SKIP, 'ABC', ''])), [
      { path: 'licensing.entraId', value: 'P2' }, { path: 'site.code', value: 'ABC' },
    ]);
  });

  it('goes back to the previous question with its answer kept, and writes nothing when cancelled', async () => {
    const ui = scripted(['P1', BACK, 'P2', 'true', 'ABC', 'enabled']);
    assert.deepEqual(await runInterview(questions, ui), [
      { path: 'licensing.entraId', value: 'P2' }, { path: 'licensing.intune', value: 'true' },
      { path: 'site.code', value: 'ABC' }, { path: 'workloads.compliance', value: 'enabled' },
    ]);
    assert.equal((ui.asked[2].request as PickRequest).activeId, 'P1', 'going back shows the earlier answer');
    assert.equal(ui.asked[1].request.canGoBack, true);
    assert.equal(ui.asked[0].request.canGoBack, false);
    assert.equal(await runInterview(questions, scripted(['P1', undefined])), undefined);
  });
});
