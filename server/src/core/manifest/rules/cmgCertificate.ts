// The CMG's server authentication certificate: that there is one, its key, and the service name
// (its common name) it is issued for.
import { AZURE_CMG_DOMAIN, hasCmg } from './cmg';
import { defineReadinessRule } from './types';

const CMG_CERT = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/server-auth-cert';
const CERT_SOURCE = 'intune/configmgr/core/clients/manage/cmg/server-auth-cert.md (newer copy)';
const ADDRESS = 'contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500';

const serviceName = (plan: { str(path: string): string | undefined }) => plan.str('site.cmg.serviceName')?.trim() ?? '';
const inAzureDomain = (name: string) => AZURE_CMG_DOMAIN.test(name);

export const cmgServerCertificatePresent = defineReadinessRule({
  id: 'cmg-server-certificate-present', area: 'cmg', severity: 'error', source: `${CERT_SOURCE}; plan-cloud-management-gateway.md #requirements (newer copy)`,
  basis: { words: 'requires a server authentication certificate', page: CMG_CERT },
  title: 'The CMG has a server authentication certificate',
  docUrl: `${CMG_CERT}#choose-the-certificate-type`,
  appliesWhen: hasCmg,
  // Left out, the certificate is unknown; only `none` says there is none.
  needs: ['site.cmg.serverCertificate'],
  check(plan) {
    if (plan.choice('site.cmg.serverCertificate') !== 'none') return undefined;
    return { message: 'The CMG\'s HTTPS service needs a server authentication certificate, and the plan has none (site.cmg.serverCertificate: none). Get one from a public provider or issue it from your PKI; its common name becomes the CMG service name.', path: 'site.cmg.serverCertificate' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificate: none`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificate: public`],
  },
});

export const cmgCertKeyLength = defineReadinessRule({
  id: 'cmg-cert-key-length', area: 'cmg', severity: 'error', source: CERT_SOURCE,
  basis: { words: '2048-bit or 4096-bit key length', page: `${CMG_CERT}#issue-the-certificate`, override: 'The page lists the key lengths the certificate supports; any other length is outside what is supported' },
  title: 'The CMG server authentication certificate has a 2048-bit or 4096-bit key',
  docUrl: `${CMG_CERT}#issue-the-certificate`,
  appliesWhen: (plan) => hasCmg(plan) && plan.choice('site.cmg.serverCertificate') !== 'none',
  needs: ['site.cmg.serverCertificateKeyLength'],
  check(plan) {
    const bits = plan.num('site.cmg.serverCertificateKeyLength')!;
    if (bits === 2048 || bits === 4096) return undefined;
    return { message: `The CMG server authentication certificate supports a 2048-bit or 4096-bit key; ${bits} bits isn't among them. Request the certificate again with one of those lengths.`, path: 'site.cmg.serverCertificateKeyLength' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificateKeyLength: 1024`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificateKeyLength: 2048`],
  },
});

export const cmgPublicCertNeedsOwnDomain = defineReadinessRule({
  id: 'cmg-public-cert-needs-own-domain', area: 'cmg', severity: 'error', source: CERT_SOURCE,
  basis: { words: "can't create a certificate", page: `${CMG_CERT}#use-a-public-provider-certificate` },
  title: 'A CMG certificate from a public provider is issued for a name in your own domain, not an Azure domain',
  docUrl: `${CMG_CERT}#use-a-public-provider-certificate`,
  appliesWhen: (plan) => hasCmg(plan) && plan.choice('site.cmg.serverCertificate') === 'public',
  needs: ['site.cmg.serviceName'],
  check(plan) {
    const name = serviceName(plan);
    if (!inAzureDomain(name)) return undefined;
    return { message: `A public certificate provider can't issue a certificate for ${name}: Microsoft owns that Azure domain. Use a service name in your own domain (the deployment prefix plus your domain, e.g. cmg.contoso.com) with a DNS CNAME to the Azure name, or issue the certificate from your PKI.`, path: 'site.cmg.serviceName' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificate: public\n    serviceName: contoso.eastus.cloudapp.azure.com`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificate: public\n    serviceName: contoso.contoso.com`],
  },
});

export const cmgServiceNameOwnDomain = defineReadinessRule({
  id: 'cmg-service-name-own-domain', area: 'cmg', severity: 'warning', source: CERT_SOURCE,
  basis: { words: 'Use your domain name (recommended)', page: `${CMG_CERT}#use-an-enterprise-pki-certificate` },
  title: 'A CMG certificate from your PKI uses a service name in your own domain (recommended)',
  docUrl: `${CMG_CERT}#use-an-enterprise-pki-certificate`,
  appliesWhen: (plan) => hasCmg(plan) && plan.choice('site.cmg.serverCertificate') === 'private-pki',
  needs: ['site.cmg.serviceName'],
  check(plan) {
    const name = serviceName(plan);
    if (!inAzureDomain(name)) return undefined;
    const classic = /\.cloudapp\.net$/i.test(name) ? ' A cloudapp.net name also keeps a classic CMG from being converted to a virtual machine scale set.' : '';
    return { message: `The service name ${name} is the Azure deployment name; if that name ever changes, the CMG has to be redeployed with a new certificate.${classic} A name in your own domain with a DNS CNAME can follow the deployment instead.`, path: 'site.cmg.serviceName' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificate: private-pki\n    serviceName: contoso.eastus.cloudapp.azure.com`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    serverCertificate: private-pki\n    serviceName: contoso.contoso.com`],
  },
});

export const cmgContentNameNoDash = defineReadinessRule({
  id: 'cmg-content-name-no-dash', area: 'cmg', severity: 'error', source: CERT_SOURCE,
  basis: { words: 'numbers and lowercase letters only', page: `${CMG_CERT}#content-enabled-cmg-storage-account` },
  title: 'A content-enabled CMG\'s name prefix has only letters and digits (it also names the storage account)',
  docUrl: `${CMG_CERT}#content-enabled-cmg-storage-account`,
  appliesWhen: (plan) => hasCmg(plan) && plan.bool('site.cmg.contentEnabled') === true,
  needs: ['site.cmg.serviceName'],
  check(plan) {
    const prefix = serviceName(plan).split('.')[0];
    // A wildcard certificate's "*" is replaced by the deployment prefix in the wizard.
    if (prefix === '*' || /^[a-z0-9]+$/i.test(prefix)) return undefined;
    return { message: `The CMG serves content, so its name prefix "${prefix}" also names an Azure storage account, which takes only digits and lowercase letters (no dash or other special character). Choose a prefix like ${prefix.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'contosocmg'} before the certificate is issued.`, path: 'site.cmg.serviceName' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    contentEnabled: true\n    serviceName: contoso-cmg.contoso.com`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    contentEnabled: true\n    serviceName: contosocmg.contoso.com`],
  },
});
