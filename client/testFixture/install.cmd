@echo off
REM Installs the Configuration Manager client from the share this script runs from.
"%~dp0ccmsetup.exe" /mp:cm01.contoso.com /logon SMSSITECODE:ABC
exit /b %ERRORLEVEL%
