// The inputs that once blocked the server for a second or more in one step (issue #11): a 2 MB
// ccmsetup file of 60 KB command lines, a manifest of 400 policies, and a 244 KB manifest with an
// anchor (which the pieces parser can't cut, so it is parsed whole). A 60 KB line is longer than
// Windows runs (limits.ts: MAX_LINE_LENGTH), so it is reported, not checked; the same file with
// lines of the longest length that is checked is the hardest ccmsetup input. Deterministic;
// shared by test/steps.test.ts, the bench and scripts/reliability/blocking.ts.
import { MAX_LINE_LENGTH } from '../../server/src/core/limits';

export interface BlockingInput { id: string; fileName: string; description: string; text: string }

const ARGS = '/mp:https://mp1.contoso.com SMSSITECODE=ABC FSP=fsp01 /UsePKICrt CCMHOSTNAME=x.contoso.com ';

/** About 2 MB of command lines of about `length` characters each (60 KB by default), every one full of findings. */
export function longLinesCcmsetup(length = 60_000): string {
  const line = `ccmsetup.exe ${ARGS.repeat(Math.floor((length - 'ccmsetup.exe '.length) / ARGS.length))}`;
  return `${line}\n`.repeat(Math.floor((2 * 1024 * 1024 - 1024) / (line.length + 1)));
}

/** One co-management policy written like the shipped example's (folded command line). */
function policy(i: number, anchor = ''): string {
  const no = String(i + 1).padStart(4, '0');
  return [
    `    - name: Ring ${no} devices`,
    '      installAgent: true',
    `      targetGroup: ${anchor}Contoso Ring ${no}`,
    `      targetGroupType: ${i % 100 === 99 ? 'devices' : 'device'}`,
    `      priority: ${i + 1}`,
    '      overrideToIntune: false',
    '      commandLine: >-',
    `        CCMSETUPCMD="/UpgradeToLatest CCMHOSTNAME=contoso${i}.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500`,
    `        ${i % 50 === 49 ? 'SMSSITECOD' : 'SMSSITECODE'}=ABC AADCLIENTAPPID=7506ee10-f7ec-415a-b415-cd3d58790d97`,
    '        AADRESOURCEURI=https://contososerver SMSMP=https://mp1.contoso.com"',
  ].join('\n');
}

const HEAD = [
  'version: 1', 'name: Contoso rollout', 'path: new-internet-devices',
  'site:', '  code: ABC', '  version: 2503', '  cmg:', '    address: contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500',
  'comanagement:', '  enabled: true', '  clientInstallMethod: policy', '  policies:',
].join('\n');

export function policiesManifest(count: number, anchored = false): string {
  const policies = Array.from({ length: count }, (_, i) => policy(i, anchored && i === 0 ? '&group ' : ''));
  return `${HEAD}\n${policies.join('\n')}\n${anchored ? 'name2: *group\n' : ''}`;
}

/** The 400-policy manifest, and the anchored one grown to 244 KB. */
export function anchoredManifest(): string {
  let count = 1;
  while (policiesManifest(count + 1, true).length <= 244 * 1024) count++;
  return policiesManifest(count, true);
}

export function blockingInputs(): BlockingInput[] {
  return [
    { id: 'ccmsetup-2mb-long-lines', fileName: 'long-lines.ccmsetup', description: '2 MB .ccmsetup file of 60 KB command lines (longer than Windows runs: reported, not checked)', text: longLinesCcmsetup() },
    { id: 'ccmsetup-2mb-checked-lines', fileName: 'checked-lines.ccmsetup', description: `2 MB .ccmsetup file of ${Math.floor(MAX_LINE_LENGTH / 1024)} KB command lines (the longest checked)`, text: longLinesCcmsetup(MAX_LINE_LENGTH) },
    { id: 'manifest-400-policies', fileName: 'policies-400.comanage.yaml', description: 'manifest of 400 policies', text: policiesManifest(400) },
    { id: 'manifest-anchor-244kb', fileName: 'anchored.comanage.yaml', description: '244 KB manifest with an anchor (parsed whole)', text: anchoredManifest() },
  ];
}
