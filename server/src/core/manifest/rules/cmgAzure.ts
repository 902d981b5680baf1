// Cloud management gateway in Azure: the subscription, the service connection point that deploys
// it, the optional feature, where it is created (site, region, resource group), the size of its
// virtual machines, and cloud distribution points it replaces.
import { hasCmg } from './cmg';
import { defineReadinessRule } from './types';

const CMG_DOCS = 'https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg';
const CMG_PLAN = `${CMG_DOCS}/plan-cloud-management-gateway`;
const CMG_SETUP = `${CMG_DOCS}/setup-cloud-management-gateway`;
const PLAN_SOURCE = 'intune/configmgr/core/clients/manage/cmg/plan-cloud-management-gateway.md (newer copy)';
const SETUP_SOURCE = 'intune/configmgr/core/clients/manage/cmg/setup-cloud-management-gateway.md (newer copy)';
const ADDRESS = 'contoso.eastus.cloudapp.azure.com/CCM_Proxy_MutualAuth/72186325152220500';

const version = (plan: { num(path: string): number | undefined }) => plan.num('site.version');

export const azureSubscriptionPresent = defineReadinessRule({
  id: 'azure-subscription-present', area: 'cmg', severity: 'error', source: PLAN_SOURCE,
  basis: { words: 'Azure subscription to host the CMG', page: `${CMG_PLAN}#requirements`, override: 'Listed under Requirements: the CMG is an Azure service, so without a subscription it can\'t be created' },
  title: 'An Azure subscription hosts the cloud management gateway',
  docUrl: `${CMG_PLAN}#requirements`,
  appliesWhen: hasCmg,
  // Left out, the subscription is unknown; only `none` says there is none.
  needs: ['site.azureSubscriptionType'],
  check(plan) {
    if (plan.choice('site.azureSubscriptionType') !== 'none') return undefined;
    return { message: 'The plan has a CMG but no Azure subscription to host it (site.azureSubscriptionType: none). Get a subscription in the Azure public cloud or Azure US Government before you create the CMG.', path: 'site.azureSubscriptionType' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  azureSubscriptionType: none\n  cmg:\n    address: ${ADDRESS}`],
    pass: [`version: 1\nsite:\n  azureSubscriptionType: standard\n  cmg:\n    address: ${ADDRESS}`],
  },
});

export const cmgServiceConnectionPointOnline = defineReadinessRule({
  id: 'cmg-service-connection-point-online', area: 'cmg', severity: 'error', source: PLAN_SOURCE,
  basis: { words: 'must be in online mode', page: `${CMG_PLAN}#requirements` },
  title: 'The service connection point, which deploys and monitors the CMG, is in online mode',
  docUrl: `${CMG_PLAN}#requirements`,
  appliesWhen: hasCmg,
  needs: ['site.serviceConnectionPoint'],
  check(plan) {
    const scp = plan.choice('site.serviceConnectionPoint');
    if (scp === 'online') return undefined;
    const state = scp === 'none' ? 'the hierarchy has no service connection point' : 'the service connection point is in offline mode';
    return { message: `The CMG is deployed and monitored by the cloud service manager on the service connection point, which has to be online; ${state}. Install it at the top-level site, or switch it to online mode.`, path: 'site.serviceConnectionPoint' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  serviceConnectionPoint: offline\n  cmg:\n    address: ${ADDRESS}`],
    pass: [`version: 1\nsite:\n  serviceConnectionPoint: online\n  cmg:\n    address: ${ADDRESS}`],
  },
});

export const cmgVmssFeatureEnabled = defineReadinessRule({
  id: 'cmg-vmss-feature-enabled', area: 'cmg', severity: 'error', source: `${PLAN_SOURCE}; setup-cloud-management-gateway.md (newer copy)`,
  basis: { words: 'You must enable this feature', page: `${CMG_PLAN}#virtual-machine-scale-sets` },
  title: 'The optional feature for a scale-set CMG is turned on',
  docUrl: `${CMG_PLAN}#virtual-machine-scale-sets`,
  appliesWhen: (plan) => plan.choice('site.cmg.deployment') === 'vmss',
  needs: ['site.optionalFeatures.cmgVmss'],
  check(plan) {
    if (plan.bool('site.optionalFeatures.cmgVmss') !== false) return undefined;
    return { message: 'A CMG as a virtual machine scale set is an optional feature that Configuration Manager leaves off; turn it on (Updates and Servicing, Features) before you create the CMG.', path: 'site.optionalFeatures.cmgVmss' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2211\n  optionalFeatures:\n    cmgVmss: false\n  cmg:\n    deployment: vmss'],
    pass: ['version: 1\nsite:\n  version: 2211\n  optionalFeatures:\n    cmgVmss: true\n  cmg:\n    deployment: vmss'],
  },
});

export const cmgOnTopTierSite = defineReadinessRule({
  id: 'cmg-on-top-tier-site', area: 'cmg', severity: 'error',
  basis: { words: 'installed at the top-tier site', page: 'https://learn.microsoft.com/intune/configmgr/comanage/tutorial-co-manage-new-devices#create-the-cmg', override: 'The setup page has the step done on the top-level site (stand-alone primary or CAS) only; the wizard is there', contradiction: { page: `${CMG_DOCS}/perf-scale#size-and-scale-for-cmg`, says: 'the older size-and-scale text says CMGs can be installed at primary sites or the CAS (and advises the CAS in a hierarchy)' } },
  source: `${SETUP_SOURCE}; intune/configmgr/comanage/tutorial-co-manage-new-devices.md (newer copy)`,
  title: 'The CMG is created on the top-level site (the stand-alone primary or the central administration site)',
  docUrl: `${CMG_SETUP}#set-up-a-cmg`,
  appliesWhen: hasCmg,
  needs: ['site.cmg.hostSite'],
  check(plan) {
    if (plan.choice('site.cmg.hostSite') !== 'child-primary') return undefined;
    return { message: 'Create the CMG on the top-level site: the central administration site in a hierarchy, not a child primary site (site.cmg.hostSite). The older size-and-scale text still says a CMG can be installed at primary sites; the newer setup page, followed here, says the top-level site.', path: 'site.cmg.hostSite' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  topology: hierarchy\n  cmg:\n    address: ${ADDRESS}\n    hostSite: child-primary`],
    pass: [`version: 1\nsite:\n  topology: hierarchy\n  cmg:\n    address: ${ADDRESS}\n    hostSite: top-tier`],
  },
});

/** An Azure region as written by admins: "West US", "westus" and "(US) West US" are the same. */
const regionKey = (region: string) => region.replace(/\([^)]*\)/g, '').replace(/[\s_-]/g, '').toLowerCase();

export const cmgResourceGroupRegion = defineReadinessRule({
  id: 'cmg-resource-group-region', area: 'cmg', severity: 'error', source: SETUP_SOURCE,
  basis: { words: 'the CMG will fail to deploy', page: `${CMG_SETUP}#set-up-a-cmg` },
  title: 'An existing resource group chosen for the CMG is in the CMG\'s Azure region',
  docUrl: `${CMG_SETUP}#set-up-a-cmg`,
  appliesWhen: (plan) => hasCmg(plan) && plan.has('site.cmg.resourceGroupRegion'),
  needs: ['site.cmg.region', 'site.cmg.resourceGroupRegion'],
  check(plan) {
    const region = plan.str('site.cmg.region')!;
    const groupRegion = plan.str('site.cmg.resourceGroupRegion')!;
    if (regionKey(region) === regionKey(groupRegion)) return undefined;
    return { message: `The existing resource group is in ${groupRegion} but the CMG is to be created in ${region}; the deployment fails. Pick a resource group in ${region}, or let the wizard create a new one.`, path: 'site.cmg.resourceGroupRegion' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    region: eastus\n    resourceGroupRegion: westus`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    region: East US\n    resourceGroupRegion: eastus`],
  },
});

export const cmgEarlyResourceGroupName = defineReadinessRule({
  id: 'cmg-2010-2103-resource-group-name', area: 'cmg', severity: 'error', source: PLAN_SOURCE,
  basis: { words: 'only has lowercase letters, numbers, and hyphens', page: `${CMG_PLAN}#limitations-with-versions-2010-and-2103` },
  title: 'On 2010 and 2103 a scale-set CMG\'s resource group name has only lowercase letters, digits and hyphens',
  docUrl: `${CMG_PLAN}#limitations-with-versions-2010-and-2103`,
  // Not applicable on a stated version outside 2010-2103; unknown while the version is left out.
  appliesWhen: (plan) => plan.choice('site.cmg.deployment') === 'vmss' && plan.has('site.cmg.resourceGroup')
    && !(version(plan) !== undefined && (version(plan)! < 2010 || version(plan)! > 2103)),
  needs: ['site.version', 'site.cmg.resourceGroup'],
  check(plan) {
    const v = version(plan)!;
    const name = plan.str('site.cmg.resourceGroup')!.trim();
    if (/^[a-z0-9-]+$/.test(name)) return undefined;
    return { message: `On ${v} the site names the CMG's storage container after its resource group, so the name may hold only lowercase letters, digits and hyphens; "${name}" doesn't. Rename the resource group in Azure or use a new one.`, path: 'site.cmg.resourceGroup' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2103\n  azureSubscriptionType: csp\n  cmg:\n    deployment: vmss\n    resourceGroup: CMG_Resources'],
    pass: ['version: 1\nsite:\n  version: 2103\n  azureSubscriptionType: csp\n  cmg:\n    deployment: vmss\n    resourceGroup: cmg-resources'],
  },
});

export const cmgLabVmSize = defineReadinessRule({
  id: 'cmg-lab-vm-size', area: 'cmg', severity: 'warning', source: SETUP_SOURCE,
  basis: { words: "aren't intended for production use", page: `${CMG_SETUP}#set-up-a-cmg`, override: 'Documented as a risk: the Lab size is low-performing and meant for tests and proofs of concept, which reads as advice against production use' },
  title: 'A production CMG doesn\'t use the Lab (B2s) virtual machine size',
  docUrl: `${CMG_SETUP}#set-up-a-cmg`,
  appliesWhen: hasCmg,
  needs: ['site.cmg.vmSize'],
  check(plan) {
    if (plan.choice('site.cmg.vmSize') !== 'lab') return undefined;
    return { message: 'The Lab (B2s) size is cheap and slow and meant for test labs and proofs of concept; for production devices use Standard (A2_v2) or Large (A4_v2).', path: 'site.cmg.vmSize' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    vmSize: lab`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    vmSize: standard`],
  },
});

export const cmgVmInstancesRange = defineReadinessRule({
  id: 'cmg-vm-instances-range', area: 'cmg', severity: 'error', source: SETUP_SOURCE,
  basis: { words: 'scale up to 16 VMs per CMG', page: `${CMG_SETUP}#set-up-a-cmg`, override: 'The wizard\'s documented range (default one, up to 16) is a hard limit of the setting, not advice' },
  title: 'The CMG runs between 1 and 16 virtual machine instances',
  docUrl: `${CMG_SETUP}#set-up-a-cmg`,
  appliesWhen: hasCmg,
  needs: ['site.cmg.vmInstances'],
  check(plan) {
    const count = plan.num('site.cmg.vmInstances')!;
    if (count >= 1 && count <= 16) return undefined;
    return { message: `A CMG runs 1 to 16 virtual machines (one by default); ${count} isn't possible. For more clients, add a second CMG instead.`, path: 'site.cmg.vmInstances' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    vmInstances: 20`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    vmInstances: 2`],
  },
});

export const cloudDpDeprecated = defineReadinessRule({
  id: 'cloud-dp-deprecated', area: 'cmg', severity: 'error', source: `${PLAN_SOURCE}; intune/configmgr/comanage/tutorial-co-manage-new-devices.md (newer copy)`,
  basis: { words: "you can't create new CDP instances", page: `${CMG_PLAN}#cmg-components` },
  title: 'From version 2107 the plan adds no cloud distribution point; a content-enabled CMG serves content instead',
  docUrl: `${CMG_PLAN}#cmg-components`,
  appliesWhen: (plan) => plan.choice('site.cloudDistributionPoints') === 'new',
  needs: ['site.version'],
  check(plan) {
    if (version(plan)! < 2107) return undefined;
    return { message: 'Cloud distribution points are deprecated and from version 2107 new ones can\'t be created; let the CMG serve content (site.cmg.contentEnabled: true) instead.', path: 'site.cloudDistributionPoints' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  version: 2211\n  cloudDistributionPoints: new'],
    pass: ['version: 1\nsite:\n  version: 2103\n  cloudDistributionPoints: new'],
  },
});

export const cloudDpExisting = defineReadinessRule({
  id: 'cloud-dp-existing', area: 'cmg', severity: 'information', source: PLAN_SOURCE,
  basis: { words: 'The cloud-based distribution point (CDP) is deprecated', page: `${CMG_PLAN}#cmg-components` },
  title: 'Content for internet-based devices moves from cloud distribution points to a content-enabled CMG (advice)',
  docUrl: `${CMG_PLAN}#cmg-components`,
  appliesWhen: (plan) => plan.has('site.cloudDistributionPoints'),
  needs: ['site.cloudDistributionPoints'],
  check(plan) {
    if (plan.choice('site.cloudDistributionPoints') !== 'existing') return undefined;
    return { message: 'Advice: the site still has cloud distribution points, which are deprecated; plan to serve that content from a content-enabled CMG.', path: 'site.cloudDistributionPoints' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  cloudDistributionPoints: existing'],
    pass: ['version: 1\nsite:\n  cloudDistributionPoints: none'],
  },
});

/** The Azure resource providers a scale-set CMG needs registered in its subscription. */
const VMSS_PROVIDERS = ['Microsoft.KeyVault', 'Microsoft.Storage', 'Microsoft.Network', 'Microsoft.Compute'];
const CMG_AZURE_AD = `${CMG_DOCS}/configure-azure-ad`;

export const cmgVmssResourceProviders = defineReadinessRule({
  id: 'cmg-vmss-resource-providers', area: 'cmg', severity: 'error',
  basis: { words: 'requires that you register', page: `${CMG_AZURE_AD}#configure-azure-resource-providers` },
  source: `intune/configmgr/core/clients/manage/cmg/configure-azure-ad.md (newer copy); ${PLAN_SOURCE}`,
  title: 'The Azure subscription of a scale-set CMG has the KeyVault, Storage, Network and Compute resource providers registered',
  docUrl: `${CMG_AZURE_AD}#configure-azure-resource-providers`,
  appliesWhen: (plan) => plan.choice('site.cmg.deployment') === 'vmss',
  needs: ['site.cmg.resourceProviders'],
  check(plan) {
    const registered = new Set<string>();
    for (let i = 0; i < plan.count('site.cmg.resourceProviders'); i++) {
      const name = plan.str(`site.cmg.resourceProviders[${i}]`);
      if (name) registered.add(name.trim().toLowerCase());
    }
    const missing = VMSS_PROVIDERS.filter((p) => !registered.has(p.toLowerCase()));
    if (missing.length === 0) return undefined;
    return { message: `A CMG as a virtual machine scale set needs the resource providers ${VMSS_PROVIDERS.join(', ')} registered in its Azure subscription; ${missing.join(', ')} ${missing.length === 1 ? 'isn\'t' : 'aren\'t'} listed. Register them (Subscriptions, Resource providers) with an account that may register providers, such as Owner or Contributor.`, path: 'site.cmg.resourceProviders' };
  },
  examples: {
    fail: ['version: 1\nsite:\n  cmg:\n    deployment: vmss\n    resourceProviders: [Microsoft.Storage, Microsoft.ClassicCompute]'],
    pass: ['version: 1\nsite:\n  cmg:\n    deployment: vmss\n    resourceProviders: [Microsoft.KeyVault, Microsoft.Storage, Microsoft.Network, Microsoft.Compute]'],
  },
});

const CMG_SCALE = `${CMG_DOCS}/perf-scale`;

/** Simultaneous clients one CMG virtual machine supports, or undefined when the plan doesn't say enough. */
function clientsPerVm(plan: Parameters<typeof hasCmg>[0]): number | undefined {
  const deployment = plan.choice('site.cmg.deployment');
  if (deployment === 'classic') return 6000;
  if (deployment !== 'vmss') return undefined;
  const v = version(plan);
  if (v !== undefined && v >= 2010 && v <= 2103) return 2000;
  const size = plan.choice('site.cmg.vmSize');
  return size === 'lab' ? 10 : size === 'large' ? 10000 : size === 'standard' ? 6000 : undefined;
}

export const cmgClientCapacity = defineReadinessRule({
  id: 'cmg-client-capacity', area: 'cmg', severity: 'warning',
  basis: { words: 'there may be delay', page: `${CMG_SCALE}#size-and-scale-for-cmg`, override: 'A documented risk: above the supported number of simultaneous clients the CMG still answers, with delays' },
  source: 'intune/configmgr/core/plan-design/configs/includes/scale-cmg.md (newer copy, included in perf-scale.md)',
  title: 'The CMG has enough virtual machines for the internet-based clients (6,000 per Standard VM, 10,000 per Large, 2,000 on 2010/2103 scale sets)',
  docUrl: `${CMG_SCALE}#size-and-scale-for-cmg`,
  // On the internet paths every device talks to the site through the CMG; elsewhere the plan can't say how many do.
  appliesWhen: (plan) => hasCmg(plan) && ['new-internet-devices', 'autopilot', 'managed-desktop'].includes(plan.choice('path') ?? ''),
  needs: ['clients.count', 'site.cmg.vmInstances', 'site.cmg.deployment'],
  needsEach: (plan) => plan.choice('site.cmg.deployment') === 'vmss' ? ['site.version', 'site.cmg.vmSize'] : [],
  check(plan) {
    const perVm = clientsPerVm(plan);
    const vms = plan.num('site.cmg.vmInstances')!;
    const clients = plan.num('clients.count')!;
    if (perVm === undefined || vms < 1 || clients <= perVm * vms) return undefined;
    const needed = Math.ceil(clients / perVm);
    return { message: `${clients} internet-based clients on ${vms} CMG virtual machine${vms === 1 ? '' : 's'} of ${perVm} simultaneous clients each: when most are online at once the CMG answers with delays. Plan ${needed <= 16 ? `${needed} instances` : 'a larger VM size or another CMG'} (up to 16 per CMG).`, path: 'site.cmg.vmInstances' };
  },
  examples: {
    fail: ['version: 1\npath: new-internet-devices\nsite:\n  version: 2403\n  cmg:\n    deployment: vmss\n    vmSize: standard\n    vmInstances: 1\nclients:\n  count: 9000'],
    pass: ['version: 1\npath: new-internet-devices\nsite:\n  version: 2403\n  cmg:\n    deployment: vmss\n    vmSize: standard\n    vmInstances: 2\nclients:\n  count: 9000'],
  },
});

export const cmgHighAvailability = defineReadinessRule({
  id: 'cmg-high-availability', area: 'cmg', severity: 'information', source: 'intune/configmgr/core/clients/manage/cmg/perf-scale.md (newer copy)',
  basis: { words: 'at least two VM instances', page: `${CMG_SCALE}#improve-performance` },
  title: 'For high availability the CMG runs at least two virtual machines (advice)',
  docUrl: `${CMG_SCALE}#improve-performance`,
  appliesWhen: hasCmg,
  needs: ['site.cmg.vmInstances'],
  check(plan) {
    if (plan.num('site.cmg.vmInstances') !== 1) return undefined;
    return { message: 'Advice: a CMG with one virtual machine is unavailable while that VM is down; for high availability run at least two instances, and two CMG connection points per site.', path: 'site.cmg.vmInstances' };
  },
  examples: {
    fail: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    vmInstances: 1`],
    pass: [`version: 1\nsite:\n  cmg:\n    address: ${ADDRESS}\n    vmInstances: 2`],
  },
});
