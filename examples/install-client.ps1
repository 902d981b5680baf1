# Installs the Configuration Manager client from the site's share. comanage checks the ccmsetup
# arguments below where they are written: open this file in VS Code or run
#   comanage check examples/install-client.ps1
param(
    [string]$Source = '\\cm01.contoso.com\SMS_ABC\Client'
)

$SiteCode = 'ABC'
$ManagementPoint = 'cm01.contoso.com'
$setup = Join-Path $Source 'ccmsetup.exe'

$arguments = @(
    "/mp:$ManagementPoint"
    "/source:`"$Source`""
    '/BITSPriority:HIGH'
    "SMSSITECODE=$SiteCode"
    'SMSCACHESIZE=10240'
)

Write-Output "Starting $setup"
$process = Start-Process -FilePath $setup -ArgumentList $arguments -Wait -PassThru
if ($process.ExitCode -ne 0) {
    Write-Warning "ccmsetup.exe exited with $($process.ExitCode); see C:\Windows\ccmsetup\Logs\ccmsetup.log"
}
