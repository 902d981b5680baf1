// For the client's end-to-end tests: the extension's API, a scripted Ui that answers prompts
// instead of a person, and waiting for the Readiness view to hold what a test expects.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ComanageApi } from '../../../client/src/extension';
import type { Answer, InputRequest, PickRequest, Validation } from '../../../client/src/model/generator';
import type { ManifestNode } from '../../../client/src/model/readinessTree';
import type { Ui } from '../../../client/src/ui';
import { EVENT_TIMEOUT_MS, extension } from './helpers';

export async function api(): Promise<ComanageApi> {
  const exports = (await extension().activate()) as ComanageApi | undefined;
  assert.ok(exports?.readiness && exports.ui && exports.readinessView, 'activate() should return { client, readiness, readinessView, ui }');
  return exports;
}

/** Resolves with a manifest's node once `accept` holds for it, refreshing the view as it goes. */
export function waitForManifest(
  comanage: ComanageApi,
  uri: vscode.Uri,
  accept: (node: ManifestNode | undefined) => boolean,
  what: string,
): Promise<ManifestNode | undefined> {
  return new Promise((resolve, reject) => {
    const find = () => comanage.readiness.manifests().find((root) => root.uri === uri.toString());
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      const have = comanage.readiness.manifests().map((m) => `${m.label}: ${m.description}`).join('; ') || '(none)';
      reject(new Error(`timed out after ${EVENT_TIMEOUT_MS} ms waiting for ${what}; the view has ${have}`));
    }, EVENT_TIMEOUT_MS);
    const check = () => {
      const node = find();
      if (!accept(node)) return false;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(node);
      return true;
    };
    if (check()) return;
    subscription = comanage.readiness.onDidUpdate(() => { check(); });
    void comanage.readiness.refresh();
  });
}

/** Answers for input steps, by a word of their prompt (first match wins). */
export type Inputs = [RegExp, string][];

/** A Ui that answers from a script and records what it was asked and told. */
export class ScriptedUi implements Ui {
  readonly asked: string[] = [];
  readonly infos: string[] = [];
  readonly errors: string[] = [];
  readonly validations: { prompt: string; value: string; result: Validation }[] = [];
  readonly pickRequests: PickRequest[] = [];
  readonly inputRequests: InputRequest[] = [];
  /** Modal questions: the message, its details and the actions offered. */
  readonly questions: { message: string; detail: string; actions: string[] }[] = [];

  constructor(private readonly script: {
    picks?: string[];
    inputs?: Inputs;
    choose?: (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined;
    saveTo?: vscode.Uri;
    /** What the open dialog returns. */
    openTo?: vscode.Uri[];
    /** The answers to modal questions, in order (undefined: Cancel). */
    answers?: (string | undefined)[];
    /** Extra checks on an input step before it is answered. */
    onInput?: (request: InputRequest) => Promise<void>;
  } = {}) {}

  async pick(request: PickRequest): Promise<Answer<string>> {
    this.pickRequests.push(request);
    const answer = this.script.picks?.shift();
    this.asked.push(`pick ${answer}`);
    assert.ok(answer === undefined || request.items.some((item) => item.id === answer),
      `"${answer}" is not among ${request.items.map((item) => item.id).join(', ')} (${request.placeholder})`);
    return answer;
  }

  async input(request: InputRequest): Promise<Answer<string>> {
    await this.script.onInput?.(request);
    this.inputRequests.push(request);
    // Unscripted steps keep what the box shows (a value prefilled from a plan, else empty).
    const value = this.script.inputs?.find(([pattern]) => pattern.test(request.prompt))?.[1] ?? request.value;
    this.asked.push(`input ${request.prompt.split(' (')[0]}`);
    const result = await request.validate(value);
    this.validations.push({ prompt: request.prompt, value, result });
    assert.ok(!result.blocking, `"${value}" for "${request.prompt}" was refused: ${result.message}`);
    return value;
  }

  async choose<T extends vscode.QuickPickItem>(items: T[], options: { title: string }): Promise<T | undefined> {
    this.asked.push(`choose ${options.title}`);
    return this.script.choose?.(items) as T | undefined;
  }

  async saveDialog(): Promise<vscode.Uri | undefined> {
    this.asked.push('save dialog');
    return this.script.saveTo;
  }

  async openDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined> {
    this.asked.push(`open dialog${options.canSelectFolders ? ' (files or folders)' : ''}`);
    return this.script.openTo;
  }

  async ask(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    this.questions.push({ message, detail, actions });
    this.asked.push(`ask ${actions.join(' / ')}`);
    const answer = this.script.answers?.shift();
    assert.ok(answer === undefined || actions.includes(answer), `"${answer}" is not among ${actions.join(', ')}`);
    return answer;
  }

  async info(message: string): Promise<string | undefined> {
    this.infos.push(message);
    return undefined;
  }

  async error(message: string): Promise<void> {
    this.errors.push(message);
  }
}

/** Runs `body` with the scripted Ui in place, and always puts the real one back. */
export async function withUi<T>(comanage: ComanageApi, ui: Ui, body: () => Thenable<T> | Promise<T>): Promise<T> {
  const real = comanage.ui.current;
  comanage.ui.current = ui;
  try {
    return await body();
  } finally {
    comanage.ui.current = real;
  }
}

/** Closes the active editor without saving (for untitled documents a test opened). */
export async function discardActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
