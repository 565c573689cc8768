@echo off
rem Start the kiosk (Windows: double-click): serve this folder on this machine only (127.0.0.1) with
rem Python 3 and open the language chooser in the browser. Python: https://www.python.org/downloads/
cd /d "%~dp0"
where py >nul 2>nul
if %errorlevel%==0 (
  py -3 kiosk-server.py %*
  goto :eof
)
where python >nul 2>nul
if %errorlevel%==0 (
  python kiosk-server.py %*
  goto :eof
)
echo Python 3 is needed to show captions: install it from https://www.python.org/downloads/
echo Opening the kiosk from disk instead: videos play without captions.
start "" "%~dp0index.html"
pause
