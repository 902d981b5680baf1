// Statements of the client installation properties reference that need facts of the plan besides
// the command line (docs map P21): the collection a PROVISIONTS task sequence is deployed to, and
// the client certificate an HTTPS-only site asks of the computers it installs.
import { find } from '../../ccmsetup/query';
import { defineReadinessRule } from './types';

const REFERENCE = 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties';
const REFERENCE_SOURCE = 'intune/configmgr/core/clients/deploy/about-client-installation-properties.md (newer copy)';

export const provisionTsAllProvisioningDevices = defineReadinessRule({
  id: 'provisionts-all-provisioning-devices', area: 'installation', severity: 'error', source: REFERENCE_SOURCE,
  basis: {
    words: 'new built-in collection, **All Provisioning Devices**', page: `${REFERENCE}#provisionts`,
    override: 'A setup step without a modal verb: a device that has just registered is in no other collection yet, so a deployment elsewhere never reaches it and the task sequence doesn\'t run',
  },
  title: 'The task sequence PROVISIONTS names is deployed to All Provisioning Devices',
  docUrl: `${REFERENCE}#provisionts`,
  // Every command line of the plan: the policies', client push's, the Intune app's, a script's.
  appliesWhen: (plan) => plan.allCommandLines().some((line) => find(line, 'PROVISIONTS')),
  needs: ['autopilot.provisioningTaskSequence.deployedTo'],
  check(plan) {
    if (plan.choice('autopilot.provisioningTaskSequence.deployedTo') !== 'other') return undefined;
    return { message: 'The task sequence that PROVISIONTS starts is deployed to another collection (autopilot.provisioningTaskSequence.deployedTo: other). It runs right after the client registers, before the device joins any collection of yours: deploy it to the built-in All Provisioning Devices collection and put that deployment\'s ID in PROVISIONTS.', path: 'autopilot.provisioningTaskSequence.deployedTo' };
  },
  examples: {
    fail: ['version: 1\nautopilot:\n  provisioningTaskSequence:\n    deployedTo: other\ncomanagement:\n  policies:\n    - name: Autopilot\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC PROVISIONTS=PRI20001"'],
    pass: ['version: 1\nautopilot:\n  provisioningTaskSequence:\n    deployedTo: all-provisioning-devices\ncomanagement:\n  policies:\n    - name: Autopilot\n      commandLine: CCMSETUPCMD="CCMHOSTNAME=contoso.cloudapp.net/CCM_Proxy_MutualAuth/1 SMSSITECODE=ABC PROVISIONTS=PRI20001"'],
  },
});

export const httpsOnlyNeedsClientCertificate = defineReadinessRule({
  id: 'https-only-needs-client-auth', area: 'installation', severity: 'error', source: REFERENCE_SOURCE,
  basis: {
    words: 'has a valid client certificate', page: `${REFERENCE}#mp`,
    override: 'An instruction to verify a precondition: site systems that accept HTTPS connections only need the computer to present a client certificate, so without one the download and the client fail',
  },
  title: 'On a site whose management points and distribution points accept HTTPS only, intranet computers hold a valid client certificate',
  docUrl: `${REFERENCE}#mp`,
  // Internet devices of the other paths authenticate through the CMG (Microsoft Entra ID or a token).
  appliesWhen: (plan) => plan.choice('path') === 'existing-clients' && plan.choice('site.communicationSecurity') === 'https-only',
  needs: ['site.pkiClientCertificates'],
  check(plan) {
    if (plan.bool('site.pkiClientCertificates') !== false) return undefined;
    return { message: 'The site accepts client connections over HTTPS only (site.communicationSecurity: https-only), and the computers have no PKI client authentication certificate (site.pkiClientCertificates: false), so they can\'t download the client or talk to the site. Issue client certificates first, or use Enhanced HTTP.', path: 'site.pkiClientCertificates' };
  },
  examples: {
    fail: ['version: 1\npath: existing-clients\nsite:\n  communicationSecurity: https-only\n  pkiClientCertificates: false'],
    pass: ['version: 1\npath: existing-clients\nsite:\n  communicationSecurity: https-only\n  pkiClientCertificates: true', 'version: 1\npath: existing-clients\nsite:\n  communicationSecurity: ehttp\n  pkiClientCertificates: false'],
  },
});
