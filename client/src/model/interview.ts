// "Answer unknown facts…" as plain logic: the questions a plan's unknown checks raise (one per
// missing key, grouped by area), and the walk through them with Skip and Back. The allowed values
// and their meanings come from the server's `missing` facts; nothing here judges an answer.
import { areaTitle, compareAreas } from './areas';
import { Answer, BACK, GeneratorUi, PickItem } from './generator';
import { MissingFact, ReadinessCheck } from './protocol';

export const INTERVIEW_TITLE = 'Answer unknown facts';
/** The pick item (and empty input) that leaves a question unanswered. */
export const SKIP = '$skip';

export interface Question {
  path: string;
  area: string;
  reason: MissingFact['reason'];
  value?: string;
  allowed?: { value: string; meaning: string }[];
  example: string;
  /** Titles of the checks that need this fact. */
  neededBy: string[];
}

export interface InterviewAnswer { path: string; value: string }

/** One question per missing key over the plan's unknown checks, by area in the documented order. */
export function interviewQuestions(checks: readonly ReadinessCheck[]): Question[] {
  const byPath = new Map<string, Question>();
  for (const check of checks) {
    if (check.status !== 'unknown') continue;
    for (const fact of check.missing ?? []) {
      // A list or a mapping (its example has no value after the key) isn't one answer: the tree's
      // "Add the missing key" inserts it with its structure instead.
      if (!fact.allowed?.length && /:\s*$/.test(fact.example)) continue;
      const known = byPath.get(fact.path);
      if (known) {
        if (!known.neededBy.includes(check.title)) known.neededBy.push(check.title);
        continue;
      }
      byPath.set(fact.path, {
        path: fact.path, area: check.area, reason: fact.reason, value: fact.value,
        allowed: fact.allowed?.length ? fact.allowed : undefined, example: fact.example, neededBy: [check.title],
      });
    }
  }
  // Stable: within an area the questions keep the server's order.
  return [...byPath.values()].sort((a, b) => compareAreas(a.area, b.area));
}

function why(question: Question): string {
  const now = question.reason === 'invalid' ? ` (now '${question.value ?? ''}', which isn't valid)`
    : question.reason === 'placeholder' ? ' (now a placeholder)' : '';
  // Short enough for a QuickPick's placeholder: the key first, the checks by number.
  const checks = question.neededBy.length === 1 ? '1 check' : `${question.neededBy.length} checks`;
  return `${question.path}${now}, needed by ${checks}`;
}

/** The items of a question with allowed values: each value with its meaning, then Skip. */
export function pickItems(question: Question): PickItem[] {
  const items: PickItem[] = (question.allowed ?? []).map((a) => ({ id: a.value, label: a.value, description: a.meaning }));
  items.push({ id: SKIP, label: 'Skip', description: 'leave it unanswered for now' });
  return items;
}

/**
 * Asks each question in turn (Back returns to the previous one). Resolves with the answers given,
 * in question order, or undefined when the user cancels (nothing is written then).
 */
export async function runInterview(questions: readonly Question[], ui: GeneratorUi): Promise<InterviewAnswer[] | undefined> {
  const answers = new Map<string, string>();
  let index = 0;
  while (index < questions.length) {
    const question = questions[index];
    const title = `${INTERVIEW_TITLE}: ${areaTitle(question.area)}`;
    const common = { title, step: index + 1, totalSteps: questions.length, canGoBack: index > 0 };
    let answer: Answer<string>;
    if (question.allowed) {
      answer = await ui.pick({ ...common, placeholder: why(question), items: pickItems(question), activeId: answers.get(question.path) });
    } else {
      answer = await ui.input({
        ...common,
        prompt: `${why(question)}. Type the value, or leave it empty to skip. For example:\n${question.example}`,
        placeholder: question.path,
        value: answers.get(question.path) ?? '',
        password: false,
        // Whether the value is right is the plan's checks' business once it is written.
        validate: async () => ({ severity: 'info', blocking: false, title }),
      });
    }
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      index--;
      continue;
    }
    if (answer === SKIP || answer.trim() === '') answers.delete(question.path);
    else answers.set(question.path, answer);
    index++;
  }
  return questions.filter((q) => answers.has(q.path)).map((q) => ({ path: q.path, value: answers.get(q.path)! }));
}
