// Assembles a ccmsetup command line from the generator's answers: which items a scenario writes, in
// which order (parameters before properties), and how each value is quoted. It records where each
// answer landed, so the server's findings can be shown on the step that asked for it. Whether the
// line is right is the server's call (`comanage/checkCommandLine`), never this file's.
import { LineContext, Span } from './protocol';

export type ScenarioId = 'intune' | 'autopilot' | 'exe';
export type AuthId = 'entra' | 'entra-device' | 'pki' | 'token';
export type Field = 'cmg' | 'siteCode' | 'clientAppId' | 'resourceUri' | 'token' | 'smsmp' | 'provisionTs' | 'extra';

export interface GeneratorAnswers {
  scenario?: ScenarioId;
  auth?: AuthId;
  upgrade?: boolean;
  values: Partial<Record<Field, string>>;
}

export interface BuiltLine {
  text: string;
  context: LineContext;
  /** Where each answer's item(s) sit in `text`. */
  spans: Partial<Record<Field, Span[]>>;
  /** Answers that can't be written as they are, with the reason. */
  errors: Partial<Record<Field, string>>;
}

/** Intune takes the line wrapped as CCMSETUPCMD="…"; the other scenario runs ccmsetup.exe. */
export function contextOf(scenario: ScenarioId | undefined): LineContext {
  return scenario === 'exe' ? 'exe' : 'intune';
}

/**
 * A value as it goes on the line: as typed when it has no spaces, in double quotes when it has.
 * A double quote or a line break inside a value is refused: neither can be passed through safely.
 */
export function quoteValue(raw: string): { text: string } | { error: string } {
  const value = raw.trim();
  if (/[\r\n]/.test(value)) return { error: 'A value must fit on one line.' };
  if (value.includes('"')) return { error: 'A value can\'t contain a double quote ("); the generator adds the quotes a value needs.' };
  // A trailing backslash would escape the closing quote of CCMSETUPCMD="…".
  if (value.endsWith('\\')) return { error: 'A value can\'t end with a backslash (\\).' };
  // Quotes keep spaces together and keep cmd from reading < > & | ^ as redirections or chaining.
  return { text: /[\s<>&|^]/.test(value) ? `"${value}"` : value };
}

/** Splits the free-form "other items" answer on spaces outside double quotes; line breaks are refused. */
export function splitExtra(raw: string): { items: string[] } | { error: string } {
  if (/[\r\n]/.test(raw)) return { error: 'Write the other items on one line.' };
  const items = raw.match(/(?:[^\s"]+|"[^"]*"?)+/g) ?? [];
  if ((raw.match(/"/g)?.length ?? 0) % 2) return { error: 'A double quote (") is not closed.' };
  return { items };
}

/** The /mp value for a CMG: its address with https://, which /mp needs for a CMG. */
function cmgForMp(cmg: string): string {
  return /^https?:\/\//i.test(cmg) ? cmg : `https://${cmg}`;
}

interface Item { field?: Field; text: string }

/**
 * Which items the answers produce. /mp is written for ccmsetup.exe and for a token, which both need
 * it (the scenario templates in the catalog do the same); the server still checks the result.
 */
function itemsOf(answers: GeneratorAnswers, errors: BuiltLine['errors']): { parameters: Item[]; properties: Item[] } {
  const parameters: Item[] = [];
  const properties: Item[] = [];
  const value = (field: Field): string | undefined => {
    const raw = answers.values[field];
    if (raw === undefined || raw.trim() === '') return undefined;
    const quoted = quoteValue(raw);
    if ('error' in quoted) {
      errors[field] = quoted.error;
      return undefined;
    }
    return quoted.text;
  };
  const cmg = value('cmg');
  const rawCmg = answers.values.cmg?.trim();
  if (rawCmg && cmg && (answers.scenario === 'exe' || answers.auth === 'token')) {
    const mp = quoteValue(cmgForMp(rawCmg));
    if ('text' in mp) parameters.push({ field: 'cmg', text: `/mp:${mp.text}` });
  }
  if (answers.auth === 'pki') parameters.push({ text: '/UsePKICert' });
  const token = answers.auth === 'token' ? value('token') : undefined;
  if (token) parameters.push({ field: 'token', text: `/regtoken:${token}` });

  if (cmg) properties.push({ field: 'cmg', text: `CCMHOSTNAME=${cmg}` });
  const site = value('siteCode');
  if (site) properties.push({ field: 'siteCode', text: `SMSSITECODE=${site}` });
  if (answers.auth === 'entra') {
    const app = value('clientAppId');
    if (app) properties.push({ field: 'clientAppId', text: `AADCLIENTAPPID=${app}` });
    const resource = value('resourceUri');
    if (resource) properties.push({ field: 'resourceUri', text: `AADRESOURCEURI=${resource}` });
  }
  const smsmp = value('smsmp');
  if (smsmp) properties.push({ field: 'smsmp', text: `SMSMP=${smsmp}` });
  if (answers.scenario !== 'exe') {
    const ts = value('provisionTs');
    if (ts) properties.push({ field: 'provisionTs', text: `PROVISIONTS=${ts}` });
  }
  // A client.msi property in the newest reference (an older copy listed a /UpgradeToLatest
  // parameter); no copy documents a value, TRUE is the one written here.
  if (answers.upgrade) properties.push({ text: 'UPGRADETOLATEST=TRUE' });
  const extra = answers.values.extra;
  if (extra && extra.trim()) {
    const split = splitExtra(extra);
    if ('error' in split) errors.extra = split.error;
    else for (const text of split.items) (text.startsWith('/') ? parameters : properties).push({ field: 'extra', text });
  }
  return { parameters, properties };
}

/** How the token shows wherever a person can see the line: never the token itself. */
export function maskedToken(token: string): string {
  return `<token hidden, ${token.trim().length} characters>`;
}

/**
 * The command line for the answers so far (unanswered steps are left out). With `masked`, the
 * token is replaced for display; the spans then describe the masked text.
 */
export function buildLine(answers: GeneratorAnswers, options: { masked?: boolean } = {}): BuiltLine {
  const errors: BuiltLine['errors'] = {};
  const { parameters, properties } = itemsOf(answers, errors);
  const context = contextOf(answers.scenario);
  const wrapped = context === 'intune';
  // Inside CCMSETUPCMD="…" a quote is written twice, as msiexec reads it.
  const escape = (text: string) => (wrapped ? text.replace(/"/g, '""') : text);
  let text = wrapped ? 'CCMSETUPCMD="' : 'ccmsetup.exe';
  const spans: BuiltLine['spans'] = {};
  let first = true;
  for (const item of [...parameters, ...properties]) {
    const shown = options.masked && item.field === 'token' ? `/regtoken:${maskedToken(answers.values.token ?? '')}` : item.text;
    if (!first || !wrapped) text += ' ';
    first = false;
    const start = text.length;
    text += escape(shown);
    if (item.field) (spans[item.field] ??= []).push({ start, end: text.length });
  }
  if (wrapped) text += '"';
  return { text, context, spans, errors };
}
