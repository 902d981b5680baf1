// Bulk registration tokens (/regtoken values) never reach anything a person or a log can see:
// the core's answers, the CLI in every format, the language server over stdio. And the token's
// expiry is read (never verified) so a stale token is caught before a failed install.
import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver';
import { TOKEN_EXPIRY_WARNING_DAYS } from '../server/src/core/ccmsetup/rules/templates';
import { getLanguageService } from '../server/src/core/languageService';
import { MASK, findSecrets, tokenExpiry } from '../server/src/core/secrets';
import { describeError } from '../server/src/utils/runSafe';
import { jwt } from './fuzz/arbitraries';
import { PLACEMENTS, PLACEMENT_NAMES, bulkToken, leaksOf, shapeOf } from './fuzz/secretPlacement';
import { doc } from './helpers/core';
import { LspClient } from './helpers/lspClient';

const CASES_PER_PLACEMENT = 5;
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2025-06-01T12:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const PLAIN = 'Zq4PlainTokenNotAJwt0123456789abc';
const CMG = 'ccmsetup.exe /mp:https://contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC SMSMP=https://mp1.contoso.com';
const withToken = (token: string) => `${CMG} /regtoken:${token}`;
const expiryFindings = (text: string, name?: string) =>
  getLanguageService({ now: () => NOW }).analyze(doc(text, name)).filter((p) => p.code === 'regtoken-expiry');

describe('secrets', () => {
  describe('reading a token\'s expiry', () => {
    it('decodes the exp claim of a JWT without verifying it', () => {
      assert.equal(tokenExpiry(jwt(1580415050))?.toISOString(), '2020-01-30T20:10:50.000Z');
      assert.equal(tokenExpiry(` ${jwt(4102444800)} `)?.toISOString(), '2100-01-01T00:00:00.000Z');
      // base64url with and without padding
      assert.equal(tokenExpiry(`x.${Buffer.from('{"exp":1}').toString('base64')}.y`)?.getTime(), 1000);
      assert.equal(tokenExpiry(`x.${Buffer.from('{"exp":1}').toString('base64url')}`)?.getTime(), 1000);
    });

    it('gives up quietly on anything else', () => {
      for (const bad of ['', 'abc', 'a.b.c', 'eyJ.!!!.x', `x.${Buffer.from('{"exp":"soon"}').toString('base64url')}.y`,
        `x.${Buffer.from('[1,2]').toString('base64url')}.y`, `x.${Buffer.from('null').toString('base64url')}.y`,
        `x.${Buffer.from('{"exp":1e400}').toString('base64url')}.y`, `x.${Buffer.from('{"exp":9e15}').toString('base64url')}.y`,
        `x.${'A'.repeat(20_000)}.y`, 'x.a.y']) {
        assert.equal(tokenExpiry(bad), undefined, bad.slice(0, 40));
      }
    });
  });

  describe('regtoken-expiry', () => {
    it('warns about an expired token, naming the date and never the token', () => {
      const token = jwt(seconds(NOW) - 3600);
      const [finding, ...rest] = expiryFindings(withToken(token));
      assert.equal(rest.length, 0);
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /expired on 2025-06-01 11:00 UTC/);
      assert.ok(!finding.message.includes(token.split('.')[1]), finding.message);
    });

    it('warns about a token that expires within a week, with the days left', () => {
      const soon = expiryFindings(withToken(jwt(seconds(NOW) + 3 * DAY / 1000)));
      assert.equal(soon.length, 1);
      assert.match(soon[0].message, /expires on 2025-06-04 12:00 UTC \(in 3 days\)/);
      assert.match(expiryFindings(withToken(jwt(seconds(NOW) + 600)))[0].message, /in less than a day/);
    });

    it('stays quiet for a token valid beyond the warning window, and for what it cannot read', () => {
      assert.deepEqual(expiryFindings(withToken(jwt(seconds(NOW) + TOKEN_EXPIRY_WARNING_DAYS * DAY / 1000 + 60))), []);
      assert.deepEqual(expiryFindings(withToken(PLAIN)), []);
      assert.deepEqual(expiryFindings(withToken('<token>')), []);
      assert.deepEqual(expiryFindings(withToken(jwt('2025-01-01'))), []);
    });

    it('takes "now" from the clock it is given', () => {
      const text = withToken(jwt(seconds(NOW)));
      const at = (date: Date) => getLanguageService({ now: () => date }).analyze(doc(text)).some((p) => p.code === 'regtoken-expiry');
      assert.equal(at(new Date(NOW.getTime() - 8 * DAY)), false);
      assert.equal(at(new Date(NOW.getTime() - 6 * DAY)), true);
      assert.equal(at(new Date(NOW.getTime() + DAY)), true);
    });

    it('reads tokens inside CCMSETUPCMD and in a manifest\'s command lines', () => {
      const token = jwt(seconds(NOW) - 1);
      assert.equal(expiryFindings(`CCMSETUPCMD="/regtoken:${token} SMSSITECODE=ABC"`).length, 1);
      const manifest = `version: 1\ncomanagement:\n  policies:\n    - name: a\n      commandLine: "/regtoken:${token}"\n`;
      const [finding] = expiryFindings(manifest, 'plan.comanage.yaml');
      assert.ok(finding, 'no finding in the manifest');
      assert.equal(manifest.slice(finding.span.start, finding.span.end), token, 'the range covers the token in the YAML');
    });
  });

  describe('finding tokens in a document', () => {
    const token = jwt(1_900_000_000);
    it('leaves ordinary text alone: words, host names and paths next to a token', () => {
      const secrets = findSecrets(`ccmsetup.exe /regtoken:${token}\nccmsetup.exe /mp:https://mp1.contoso.com SMSSITECODE=ABC\n  contoso.cloudapp.net/CCM_Proxy_MutualAuth/1\n# comanage-disable-next-line regtoken-plain-text`);
      const ordinary = 'ccmsetup.exe SMSSITECODE contoso.cloudapp.net CCM_Proxy_MutualAuth mp1.contoso.com regtoken-plain-text';
      assert.equal(secrets.mask(ordinary), ordinary);
      assert.equal(secrets.mask(`"${token.slice(100, 140)}" is odd`), `"${MASK}" is odd`);
      assert.equal(findSecrets('ccmsetup.exe /mp:x SMSSITECODE=ABC').none, true);
    });

    it('masks a token in a log line, even where an engine message quotes it unquoted', () => {
      const logged = describeError(new TypeError(`${token} is not a function`));
      assert.ok(logged.startsWith(`TypeError: ${MASK} is not a function`), logged);
    });

    it('reads a 2 MB document in one pass, however many tokens or token-like runs it holds', () => {
      for (const text of [
        `ccmsetup.exe /regtoken:${token}\n`.repeat(2_000_000 / 500), 'eyJabcd'.repeat(300_000), `${'a'.repeat(25)}.`.repeat(80_000),
        '/regtoken:abcdefgh '.repeat(100_000), `${token.slice(0, 50)}\n${token.slice(50)} `.repeat(2_000_000 / token.length),
        '/regtoken:x'.repeat(180_000), 'regtoken:+'.repeat(200_000),
      ]) {
        const start = performance.now();
        const secrets = findSecrets(text);
        assert.ok(performance.now() - start < 500, `${Math.round(performance.now() - start)} ms for ${text.slice(0, 20)}…`);
        assert.equal(secrets.mask(token), MASK, 'a crafted file is masked wholesale');
      }
    });
  });

  describe('a token anywhere in a document, in any form', function () {
    this.timeout(120_000);
    // Each placement gets its own random cases, so every form is tried on every run.
    for (const placement of PLACEMENT_NAMES) {
      it(`${placement}: no output shows any 8-character piece of it`, () => {
        fc.assert(fc.property(bulkToken, shapeOf, (token, shape) => {
          assert.deepEqual(leaksOf(PLACEMENTS[placement](token, shape), token), []);
        }), { numRuns: CASES_PER_PLACEMENT });
      });
    }
  });

  describe('command-line output', () => {
    const CLI = path.resolve(__dirname, '../dist/cli.js');
    // A token a mail client wrapped after "eyJ0e": the rest no longer looks like a JWT's start.
    const WRAPPED = jwt(3);
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-secrets-'));
      fs.writeFileSync(path.join(dir, 'a.ccmsetup'), [`${CMG} /regtoken:${PLAIN}`, `ccmsetup.exe /regtoken=${jwt(1)}`, `ccmsetup.exe REGTOKEN=${PLAIN}`, `ccmsetup.exe "/regtoken:${PLAIN}`,
        `ccmsetup.exe /regtoken:${WRAPPED.slice(0, 5)}`, `${WRAPPED.slice(5)} /forceinstall`].join('\n'));
      fs.writeFileSync(path.join(dir, 'p.comanage.yaml'), `version: 1\npath: autopilot\ncomanagement:\n  policies:\n    - name: a\n      commandLine: "/regtoken:${PLAIN} /regtokn:${jwt(2)}"\n`);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const args of [['check', '.'], ['check', '.', '--format', 'json'], ['check', '.', '--format', 'sarif'],
      ['check', '--readiness', 'p.comanage.yaml'], ['check', '--readiness', 'p.comanage.yaml', '--format', 'json']]) {
      it(`comanage ${args.join(' ')} shows no token`, () => {
        const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
        assert.ok(result.stdout.length > 100, `no output: ${result.stderr}`);
        const output = result.stdout + result.stderr;
        for (const piece of [PLAIN.slice(0, 12), PLAIN.slice(-12), jwt(1).split('.')[1], jwt(2).split('.')[1], WRAPPED.slice(5, 17), WRAPPED.split('.')[1]]) {
          assert.ok(!output.includes(piece), `"${piece}" in the output of ${args.join(' ')}`);
        }
      });
    }
  });

  describe('language server', function () {
    this.timeout(20_000);
    it('refuses comanage/exportPolicy for an index that is not a whole number (never reads policy 0 instead)', async () => {
      const client = LspClient.start(path.resolve(__dirname, '..', 'dist', 'server.js'));
      try {
        await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
        await client.notify('initialized', {});
        const uri = 'file:///tmp/secrets/p.comanage.yaml';
        await client.open(uri, 'version: 1\ncomanagement:\n  policies:\n    - name: Pilot\n      commandLine: "SMSSITECODE=ABC"\n');
        assert.ok((await client.request<{ body?: unknown }>('comanage/exportPolicy', { uri, index: 0 })).body, 'index 0 exports');
        for (const index of ['0', 1.5, -1, null, 'x', 1, undefined]) {
          const answer = await client.request<{ body?: unknown; refused?: string }>('comanage/exportPolicy', { uri, index });
          assert.equal(answer.body, undefined, `index ${JSON.stringify(index)} exported`);
          assert.match(answer.refused ?? '', /policy index must be a whole number/);
        }
      } finally {
        await client.stop();
      }
    });

    it('shows no token in diagnostics, hovers, completions, symbols, code actions or logs', async () => {
      const client = LspClient.start(path.resolve(__dirname, '..', 'dist', 'server.js'));
      try {
        await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
        await client.notify('initialized', {});
        const uri = 'file:///tmp/secrets/a.ccmsetup';
        const text = `ccmsetup.exe /regtoken=${PLAIN} /regtokn:${PLAIN}x\nccmsetup.exe /regtoken ${PLAIN}`;
        const published = client.nextDiagnostics(uri);
        await client.open(uri, text);
        const seen: unknown[] = [(await published).diagnostics];
        for (let line = 0; line < 2; line++) {
          for (let character = 0; character <= 70; character += 3) {
            const position = { line, character };
            seen.push(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }));
            const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
            seen.push(list.items.map((i) => [i.label, i.detail, i.documentation]));
          }
        }
        seen.push(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
        const diagnostics = seen[0] as Diagnostic[];
        for (const d of diagnostics) {
          const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
          seen.push(actions.map((a) => a.title));
        }
        assert.ok(diagnostics.length > 0);
        const shown = JSON.stringify(seen) + client.logMessages.join('\n') + client.stderr;
        assert.ok(!shown.includes(PLAIN.slice(0, 12)) && !shown.includes(PLAIN.slice(-12)), 'the token shows');
      } finally {
        await client.stop();
      }
    });
  });
});
