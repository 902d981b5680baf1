// Windows Autopatch and the Windows editions of the devices it registers (docs map P40 #12–#13).
// Its co-management requirements (workloads, pilot collections, client setting, ownership) are in
// rules/coexistence.ts.
import { editionPaths, usesAutopatch } from './scope';
import { defineReadinessRule } from './types';

const EDITIONS = 'https://learn.microsoft.com/windows/deployment/windows-autopatch/prepare/windows-autopatch-prerequisites#windows-editions-build-version-and-architecture';
const SRC_AUTOPATCH = 'windows-itpro-docs windows/deployment/windows-autopatch/prepare/windows-autopatch-prerequisites.md @0eac40b8 (newer copy)';


const AUTOPATCH = 'version: 1\nservices:\n  windowsAutopatch: true\n';

export const autopatchWindowsEdition = defineReadinessRule({
  id: 'autopatch-windows-edition', area: 'windows', severity: 'error', source: SRC_AUTOPATCH,
  basis: { words: 'are supported when devices are registered', page: EDITIONS, override: 'The page lists the editions Autopatch supports (Pro, Education, Enterprise, Pro Education, Pro for Workstations); an edition outside the list, Home, is not supported' },
  title: 'Windows Autopatch devices run Pro, Education, Enterprise, Pro Education or Pro for Workstations (not Home)',
  docUrl: EDITIONS,
  appliesWhen: usesAutopatch,
  needs: ['windows.editions'],
  check(plan) {
    return editionPaths(plan, 'home').map((path) => ({
      message: 'Windows Autopatch registers Windows 10 and 11 Pro, Education, Enterprise, Pro Education and Pro for Workstations devices; Home isn\'t among them. Upgrade these devices to a supported edition or keep them out of the Autopatch groups.',
      path,
    }));
  },
  examples: {
    fail: [`${AUTOPATCH}windows:\n  editions: [enterprise, home]\n`],
    pass: [`${AUTOPATCH}windows:\n  editions: [enterprise, pro]\n`],
  },
});

export const autopatchLtscQualityOnly = defineReadinessRule({
  id: 'autopatch-ltsc-quality-only', area: 'windows', severity: 'information', source: SRC_AUTOPATCH,
  basis: { words: 'don\'t offer Windows feature updates', page: EDITIONS },
  title: 'Windows Autopatch manages only quality updates on LTSC devices',
  docUrl: EDITIONS,
  appliesWhen: usesAutopatch,
  needs: ['windows.editions'],
  check(plan) {
    const paths = editionPaths(plan, 'enterprise-ltsc');
    if (paths.length === 0) return undefined;
    return {
      message: 'Windows Autopatch registers Enterprise LTSC devices that are still serviced, but manages only their quality updates; it offers them no feature updates. Move LTSC devices to a newer release with LTSC media or a Configuration Manager in-place upgrade task sequence.',
      path: paths[0],
    };
  },
  examples: {
    fail: [`${AUTOPATCH}windows:\n  editions: [enterprise, enterprise-ltsc]\n`],
    pass: [`${AUTOPATCH}windows:\n  editions: [enterprise]\n`],
  },
});
