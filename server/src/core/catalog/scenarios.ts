// Typical command lines, one per installation scenario in the seeds. The snippets file, scenario
// completions and the README are generated from these. `${n:placeholder}` marks tab stops; each
// name used must exist in the catalog (a test checks it).

export interface Scenario {
  /** Snippet prefix and stable id. */
  id: string;
  title: string;
  description: string;
  /** Snippet body (VS Code snippet syntax), a single command line. */
  body: string;
  docUrl: string;
}

const PREPARE_WIN10 = 'https://learn.microsoft.com/intune/configmgr/comanage/how-to-prepare-win10#get-the-command-line-from-configuration-manager';

export const SCENARIOS: Scenario[] = [
  {
    id: 'ccm-intune-cmg-entra',
    title: 'Intune co-management: internet-based device over a CMG with Microsoft Entra ID',
    description: 'The command line for Intune\'s co-management settings: the CMG address, the site code and the Entra app IDs.',
    body: 'CCMSETUPCMD="CCMHOSTNAME=${1:contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500} SMSSITECODE=${2:ABC} AADCLIENTAPPID=${3:00000000-0000-0000-0000-000000000000} AADRESOURCEURI=${4:https://contososerver}"',
    docUrl: PREPARE_WIN10,
  },
  {
    id: 'ccm-autopilot-provisionts',
    title: 'Autopilot into co-management with a provisioning task sequence',
    description: 'Intune installs the client during Autopilot, gets the latest client, and starts a task sequence once the client registers.',
    body: 'CCMSETUPCMD="CCMHOSTNAME=${1:contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500} SMSSITECODE=${2:ABC} SMSMP=${3:https://mp1.contoso.com} PROVISIONTS=${4:PRI20001} UPGRADETOLATEST=TRUE"',
    docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#provisionts',
  },
  {
    id: 'ccm-onprem-mp',
    title: 'On-premises install from a management point',
    description: 'A ccmsetup.exe line for the intranet: the download management point, the site code and the client\'s first management point.',
    body: 'ccmsetup.exe /mp:${1:smsmp01.contoso.com} SMSSITECODE=${2:ABC} SMSMP=${3:smsmp01.contoso.com}',
    docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#mp',
  },
  {
    id: 'ccm-token-cmg',
    title: 'Token-based install over a CMG',
    description: 'A ccmsetup.exe line with a bulk registration token, and the /mp, CCMHOSTNAME, SMSSITECODE and SMSMP it needs.',
    body: 'ccmsetup.exe /mp:https://${1:contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500} /regtoken:${2:token} CCMHOSTNAME=${1} SMSSITECODE=${3:ABC} SMSMP=${4:https://mp1.contoso.com}',
    docUrl: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/deploy-clients-cmg-token',
  },
];
