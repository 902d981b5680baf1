// Drift over the real protocol (dist/server.js --stdio): a plan with `sources:` gets the "Tenant
// export" checks as diagnostics and in comanage/readiness, read from disk by the server, read again
// on the next request (an export changed on disk is seen), with the quick fix on the plan's key.
// Needs `node esbuild.mjs` first.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, InitializeResult } from 'vscode-languageserver';
import { LspClient } from './helpers/lspClient';

const SERVER = path.resolve(__dirname, '..', 'dist', 'server.js');
const FIXTURES = path.join(__dirname, 'fixtures/graph');

interface Check { id: string; area: string; status: string; message: string }

describe('drift over the language server protocol', function () {
  this.timeout(30000);
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-drift-lsp-'));
    fs.cpSync(FIXTURES, dir, { recursive: true });
    client = LspClient.start(SERVER);
    await client.request<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: false } } });
    await client.notify('initialized', {});
  });
  after(async () => {
    if (client?.alive) await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a plan with sources: gets the Tenant export checks, re-read from disk, with the quick fix', async () => {
    const file = path.join(dir, 'drift/plan.comanage.yaml');
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    const published = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('tenant-')));
    await client.open(uri, text, 'yaml');
    const diagnostics = (await published).diagnostics.filter((d) => String(d.code).startsWith('tenant-'));
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['tenant-command-line', 'tenant-esp-timeout', 'tenant-priority']);

    const checks = await client.request<Check[]>('comanage/readiness', { uri });
    const tenant = checks.filter((c) => c.area === 'tenant-export');
    assert.ok(tenant.some((c) => c.id === 'tenant-autopilot-join' && c.status === 'pass'), JSON.stringify(tenant));
    assert.ok(tenant.some((c) => c.id === 'tenant-esp-timeout' && c.status === 'fail' && /is 60 in the plan, but the tenant's export says 90/.test(c.message)));

    const timeout = diagnostics.find((d) => d.code === 'tenant-esp-timeout')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: timeout.range, context: { diagnostics: [timeout] } });
    const fix = actions.find((a) => a.title === 'Take the tenant\'s value');
    assert.ok(fix?.edit?.changes?.[uri], `actions: ${actions.map((a) => a.title)}`);
    assert.match(TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), fix.edit.changes[uri]), /timeoutMinutes: 90/);

    // The export changes on disk: the next readiness request (the view's refresh) reads it again, and the diagnostics follow.
    const exportFile = path.join(dir, 'enrollment-page1.json');
    fs.writeFileSync(exportFile, fs.readFileSync(exportFile, 'utf8').replace('"installProgressTimeoutInMinutes": 90', '"installProgressTimeoutInMinutes": 60'));
    const republished = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d: Diagnostic) => d.code === 'tenant-esp-timeout'));
    const again = await client.request<Check[]>('comanage/readiness', { uri });
    assert.ok(again.some((c) => c.id === 'tenant-esp-timeout' && c.status === 'pass'), JSON.stringify(again.filter((c) => c.area === 'tenant-export')));
    await republished;

    // A source that can't be read fails, and says so.
    fs.rmSync(path.join(dir, 'autopilot-profiles.json'));
    const missing = await client.request<Check[]>('comanage/readiness', { uri });
    assert.ok(missing.some((c) => c.id === 'tenant-export-readable' && c.status === 'fail' && c.message.includes('../autopilot-profiles.json')), JSON.stringify(missing.filter((c) => c.area === 'tenant-export')));
  });
});
