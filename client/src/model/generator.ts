// The "Generate ccmsetup command line…" flow as plain logic: which steps apply, what each asks,
// how a typed value is judged (through the server's checker, passed in as `check`), and the
// multi-step loop with Back. generateCommand.ts supplies the VS Code QuickPick / InputBox.
import { AuthId, BuiltLine, Field, GeneratorAnswers, ScenarioId, buildLine } from './commandLine';
import { CommandLineCheck, LineContext, LineIntent, LineProblem, PlanFacts, PolicySummary, Span } from './protocol';

export type Checker = (text: string, context: LineContext, intent?: LineIntent) => Promise<CommandLineCheck>;
export type OutputAction = 'insert' | 'copy' | 'open' | 'policy';

/**
 * Where the line can go, as the server judged the active editor: insertion only where a ccmsetup
 * line belongs (a ccmsetup file, a script invocation's arguments); in a manifest, its policies.
 */
export interface OutputTarget {
  canInsert: boolean;
  /** The active manifest's co-management policies: each becomes "Set as the command line of policy …". */
  policies?: readonly PolicySummary[];
}

export const GENERATOR_TITLE = 'Generate ccmsetup command line';
/** What a prompt returns when the user presses Back. */
export const BACK = Symbol('back');
export type Answer<T> = T | typeof BACK | undefined;

export interface PickItem {
  id: string;
  label: string;
  description?: string;
  detail?: string;
}

export interface PickRequest {
  title: string;
  step: number;
  totalSteps: number;
  placeholder: string;
  items: PickItem[];
  activeId?: string;
  canGoBack: boolean;
}

export interface Validation {
  /** Shown under the box; absent when all is well. */
  message?: string;
  severity: 'error' | 'warning' | 'info';
  /** True when the value can't be accepted. */
  blocking: boolean;
  /** The box's title, with the running length. */
  title: string;
}

export interface InputRequest {
  title: string;
  step: number;
  totalSteps: number;
  prompt: string;
  placeholder: string;
  value: string;
  password: boolean;
  canGoBack: boolean;
  validate(value: string): Promise<Validation>;
}

export interface GeneratorUi {
  pick(request: PickRequest): Promise<Answer<string>>;
  input(request: InputRequest): Promise<Answer<string>>;
}

export interface GeneratedLine {
  action: OutputAction;
  text: string;
  /** The line as it may be shown (token hidden). */
  display: string;
  length: number;
  limit: number;
  context: LineContext;
  answers: GeneratorAnswers;
  /** For 'policy': which of the manifest's policies. */
  policyIndex?: number;
}

export const SCENARIOS: { id: ScenarioId; label: string; detail: string }[] = [
  { id: 'intune', label: 'Intune co-management settings', detail: 'CCMSETUPCMD="…" for new internet-based devices that get the client over a cloud management gateway' },
  { id: 'autopilot', label: 'Autopilot into co-management', detail: 'CCMSETUPCMD="…" that Intune runs during provisioning, optionally starting a task sequence (PROVISIONTS)' },
  { id: 'exe', label: 'ccmsetup.exe over a cloud management gateway', detail: 'A ccmsetup.exe line for a script or task sequence on an internet-based device (/mp:https://…)' },
];

export const AUTH_CHOICES: { id: AuthId; label: string; detail: string }[] = [
  { id: 'entra-device', label: 'Microsoft Entra ID', detail: 'Entra joined devices get the app details from the CMG during setup: nothing is added to the line' },
  { id: 'entra', label: 'Microsoft Entra ID, with the app IDs', detail: 'AADCLIENTAPPID and AADRESOURCEURI, for devices that also have a PKI client certificate but should use Entra ID' },
  { id: 'pki', label: 'PKI client certificate', detail: '/UsePKICert: the client uses its PKI certificate for HTTPS' },
  { id: 'token', label: 'Bulk registration token', detail: '/regtoken: for devices without Microsoft Entra ID or a PKI certificate (kept hidden here)' },
];

type StepId = 'scenario' | 'auth' | 'upgrade' | 'output' | Field;

interface InputStepSpec {
  id: Field;
  prompt: string;
  placeholder: string;
  required: (a: GeneratorAnswers) => boolean;
  when?: (a: GeneratorAnswers) => boolean;
  password?: boolean;
}

const INPUTS: Record<Field, InputStepSpec> = {
  cmg: {
    id: 'cmg', required: () => true,
    prompt: 'Cloud management gateway address (CCMHOSTNAME), without https://',
    placeholder: 'contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500',
  },
  siteCode: { id: 'siteCode', required: () => true, prompt: 'Site code (SMSSITECODE): three letters or digits', placeholder: 'ABC' },
  clientAppId: {
    id: 'clientAppId', required: () => true, when: (a) => a.auth === 'entra',
    prompt: 'Application ID of the Microsoft Entra client app (AADCLIENTAPPID)', placeholder: '00000000-0000-0000-0000-000000000000',
  },
  resourceUri: {
    id: 'resourceUri', required: () => true, when: (a) => a.auth === 'entra',
    prompt: 'App ID URI of the Microsoft Entra server app (AADRESOURCEURI)', placeholder: 'https://contososerver',
  },
  token: {
    id: 'token', required: () => true, when: (a) => a.auth === 'token', password: true,
    prompt: 'Bulk registration token (/regtoken). It stays hidden here and in every message.', placeholder: 'the token from BulkRegistrationTokenTool.exe',
  },
  smsmp: {
    id: 'smsmp', required: (a) => a.auth === 'token',
    prompt: 'Management point the client uses first (SMSMP). Optional: press Enter to leave it out.',
    placeholder: 'https://mp1.contoso.com',
  },
  provisionTs: {
    id: 'provisionTs', required: () => false, when: (a) => a.scenario !== 'exe',
    prompt: 'Deployment ID of a task sequence to run once the client registers (PROVISIONTS). Optional: press Enter to leave it out.',
    placeholder: 'PRI20001',
  },
  extra: {
    id: 'extra', required: () => false,
    prompt: 'Other parameters and properties, separated by spaces. Optional: press Enter to finish.',
    placeholder: 'SMSCACHESIZE=10240 /BITSPriority:HIGH',
  },
};

/** SMSMP is required with a token; say so instead of "Optional". */
function promptOf(spec: InputStepSpec, answers: GeneratorAnswers): string {
  if (spec.id === 'smsmp' && spec.required(answers)) return 'Management point the client uses first (SMSMP); a token needs it.';
  return spec.prompt;
}

// SMSMP comes before the token: the checker wants it beside /regtoken, so the token can be accepted.
const ORDER: StepId[] = ['scenario', 'cmg', 'siteCode', 'auth', 'clientAppId', 'resourceUri', 'smsmp', 'token', 'provisionTs', 'upgrade', 'extra', 'output'];

/** The steps that apply to the answers so far, in order. */
export function stepsFor(answers: GeneratorAnswers): StepId[] {
  return ORDER.filter((id) => {
    if (id === 'scenario' || id === 'auth' || id === 'upgrade' || id === 'output') return true;
    return INPUTS[id].when?.(answers) ?? true;
  });
}

export function lengthTitle(length: number, limit: number, context: LineContext): string {
  return context === 'intune'
    ? `${GENERATOR_TITLE} — ${length} of ${limit} characters`
    : `${GENERATOR_TITLE} — ${length} characters`;
}

const overlaps = (p: Span, s: Span) => (p.start < s.end && p.end > s.start) || (p.start === p.end && p.start >= s.start && p.start <= s.end);
const RANK: Record<LineProblem['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The server's findings that fall on a field's items, worst first; hints are left out. */
export function problemsOn(line: BuiltLine, field: Field, problems: readonly LineProblem[]): LineProblem[] {
  const spans = line.spans[field] ?? [];
  return problems
    .filter((p) => p.severity !== 'hint' && spans.some((s) => overlaps(p.span, s)))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** The field whose items a finding falls on, if any. */
export function fieldOf(line: BuiltLine, problem: LineProblem): Field | undefined {
  return (Object.keys(line.spans) as Field[]).find((field) => line.spans[field]!.some((s) => overlaps(problem.span, s)));
}

/** The authentication the answers chose, for the server to hold the line to (an Entra choice makes /UsePKICert an error). */
export function intentOf(answers: GeneratorAnswers): LineIntent | undefined {
  if (!answers.auth) return undefined;
  return { authentication: answers.auth === 'pki' ? 'pki' : answers.auth === 'token' ? 'token' : 'entra-id' };
}

/** The answers a plan's facts give, and the manifest each came from (shown beside the prefilled value). */
export type PrefillOrigins = Partial<Record<Field | 'auth', string>>;
export interface Prefill {
  answers: GeneratorAnswers;
  from: PrefillOrigins;
}

const AUTH_OF_PLAN: Record<NonNullable<PlanFacts['authentication']>, AuthId> = { 'entra-id': 'entra-device', pki: 'pki', token: 'token' };

/** Prefills from the plans' facts, in the order given (the active manifest first): the first plan stating a fact wins. */
export function prefillFrom(sources: readonly { source: string; facts: PlanFacts }[]): Prefill {
  const prefill: Prefill = { answers: { values: {} }, from: {} };
  const take = (field: Field, value: string | undefined, source: string) => {
    if (value === undefined || prefill.answers.values[field] !== undefined) return;
    prefill.answers.values[field] = value;
    prefill.from[field] = source;
  };
  for (const { source, facts } of sources) {
    take('siteCode', facts.siteCode, source);
    take('cmg', facts.cmg, source);
    take('smsmp', facts.managementPoint, source);
    if (facts.authentication && !prefill.answers.auth) {
      prefill.answers.auth = AUTH_OF_PLAN[facts.authentication];
      prefill.from.auth = source;
    }
  }
  return prefill;
}

/** Judges a value typed into a step: locally for emptiness and quoting, then with the server's rules. */
export async function validateField(answers: GeneratorAnswers, field: Field, value: string, check: Checker): Promise<Validation> {
  const candidate: GeneratorAnswers = { ...answers, values: { ...answers.values, [field]: value } };
  const line = buildLine(candidate);
  const result = await check(line.text, line.context, intentOf(candidate));
  const title = lengthTitle(result.length, result.limit, line.context);
  if (value.trim() === '') {
    return INPUTS[field].required(answers)
      ? { message: 'Enter a value: the line needs it.', severity: 'error', blocking: true, title }
      : { severity: 'info', blocking: false, title };
  }
  const local = line.errors[field];
  if (local) return { message: local, severity: 'error', blocking: true, title };
  const found = problemsOn(line, field, result.problems);
  if (!found.length) return { severity: 'info', blocking: false, title };
  const [worst] = found;
  const more = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
  const severity = worst.severity === 'error' ? 'error' : worst.severity === 'warning' ? 'warning' : 'info';
  return { message: `${worst.message}${more}`, severity, blocking: severity === 'error', title };
}

const STEP_NAMES: Record<StepId, string> = {
  scenario: 'scenario', cmg: 'CMG address', siteCode: 'site code', auth: 'authentication', clientAppId: 'client app ID',
  resourceUri: 'resource URI', token: 'token', smsmp: 'SMSMP', provisionTs: 'PROVISIONTS', upgrade: 'UPGRADETOLATEST',
  extra: 'other items', output: 'output',
};

const ICONS: Record<LineProblem['severity'], string> = { error: '$(error)', warning: '$(warning)', information: '$(info)', hint: '$(lightbulb)' };

/** What can be done with a clean line where the user is: insert only where the server said a line belongs. */
export function outputActions(target: OutputTarget, display: string): PickItem[] {
  const actions: PickItem[] = [];
  if (target.canInsert) actions.push({ id: 'insert', label: '$(insert) Insert at the cursor', detail: display });
  for (const policy of target.policies ?? []) {
    actions.push({ id: `policy:${policy.index}`, label: `$(edit) Set as the command line of policy "${policy.name}"`, description: `policy ${policy.index + 1} of ${target.policies!.length}` });
  }
  const shown = actions.length > 0;
  actions.push({ id: 'copy', label: '$(copy) Copy to the clipboard', detail: shown ? undefined : display });
  actions.push({ id: 'open', label: '$(new-file) Open in a new editor', detail: 'A new ccmsetup document, checked like a .ccmsetup file' });
  return actions;
}

/** The last step's items: the actions when the line has no error, and each finding, which leads back to its step. */
export function outputItems(line: BuiltLine, display: string, check: CommandLineCheck, target: OutputTarget): { items: PickItem[]; placeholder: string } {
  const shown = check.problems.filter((p) => p.severity !== 'hint');
  const errors = shown.filter((p) => p.severity === 'error');
  const problemItems = shown.map((p, i): PickItem => {
    const field = fieldOf(line, p);
    return {
      id: `problem:${i}:${field ?? 'scenario'}`,
      label: `${ICONS[p.severity]} ${p.message}`,
      description: `${p.code} — go back to ${STEP_NAMES[field ?? 'scenario']}`,
    };
  });
  if (errors.length) {
    return {
      items: problemItems,
      placeholder: `The line has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}: pick one to go back and fix it.`,
    };
  }
  const actions = outputActions(target, display);
  const notes = problemItems.length ? ` (${problemItems.length === 1 ? 'one finding' : `${problemItems.length} findings`} listed below)` : '';
  return { items: [...actions, ...problemItems], placeholder: `The checker finds no error${notes}. What should happen with the line?` };
}

function findOutputField(id: string): StepId {
  const field = id.split(':')[2] as StepId | undefined;
  return field && ORDER.includes(field) ? field : 'scenario';
}

/**
 * Runs the steps until the last one gives an action (resolves with the line) or the user cancels
 * (resolves undefined). Back returns to the previous step with its answer kept.
 */
export async function runGenerator(ui: GeneratorUi, check: Checker, options: OutputTarget & { initial?: GeneratorAnswers; prefill?: Prefill }): Promise<GeneratedLine | undefined> {
  const answers: GeneratorAnswers = options.initial ?? { ...options.prefill?.answers, values: { ...options.prefill?.answers.values } };
  const from = options.prefill?.from ?? {};
  let current: StepId = 'scenario';
  for (;;) {
    const steps = stepsFor(answers);
    const index = Math.max(0, steps.indexOf(current));
    const position = { title: GENERATOR_TITLE, step: index + 1, totalSteps: steps.length, canGoBack: index > 0 };
    const previous = steps[index - 1] ?? 'scenario';
    const id = steps[index];
    // After the answer: a choice can add or remove the steps that follow it.
    const next = (): StepId => {
      const now = stepsFor(answers);
      return now[now.indexOf(id) + 1] ?? 'output';
    };
    if (id === 'scenario' || id === 'auth' || id === 'upgrade') {
      const choice = await ui.pick({ ...position, ...pickSpec(id, answers, from) });
      if (choice === undefined) return undefined;
      if (choice === BACK) { current = previous; continue; }
      if (id === 'scenario') answers.scenario = choice as ScenarioId;
      else if (id === 'auth') answers.auth = choice as AuthId;
      else answers.upgrade = choice === 'yes';
      current = next();
    } else if (id === 'output') {
      const line = buildLine(answers);
      const display = buildLine(answers, { masked: true }).text;
      const result = await check(line.text, line.context, intentOf(answers));
      const { items, placeholder } = outputItems(line, display, result, options);
      const choice = await ui.pick({ ...position, title: lengthTitle(result.length, result.limit, line.context), placeholder, items });
      if (choice === undefined) return undefined;
      if (choice === BACK) { current = previous; continue; }
      if (choice.startsWith('problem:')) { current = findOutputField(choice); continue; }
      const base = { text: line.text, display, length: result.length, limit: result.limit, context: line.context, answers };
      if (choice.startsWith('policy:')) return { ...base, action: 'policy', policyIndex: Number(choice.slice('policy:'.length)) };
      return { ...base, action: choice as OutputAction };
    } else {
      const spec = INPUTS[id];
      const value = await ui.input({
        ...position,
        prompt: from[id] && answers.values[id] === options.prefill?.answers.values[id] ? `${promptOf(spec, answers)} Prefilled from ${from[id]}: change it if this line is for another site.` : promptOf(spec, answers),
        placeholder: spec.placeholder,
        value: answers.values[id] ?? '',
        password: !!spec.password,
        validate: (typed) => validateField(answers, id, typed, check),
      });
      if (value === undefined) return undefined;
      if (value === BACK) { current = previous; continue; }
      answers.values[id] = value.trim();
      current = next();
    }
  }
}

function pickSpec(id: 'scenario' | 'auth' | 'upgrade', answers: GeneratorAnswers, from: PrefillOrigins): { placeholder: string; items: PickItem[]; activeId?: string } {
  if (id === 'scenario') {
    return { placeholder: 'Where will the command line be used?', items: SCENARIOS.map(({ id: sid, label, detail }) => ({ id: sid, label, detail })), activeId: answers.scenario };
  }
  if (id === 'auth') {
    // The plan's method is preselected and marked; the other Entra choice is the same method.
    const planned = from.auth ? AUTH_CHOICES.find((c) => c.id === answers.auth) : undefined;
    return {
      placeholder: planned ? `How does the device authenticate to the cloud management gateway? ${from.auth} says ${planned.label}.` : 'How does the device authenticate to the cloud management gateway?',
      items: AUTH_CHOICES.map(({ id: aid, label, detail }) => ({ id: aid, label, detail, description: planned?.id === aid ? `from ${from.auth}` : undefined })),
      activeId: answers.auth,
    };
  }
  return {
    placeholder: 'Install the newest client version the site has (UPGRADETOLATEST)?',
    items: [
      { id: 'yes', label: 'Yes, add UPGRADETOLATEST', detail: 'A new internet-based device starts on the newest client version, pre-production included' },
      { id: 'no', label: 'No', detail: 'The device gets the site\'s production client version' },
    ],
    // Intune's path suggests it, so new internet-based devices get the latest client.
    activeId: answers.upgrade === undefined ? (answers.scenario === 'exe' ? 'no' : 'yes') : answers.upgrade ? 'yes' : 'no',
  };
}
