// Every prompt and message the commands show goes through a `Ui`, so the end-to-end tests can
// answer them with a script instead of a person (the extension's API exposes the slot).
// The VS Code implementation: multi-step QuickPick / InputBox with Back, and live validation.
import * as vscode from 'vscode';
import { Answer, BACK, GeneratorUi, InputRequest, PickRequest, Validation } from './model/generator';

export interface Ui extends GeneratorUi {
  choose<T extends vscode.QuickPickItem>(items: T[], options: { title: string; placeHolder: string }): Promise<T | undefined>;
  saveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined>;
  openDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined>;
  /** A modal question with its details; resolves with the action clicked (Cancel: undefined). */
  ask(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  /** Resolves with the action the user clicks (when the message is dismissed: undefined). */
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  /** Resolves at once. */
  error(message: string): Promise<void>;
}

const MAX_DETAIL_LINES = 4;
let detailsChannel: vscode.OutputChannel | undefined;

/**
 * A modal dialog sits over what it asks about (the import's diff, say): a long detail goes to the
 * Output panel in full, and the dialog keeps its first lines and says where the rest is.
 */
function shortDetail(detail: string): string {
  const lines = detail.split('\n');
  if (lines.length <= MAX_DETAIL_LINES) return detail;
  detailsChannel ??= vscode.window.createOutputChannel('Co-management details');
  detailsChannel.clear();
  detailsChannel.appendLine(detail);
  detailsChannel.show(true);
  const head = lines.slice(0, lines.indexOf('') > 0 ? lines.indexOf('') : 1).join('\n');
  return `${head}\n\nThe full list is in the Output panel ("Co-management details").`;
}

/** Where the commands look up the current Ui; tests swap `current` and put it back. */
export interface UiSlot { current: Ui }

const SEVERITY: Record<Validation['severity'], vscode.InputBoxValidationSeverity> = {
  error: vscode.InputBoxValidationSeverity.Error,
  warning: vscode.InputBoxValidationSeverity.Warning,
  info: vscode.InputBoxValidationSeverity.Info,
};

function pick(request: PickRequest): Promise<Answer<string>> {
  return new Promise((resolve) => {
    type Item = vscode.QuickPickItem & { id: string };
    const quickPick = vscode.window.createQuickPick<Item>();
    const disposables: vscode.Disposable[] = [quickPick];
    const finish = (answer: Answer<string>) => {
      resolve(answer);
      disposables.forEach((d) => d.dispose());
    };
    quickPick.title = request.title;
    quickPick.step = request.step;
    quickPick.totalSteps = request.totalSteps;
    quickPick.placeholder = request.placeholder;
    quickPick.ignoreFocusOut = true;
    quickPick.buttons = request.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    const items: Item[] = request.items.map((item) => ({ ...item }));
    quickPick.items = items;
    const active = items.find((item) => item.id === request.activeId);
    if (active) quickPick.activeItems = [active];
    disposables.push(
      quickPick.onDidAccept(() => {
        const chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        if (chosen) finish(chosen.id);
      }),
      quickPick.onDidTriggerButton(() => finish(BACK)),
      quickPick.onDidHide(() => finish(undefined)),
    );
    quickPick.show();
  });
}

function input(request: InputRequest): Promise<Answer<string>> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    const disposables: vscode.Disposable[] = [box];
    let done = false;
    const finish = (answer: Answer<string>) => {
      if (done) return;
      done = true;
      resolve(answer);
      disposables.forEach((d) => d.dispose());
    };
    box.title = request.title;
    box.step = request.step;
    box.totalSteps = request.totalSteps;
    box.prompt = request.prompt;
    box.placeholder = request.placeholder;
    box.value = request.value;
    box.password = request.password;
    box.ignoreFocusOut = true;
    box.buttons = request.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    // Messages appear once the user has typed or tried to go on, not on an untouched empty box.
    let touched = request.value !== '';
    let generation = 0;
    const validate = async (value: string): Promise<Validation | undefined> => {
      const mine = ++generation;
      box.busy = true;
      let result: Validation;
      try {
        result = await request.validate(value);
      } catch (error) {
        result = { message: `Couldn't check the value: ${error instanceof Error ? error.message : String(error)}`, severity: 'warning', blocking: false, title: request.title };
      }
      // A newer keystroke has its own check under way: this answer is stale.
      if (mine !== generation || done) return undefined;
      box.busy = false;
      box.title = result.title;
      box.validationMessage = touched && result.message ? { message: result.message, severity: SEVERITY[result.severity] } : undefined;
      return result;
    };
    disposables.push(
      box.onDidChangeValue((value) => {
        touched = true;
        void validate(value);
      }),
      box.onDidAccept(async () => {
        touched = true;
        const value = box.value;
        const result = await validate(value);
        if (result && !result.blocking && box.value === value) finish(value);
      }),
      box.onDidTriggerButton(() => finish(BACK)),
      box.onDidHide(() => finish(undefined)),
    );
    box.show();
    void validate(box.value);
  });
}

export const vscodeUi: Ui = {
  pick,
  input,
  async choose(items, options) {
    return vscode.window.showQuickPick(items, { ...options, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
  },
  async saveDialog(options) {
    return vscode.window.showSaveDialog(options);
  },
  async openDialog(options) {
    return vscode.window.showOpenDialog(options);
  },
  async ask(message, detail, ...actions) {
    return vscode.window.showInformationMessage(message, { modal: true, detail: shortDetail(detail) }, ...actions);
  },
  async info(message, ...actions) {
    return vscode.window.showInformationMessage(message, ...actions);
  },
  async error(message) {
    // Not awaited: the message stays up without holding the command open.
    void vscode.window.showErrorMessage(message);
  },
};
