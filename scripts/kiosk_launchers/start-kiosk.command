#!/bin/sh
# Start the kiosk (macOS: double-click in Finder): the same as start-kiosk.sh.
cd "$(dirname "$0")" || exit 1
exec ./start-kiosk.sh "$@"
