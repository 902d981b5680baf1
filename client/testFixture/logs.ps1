# Shows the end of the client setup log.
Get-Content "$env:windir\ccmsetup\Logs\ccmsetup.log" -Tail 20
# Not run here: ccmsetup.exe /mp=cm01.contoso.com SMSSITECODE:ABC
