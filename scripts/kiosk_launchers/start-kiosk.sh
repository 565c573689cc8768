#!/bin/sh
# Start the kiosk (Linux): serve this folder on this machine only (127.0.0.1) with Python 3 and open
# the language chooser in the browser (Chromium in full-screen kiosk mode if installed).
cd "$(dirname "$0")" || exit 1
for python in python3 python; do
  if command -v "$python" >/dev/null 2>&1; then
    exec "$python" kiosk-server.py "$@"
  fi
done
echo "Python 3 is needed to show captions (Debian/Ubuntu: sudo apt install python3)." >&2
echo "Opening the kiosk from disk instead: videos play without captions." >&2
xdg-open index.html 2>/dev/null || open index.html
