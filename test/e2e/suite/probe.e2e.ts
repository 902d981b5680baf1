import * as assert from 'node:assert';
import * as vscode from 'vscode';
describe('probe', () => {
  it('runs in VS Code', () => {
    console.log('ENV', process.env.COMANAGE_E2E_RESULTS, vscode.version, vscode.env.uiKind, vscode.env.remoteName);
    assert.ok(vscode.version);
  });
});
