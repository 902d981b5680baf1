# Installs the Configuration Manager client from the folder this script is in.
$SiteCode = 'ABC'
Start-Process -FilePath "$PSScriptRoot\ccmsetup.exe" -ArgumentList "/mp:cm01.contoso.com /CCMHOSTNAME:""contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500"" SMSSITECODEE=$SiteCode" -Wait
Write-Host 'ccmsetup started; it logs to C:\Windows\ccmsetup\Logs\ccmsetup.log'
