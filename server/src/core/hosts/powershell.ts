// PowerShell host: finds ccmsetup invocations in .ps1/.psm1 text (filled in by the next commits).
import type { Host } from './host';

export const powershellHost: Host = {
  id: 'powershell',
  extensions: ['.ps1', '.psm1'],
  findLines: () => [],
};
