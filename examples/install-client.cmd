@echo off
REM Installs the Configuration Manager client from the folder this script is in.
REM Deploy the folder (this script and ccmsetup.exe) as a package, or run it from the share.
setlocal

set "MP=cm01.contoso.com"
set "SITE=ABC"
set "LOG=%WINDIR%\Temp\Install-CMClient.log"

if not exist "%~dp0ccmsetup.exe" (
    echo %DATE% %TIME% ccmsetup.exe not found next to %~nx0 >> "%LOG%"
    exit /b 2
)

echo %DATE% %TIME% installing the client for site %SITE% >> "%LOG%"
start /wait "" "%~dp0ccmsetup.exe" /mp:%MP% /source:"%~dp0." /BITSPriority:HIGH ^
    SMSSITECODE=%SITE% ^
    SMSCACHESIZE=10240 ^
    FSP=fsp01.contoso.com
set RC=%ERRORLEVEL%
echo %DATE% %TIME% ccmsetup returned %RC% >> "%LOG%"

endlocal & exit /b %RC%
