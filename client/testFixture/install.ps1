$SiteCode = 'ABC'
Start-Process -FilePath "$PSScriptRoot\ccmsetup.exe" -ArgumentList "/mp:cm01.contoso.com /CCMHOSTNAME:""contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500"" SMSSITECODEE=$SiteCode" -Wait
# ccmsetup.exe returns at once and installs the client in the background.
Write-Host 'ccmsetup started; it logs to C:\Windows\ccmsetup\Logs\ccmsetup.log'
