// The command-line generator without VS Code: quoting, where answers land, the steps each scenario
// asks, validation through the real core checker, Back, and that every line it produces passes.
import * as assert from 'node:assert/strict';
import { GeneratorAnswers, buildLine, maskedToken, quoteValue, splitExtra } from '../client/src/model/commandLine';
import {
  AUTH_CHOICES, Answer, BACK, Checker, GeneratorUi, InputRequest, PickRequest, SCENARIOS, Validation,
  intentOf, outputActions, prefillFrom, problemsOn, runGenerator, stepsFor, validateField,
} from '../client/src/model/generator';
import { getLanguageService } from '../server/src/core/languageService';

const service = getLanguageService();
/** The server's own function behind `comanage/checkCommandLine`. */
const check: Checker = async (text, context, intent) => service.checkCommandLine(text, context, intent);

const CMG = 'contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500';
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJleHAiOjF9.c2lnbmF0dXJl';
const VALUES: Record<string, string> = {
  cmg: CMG, siteCode: 'ABC', clientAppId: '7506ee10-f7ec-415a-b415-cd3d58790d97', resourceUri: 'https://contososerver',
  token: TOKEN, smsmp: 'https://mp1.contoso.com', provisionTs: 'PRI20001', extra: '',
};

/** Which input step a request is, from its prompt (the request carries no id on purpose: the UI doesn't need one). */
function fieldOfPrompt(request: InputRequest): string {
  const match = /\((CCMHOSTNAME|SMSSITECODE|AADCLIENTAPPID|AADRESOURCEURI|\/regtoken|SMSMP|PROVISIONTS)\)|^(Other)/.exec(request.prompt)
    ?? /(SMSMP)/.exec(request.prompt);
  const key = match?.[1] ?? match?.[2];
  return ({ CCMHOSTNAME: 'cmg', SMSSITECODE: 'siteCode', AADCLIENTAPPID: 'clientAppId', AADRESOURCEURI: 'resourceUri', '/regtoken': 'token', SMSMP: 'smsmp', PROVISIONTS: 'provisionTs', Other: 'extra' } as Record<string, string>)[key ?? ''] ?? `?${request.prompt}`;
}

interface Script {
  picks: string[];
  values?: Record<string, string | typeof BACK>;
}

/** A UI that answers from a script and records what it was asked and what validation said. */
function scriptedUi(script: Script) {
  const picks = [...script.picks];
  const asked: string[] = [];
  const validations: Record<string, Validation> = {};
  const pickRequests: PickRequest[] = [];
  const ui: GeneratorUi = {
    async pick(request): Promise<Answer<string>> {
      pickRequests.push(request);
      const answer = picks.shift();
      asked.push(`pick:${answer}`);
      if (answer === 'BACK') return BACK;
      if (answer === undefined) return undefined;
      if (answer.startsWith('first-problem')) return request.items.find((i) => i.id.startsWith('problem:'))?.id;
      assert.ok(request.items.some((i) => i.id === answer), `"${answer}" is not offered: ${request.items.map((i) => i.id).join(', ')}`);
      return answer;
    },
    async input(request): Promise<Answer<string>> {
      const field = fieldOfPrompt(request);
      asked.push(field);
      const scripted = script.values?.[field];
      if (scripted === BACK) {
        delete script.values![field];
        return BACK;
      }
      const value = scripted ?? VALUES[field] ?? '';
      const validation = await request.validate(value);
      validations[field] = validation;
      assert.ok(!validation.blocking, `${field} = "${value}" was refused: ${validation.message}`);
      return value;
    },
  };
  return { ui, asked, validations, pickRequests };
}

describe('client generator', () => {
  describe('quoting', () => {
    it('leaves plain values alone and quotes values with spaces', () => {
      assert.deepEqual(quoteValue(' ABC '), { text: 'ABC' });
      assert.deepEqual(quoteValue('C:\\Program Files\\ccm'), { text: '"C:\\Program Files\\ccm"' });
    });

    it('refuses double quotes and line breaks, saying why', () => {
      assert.match((quoteValue('a"b') as { error: string }).error, /double quote/);
      assert.match((quoteValue('a\nb') as { error: string }).error, /one line/);
    });

    it('splits the other items on spaces outside quotes', () => {
      assert.deepEqual(splitExtra('SMSCACHESIZE=10240  CCMCERTSEL="SubjectStr:contoso com" /BITSPriority:HIGH'),
        { items: ['SMSCACHESIZE=10240', 'CCMCERTSEL="SubjectStr:contoso com"', '/BITSPriority:HIGH'] });
      assert.ok('error' in splitExtra('CCMCERTSEL="open'));
      assert.ok('error' in splitExtra('A=1\nB=2'));
    });
  });

  describe('building the line', () => {
    const base: GeneratorAnswers = { scenario: 'intune', auth: 'entra', upgrade: true, values: { ...VALUES, extra: '/NoCRLCheck CCMCERTSEL="SubjectStr:contoso com"' } };

    it('wraps an Intune line in CCMSETUPCMD="…", parameters first, inner quotes doubled', () => {
      const line = buildLine(base);
      assert.equal(line.context, 'intune');
      assert.equal(line.text, `CCMSETUPCMD="/NoCRLCheck CCMHOSTNAME=${CMG} SMSSITECODE=ABC AADCLIENTAPPID=${VALUES.clientAppId} `
        + 'AADRESOURCEURI=https://contososerver SMSMP=https://mp1.contoso.com PROVISIONTS=PRI20001 UPGRADETOLATEST=TRUE CCMCERTSEL=""SubjectStr:contoso com"""');
    });

    it('records where each answer landed', () => {
      const line = buildLine(base);
      const at = (field: keyof typeof line.spans) => line.spans[field]!.map((s) => line.text.slice(s.start, s.end));
      assert.deepEqual(at('cmg'), [`CCMHOSTNAME=${CMG}`]);
      assert.deepEqual(at('siteCode'), ['SMSSITECODE=ABC']);
      assert.deepEqual(at('extra'), ['/NoCRLCheck', 'CCMCERTSEL=""SubjectStr:contoso com""']);
    });

    it('writes ccmsetup.exe with /mp:https://<CMG> and no PROVISIONTS (msi only)', () => {
      const line = buildLine({ ...base, scenario: 'exe', auth: 'pki', upgrade: false, values: { ...VALUES, extra: '' } });
      assert.equal(line.text, `ccmsetup.exe /mp:https://${CMG} /UsePKICert CCMHOSTNAME=${CMG} SMSSITECODE=ABC SMSMP=https://mp1.contoso.com`);
      assert.equal(line.context, 'exe');
      assert.equal(line.spans.cmg!.length, 2);
    });

    it('adds /mp for a token, and hides the token in the display text', () => {
      const answers: GeneratorAnswers = { scenario: 'intune', auth: 'token', values: { ...VALUES, provisionTs: '' } };
      assert.ok(buildLine(answers).text.includes(`/mp:https://${CMG} /regtoken:${TOKEN}`));
      const shown = buildLine(answers, { masked: true }).text;
      assert.ok(!shown.includes(TOKEN));
      assert.ok(shown.includes(`/regtoken:${maskedToken(TOKEN)}`));
    });

    it('leaves out unanswered and refused values, and says why for the refused', () => {
      const line = buildLine({ scenario: 'intune', values: { cmg: CMG, siteCode: 'A"C', smsmp: '  ' } });
      assert.equal(line.text, `CCMSETUPCMD="CCMHOSTNAME=${CMG}"`);
      assert.match(line.errors.siteCode ?? '', /double quote/);
    });
  });

  describe('steps', () => {
    it('asks only what the scenario and authentication need', () => {
      assert.deepEqual(stepsFor({ scenario: 'exe', auth: 'pki', values: {} }),
        ['scenario', 'cmg', 'siteCode', 'auth', 'smsmp', 'upgrade', 'extra', 'output']);
      assert.deepEqual(stepsFor({ scenario: 'autopilot', auth: 'entra', values: {} }),
        ['scenario', 'cmg', 'siteCode', 'auth', 'clientAppId', 'resourceUri', 'smsmp', 'provisionTs', 'upgrade', 'extra', 'output']);
      assert.ok(stepsFor({ scenario: 'intune', auth: 'token', values: {} }).includes('token'));
    });
  });

  describe('validation through the checker', () => {
    const answers: GeneratorAnswers = { scenario: 'intune', auth: 'entra-device', values: { cmg: CMG } };

    it('shows the checker\'s finding on the value being typed, with the running length', async () => {
      const bad = await validateField(answers, 'siteCode', 'AB', check);
      assert.equal(bad.severity, 'error');
      assert.equal(bad.blocking, true);
      assert.match(bad.message ?? '', /three-character site code/);
      const length = `CCMSETUPCMD="CCMHOSTNAME=${CMG} SMSSITECODE=AB"`.length;
      assert.equal(bad.title, `Generate ccmsetup command line — ${length} of 1024 characters`);
      const good = await validateField(answers, 'siteCode', 'ABC', check);
      assert.equal(good.message, undefined);
      assert.equal(good.blocking, false);
    });

    it('catches a CMG address with https:// (CCMHOSTNAME takes none)', async () => {
      const result = await validateField({ scenario: 'intune', values: {} }, 'cmg', `https://${CMG}`, check);
      assert.equal(result.blocking, true);
      assert.match(result.message ?? '', /https:\/\//);
    });

    it('blocks an empty required value and lets an optional one through', async () => {
      assert.equal((await validateField(answers, 'siteCode', '', check)).blocking, true);
      assert.equal((await validateField(answers, 'smsmp', '', check)).blocking, false);
      assert.equal((await validateField({ ...answers, auth: 'token' }, 'smsmp', '', check)).blocking, true, 'a token needs SMSMP');
    });

    it('refuses a value with a quote before asking the checker', async () => {
      const result = await validateField({ ...answers, auth: 'entra' }, 'resourceUri', 'https://"x', check);
      assert.equal(result.blocking, true);
      assert.match(result.message ?? '', /double quote/);
    });

    it('shows only findings on the field, and warnings without blocking', async () => {
      const line = buildLine({ ...answers, values: { ...answers.values, siteCode: 'ABC', extra: 'CCMLOGLEVEL=9' } });
      const result = await check(line.text, line.context);
      assert.ok(problemsOn(line, 'extra', result.problems).length > 0);
      assert.deepEqual(problemsOn(line, 'siteCode', result.problems), []);
      const tokenWarning = await validateField({ scenario: 'intune', auth: 'token', values: { cmg: CMG, siteCode: 'ABC', smsmp: 'https://mp1.contoso.com' } }, 'token', TOKEN, check);
      assert.equal(tokenWarning.blocking, false);
      assert.equal(tokenWarning.severity, 'warning');
      assert.ok(!(tokenWarning.message ?? '').includes(TOKEN), 'the token never appears in a message');
    });
  });

  describe('the flow', () => {
    it('produces the documented Intune line and returns the chosen action', async () => {
      const { ui, asked } = scriptedUi({ picks: ['intune', 'entra', 'no', 'copy'], values: { provisionTs: '' } });
      const result = await runGenerator(ui, check, { canInsert: false });
      assert.ok(result);
      assert.equal(result.action, 'copy');
      assert.equal(result.text, `CCMSETUPCMD="CCMHOSTNAME=${CMG} SMSSITECODE=ABC AADCLIENTAPPID=${VALUES.clientAppId} AADRESOURCEURI=https://contososerver SMSMP=https://mp1.contoso.com"`);
      assert.deepEqual(asked, ['pick:intune', 'cmg', 'siteCode', 'pick:entra', 'clientAppId', 'resourceUri', 'smsmp', 'provisionTs', 'pick:no', 'extra', 'pick:copy']);
      assert.equal(result.length, result.text.length);
    });

    it('goes back a step and keeps the answers', async () => {
      const { ui, asked } = scriptedUi({ picks: ['exe', 'BACK', 'pki', 'pki', 'yes', 'open'], values: { smsmp: BACK } });
      const result = await runGenerator(ui, check, { canInsert: true });
      assert.deepEqual(asked, ['pick:exe', 'cmg', 'siteCode', 'pick:BACK', 'siteCode', 'pick:pki', 'smsmp', 'pick:pki', 'smsmp', 'pick:yes', 'extra', 'pick:open']);
      assert.equal(result?.action, 'open');
      assert.equal(result?.text, `ccmsetup.exe /mp:https://${CMG} /UsePKICert CCMHOSTNAME=${CMG} SMSSITECODE=ABC SMSMP=https://mp1.contoso.com UPGRADETOLATEST=TRUE`);
    });

    it('offers insert only with an editor, and cancels cleanly', async () => {
      const withEditor = scriptedUi({ picks: ['exe', 'pki', 'no', 'insert'] });
      assert.equal((await runGenerator(withEditor.ui, check, { canInsert: true }))?.action, 'insert');
      const last = withEditor.pickRequests[withEditor.pickRequests.length - 1];
      assert.ok(last.items[0].detail?.startsWith('ccmsetup.exe /mp:'), 'the line is shown on the first action');
      const noEditor = scriptedUi({ picks: ['exe', 'pki', 'no', 'insert'] });
      await assert.rejects(runGenerator(noEditor.ui, check, { canInsert: false }), /not offered/);
      const cancelled = scriptedUi({ picks: ['intune'] });
      assert.equal(await runGenerator(cancelled.ui, check, { canInsert: true }), undefined);
    });

    it('lists remaining errors instead of actions and leads back to the step at fault', async () => {
      // Errors on a value are caught as it is typed; one that only a later answer causes (here
      // faked: the site code fails once UPGRADETOLATEST is on the line) is listed at the end.
      const picky: Checker = async (text, context) => {
        const result = await check(text, context);
        const at = text.indexOf('SMSSITECODE=ABC');
        if (at === -1 || !text.includes('UPGRADETOLATEST')) return result;
        return { ...result, problems: [...result.problems, { code: 'fake', severity: 'error', message: 'Fake error.', docUrl: '', span: { start: at, end: at + 15 } }] };
      };
      const { ui, asked, pickRequests } = scriptedUi({ picks: ['intune', 'entra-device', 'yes', 'first-problem', 'entra-device', 'yes', 'copy'] });
      const original = ui.input;
      let siteRounds = 0;
      ui.input = async (request) => (fieldOfPrompt(request) === 'siteCode' && siteRounds++ > 0 ? (asked.push('siteCode'), 'XYZ') : original(request));
      const result = await runGenerator(ui, picky, { canInsert: false });
      const errorStep = pickRequests.find((r) => r.items.length && r.items.every((i) => i.id.startsWith('problem:')));
      assert.ok(errorStep, `no error list was shown (asked ${asked.join(', ')})`);
      assert.match(errorStep.placeholder, /an error/);
      assert.match(errorStep.items[0].label, /^\$\(error\) Fake error\./);
      assert.match(errorStep.items[0].description ?? '', /go back to site code/);
      assert.deepEqual(asked.slice(asked.indexOf('pick:first-problem')), ['pick:first-problem', 'siteCode', 'pick:entra-device', 'smsmp', 'provisionTs', 'pick:yes', 'extra', 'pick:copy']);
      assert.equal(result?.text, `CCMSETUPCMD="CCMHOSTNAME=${CMG} SMSSITECODE=XYZ SMSMP=https://mp1.contoso.com PROVISIONTS=PRI20001 UPGRADETOLATEST=TRUE"`);
    });

    it('lists warnings after the actions', async () => {
      const { ui, pickRequests } = scriptedUi({ picks: ['intune', 'token', 'no', 'copy'] });
      const result = await runGenerator(ui, check, { canInsert: false });
      const output = pickRequests[pickRequests.length - 1];
      assert.deepEqual(output.items.slice(0, 2).map((i) => i.id), ['copy', 'open']);
      assert.ok(output.items.some((i) => i.id.startsWith('problem:') && /^\$\(warning\)/.test(i.label)), 'the token warning is listed');
      assert.match(output.placeholder, /finds no error \((one finding|\d+ findings) listed below\)/);
      assert.ok(!JSON.stringify(output).includes(TOKEN), 'the token is never shown');
      assert.ok(result?.text.includes(TOKEN), 'but the line itself has it');
    });
  });

  describe('every generated line passes the checker', () => {
    for (const scenario of SCENARIOS) {
      for (const auth of AUTH_CHOICES) {
        for (const upgrade of ['yes', 'no']) {
          it(`${scenario.id} with ${auth.id}, UPGRADETOLATEST ${upgrade}`, async () => {
            const { ui, validations } = scriptedUi({ picks: [scenario.id, auth.id, upgrade, 'copy'] });
            const result = await runGenerator(ui, check, { canInsert: false });
            assert.ok(result, 'the generator offered no action: the line has errors');
            const { problems } = service.checkCommandLine(result.text, result.context, intentOf(result.answers));
            assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
            assert.ok(result.length <= 1024);
            for (const [field, validation] of Object.entries(validations)) {
              assert.ok(!validation.blocking, `${field}: ${validation.message}`);
            }
            if (auth.id === 'token') assert.ok(!result.display.includes(TOKEN));
          });
        }
      }
    }
  });
  describe('where the line can go (issue #13)', () => {
    const POLICIES = [{ index: 0, name: 'Pilot' }, { index: 1, name: 'All devices' }];

    it('offers insert only where the server said a line belongs; in a manifest, its policies instead', () => {
      assert.deepEqual(outputActions({ canInsert: true }, 'x').map((i) => i.id), ['insert', 'copy', 'open']);
      assert.deepEqual(outputActions({ canInsert: false }, 'x').map((i) => i.id), ['copy', 'open']);
      const manifest = outputActions({ canInsert: false, policies: POLICIES }, 'x');
      assert.deepEqual(manifest.map((i) => i.id), ['policy:0', 'policy:1', 'copy', 'open']);
      assert.match(manifest[1].label, /Set as the command line of policy "All devices"/);
    });

    it('returns the chosen policy, and refuses insert in a manifest', async () => {
      const { ui, pickRequests } = scriptedUi({ picks: ['intune', 'entra-device', 'yes', 'policy:1'] });
      const result = await runGenerator(ui, check, { canInsert: false, policies: POLICIES });
      assert.equal(result?.action, 'policy');
      assert.equal(result?.policyIndex, 1);
      assert.ok(!pickRequests[pickRequests.length - 1].items.some((i) => i.id === 'insert'));
      const inserting = scriptedUi({ picks: ['intune', 'entra-device', 'yes', 'insert'] });
      await assert.rejects(runGenerator(inserting.ui, check, { canInsert: false, policies: POLICIES }), /not offered/);
    });
  });

  describe('values from the plans (issue #13)', () => {
    it('takes each fact from the first plan that states it, and says where it came from', () => {
      const prefill = prefillFrom([
        { source: 'a.comanage.yaml', facts: { siteCode: 'ABC' } },
        { source: 'b.comanage.yaml', facts: { siteCode: 'XYZ', cmg: CMG, managementPoint: 'https://mp1.contoso.com', authentication: 'pki' } },
      ]);
      assert.deepEqual(prefill.answers, { auth: 'pki', values: { siteCode: 'ABC', cmg: CMG, smsmp: 'https://mp1.contoso.com' } });
      assert.deepEqual(prefill.from, { siteCode: 'a.comanage.yaml', cmg: 'b.comanage.yaml', smsmp: 'b.comanage.yaml', auth: 'b.comanage.yaml' });
      assert.equal(prefillFrom([{ source: 'c', facts: { authentication: 'entra-id' } }]).answers.auth, 'entra-device');
    });

    it('shows the prefilled values in the prompts, still editable, and the plan\'s method preselected', async () => {
      const seen: InputRequest[] = [];
      const picks: PickRequest[] = [];
      const answers = ['intune', 'pki', 'no', 'copy'];
      const ui: GeneratorUi = {
        async pick(request) { picks.push(request); return answers.shift(); },
        // The site code is changed; every other prefilled value is accepted as shown.
        async input(request) { seen.push(request); return /SMSSITECODE/.test(request.prompt) ? 'XYZ' : request.value; },
      };
      const prefill = prefillFrom([{ source: 'contoso.comanage.yaml', facts: { siteCode: 'ABC', cmg: CMG, managementPoint: 'https://mp1.contoso.com', authentication: 'entra-id' } }]);
      const result = await runGenerator(ui, check, { canInsert: false, prefill });
      const site = seen.find((r) => /SMSSITECODE/.test(r.prompt))!;
      assert.equal(site.value, 'ABC');
      assert.match(site.prompt, /Prefilled from contoso\.comanage\.yaml/);
      assert.equal(seen.find((r) => /CCMHOSTNAME/.test(r.prompt))!.value, CMG);
      const auth = picks[1];
      assert.equal(auth.activeId, 'entra-device');
      assert.equal(auth.items.find((i) => i.id === 'entra-device')?.description, 'from contoso.comanage.yaml');
      assert.match(auth.placeholder, /contoso\.comanage\.yaml says Microsoft Entra ID/);
      assert.equal(result?.text, `CCMSETUPCMD="/UsePKICert CCMHOSTNAME=${CMG} SMSSITECODE=XYZ SMSMP=https://mp1.contoso.com"`);
      assert.deepEqual(prefill.answers.values.siteCode, 'ABC', 'the prefill itself is not changed by the answers');
    });
  });

  describe('the chosen authentication is enforced (issue #13)', () => {
    it('refuses /UsePKICert after Microsoft Entra ID, through the server\'s rule', async () => {
      const answers: GeneratorAnswers = { scenario: 'intune', auth: 'entra-device', upgrade: false, values: { cmg: CMG, siteCode: 'ABC' } };
      const refused = await validateField(answers, 'extra', '/UsePKICert', check);
      assert.equal(refused.blocking, true);
      assert.match(refused.message ?? '', /Microsoft Entra ID/);
      const accepted = await validateField({ ...answers, auth: 'pki' }, 'extra', '/UsePKICert', check);
      assert.equal(accepted.blocking, false);
    });

    it('lists the contradiction instead of the actions at the last step', async () => {
      const { ui, pickRequests } = scriptedUi({ picks: ['intune', 'entra-device', 'no', 'first-problem', 'BACK'] });
      const answersUi: GeneratorUi = {
        pick: ui.pick,
        // The other items are typed before the step validates: /UsePKICert goes in as if the check were skipped.
        async input(request) { return /^Other/.test(request.prompt) ? '/UsePKICert' : ui.input(request); },
      };
      await runGenerator(answersUi, check, { canInsert: true });
      const output = pickRequests.find((r) => r.items.some((i) => i.id.startsWith('problem:')))!;
      assert.ok(output.items.every((i) => i.id.startsWith('problem:')), 'no action is offered');
      assert.ok(output.items.some((i) => i.description?.startsWith('contradicts-chosen-authentication')));
    });
  });
});
