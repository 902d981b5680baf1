// Windows automatic enrollment settings beyond the MDM user scope and URLs (enrollment.ts): the
// preview switch for the work or school account flow, and the DNS alias when automatic enrollment is off.
import { defineReadinessRule } from './types';

const PAGE = 'https://learn.microsoft.com/intune/device-enrollment/windows/enable-automatic-mdm';
const SOURCE = 'intune/device-enrollment/windows/enable-automatic-mdm.md (newer copy)';

export const mdmDisabledOnWorkAccount = defineReadinessRule({
  id: 'mdm-disabled-on-work-account', area: 'enrollment', severity: 'information', source: SOURCE,
  basis: { words: 'This setting is turned off by default', page: `${PAGE}#enable-windows-automatic-enrollment` },
  title: '"Disable MDM enrollment when adding work or school account" only hides a prompt (advice)',
  docUrl: `${PAGE}#enable-windows-automatic-enrollment`,
  needs: ['intune.disableMdmOnWorkAccount'],
  check(plan) {
    if (plan.bool('intune.disableMdmOnWorkAccount') !== true) return undefined;
    return {
      message: 'Advice: this preview setting is meant for Windows MAM. It only removes the MDM enrollment option when a user in the MDM scope adds a work or school account in Microsoft Edge or an app such as Teams; users can still enroll from Windows Settings and through prompts from resources that require enrollment.',
      path: 'intune.disableMdmOnWorkAccount',
    };
  },
  examples: {
    fail: ['version: 1\nintune:\n  disableMdmOnWorkAccount: true'],
    pass: ['version: 1\nintune:\n  disableMdmOnWorkAccount: false'],
  },
});

export const enrollmentCnameWithoutAuto = defineReadinessRule({
  id: 'enrollment-cname-without-auto', area: 'enrollment', severity: 'warning', source: SOURCE,
  basis: { words: 'we recommend creating a domain name', page: `${PAGE}#next-steps` },
  title: 'Without automatic enrollment, a DNS alias (CNAME) points enrollment at Intune',
  docUrl: `${PAGE}#next-steps`,
  appliesWhen: (plan) => plan.choice('intune.mdmUserScope') === 'none',
  needs: ['intune.enrollmentCname'],
  check(plan) {
    if (plan.bool('intune.enrollmentCname') !== false) return undefined;
    return {
      message: 'Automatic enrollment is off (MDM user scope None) and there is no enrollment CNAME: create the DNS alias that sends enrollment requests for your domain to Intune, so users who enroll themselves don\'t have to type the server address.',
      path: 'intune.enrollmentCname',
    };
  },
  examples: {
    fail: ['version: 1\nintune:\n  mdmUserScope: none\n  enrollmentCname: false'],
    pass: ['version: 1\nintune:\n  mdmUserScope: none\n  enrollmentCname: true'],
  },
});
