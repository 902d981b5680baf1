// Entry point the extension host loads (extensionTestsPath): runs every bundled *.e2e.js beside it
// with mocha, inside the VS Code that @vscode/test-electron (or the code-server shim) started.
// The host's console reaches the terminal differently in desktop VS Code and in code-server, so
// mocha's report goes to files in COMANAGE_E2E_OUTPUT instead, and runTest.ts prints them once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export const REPORT_FILE = 'report.txt';
export const RESULTS_FILE = 'results.json';

export function run(): Promise<void> {
  const output = process.env.COMANAGE_E2E_OUTPUT;
  // Line by line, so a crashed host still leaves the tests that ran.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    const line = `${format(...args)}\n`;
    if (output) fs.appendFileSync(path.join(output, REPORT_FILE), line);
    else process.stdout.write(line);
  };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', rootHooks: fixtureGuard() });
  // runTest.ts passes COMANAGE_E2E_GREP through: a quick run of one part of the suite.
  if (process.env.COMANAGE_E2E_GREP) mocha.grep(process.env.COMANAGE_E2E_GREP);
  // Sorted, so a run is repeatable.
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.e2e.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0, duration = 0 } = runner.stats ?? {};
      if (output) {
        const results = { passes, failures, pending, durationMs: duration };
        fs.writeFileSync(path.join(output, RESULTS_FILE), JSON.stringify(results));
      }
      if (failures) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
  });
}

/**
 * The tests edit fixtures in memory only. These hooks make sure VS Code won't save them, and that
 * the files on disk are unchanged at the end; if one was written anyway, it is put back and the run fails.
 */
function fixtureGuard(): Mocha.RootHookObject {
  const fixtures = path.resolve(__dirname, '..', '..', '..', 'client', 'testFixture');
  const snapshot = new Map<string, Buffer>();
  return {
    beforeAll() {
      for (const name of fs.readdirSync(fixtures)) snapshot.set(name, fs.readFileSync(path.join(fixtures, name)));
      const autoSave = vscode.workspace.getConfiguration('files').get<string>('autoSave');
      if (autoSave !== 'off') throw new Error(`files.autoSave is "${autoSave}": the run's settings must turn it off`);
    },
    afterAll() {
      const changed = [...snapshot].filter(([name, bytes]) => !fs.readFileSync(path.join(fixtures, name)).equals(bytes));
      for (const [name, bytes] of changed) fs.writeFileSync(path.join(fixtures, name), bytes);
      if (changed.length) throw new Error(`the tests wrote ${changed.map(([name]) => name).join(', ')} (restored)`);
    },
  };
}
