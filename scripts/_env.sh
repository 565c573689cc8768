# Shared set-up for scripts/build, scripts/test, scripts/serve and scripts/edit (sourced, not run).
# Creates .venv with Python 3.11+ if missing and installs a pinned requirements file into it,
# again only when that file has changed since the last install.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
export NO_MKDOCS_2_WARNING=1
export PYTHONDONTWRITEBYTECODE=1

find_python() {
  for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "error: Python 3.11 or newer is needed; install it (Debian: apt-get install python3 python3-venv)" >&2
  return 1
}

ensure_venv() {
  local requirements="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating the Python environment in .venv ..."
    "$(find_python)" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$(basename "$requirements")"
  local digest
  digest="$(cat "$ROOT/requirements.txt" "$requirements" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    echo "Installing pinned Python packages from $(basename "$requirements") ..."
    "$VENV/bin/python" -m pip install --disable-pip-version-check -r "$requirements" >"$VENV/pip.log" 2>&1 ||
      { cat "$VENV/pip.log" >&2; echo "error: installing $(basename "$requirements") failed (log above)" >&2; return 1; }
    echo "$digest" >"$stamp"
  fi
}

apt_install() {
  local runner=()
  [ "$(id -u)" -eq 0 ] || runner=(sudo)
  echo "Installing Debian packages: $* ..."
  "${runner[@]}" apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq "$@" >/dev/null
}

ensure_build_libraries() {
  # WeasyPrint (printed factsheets) needs Pango from the system.
  "$VENV/bin/python" -c "import weasyprint" >/dev/null 2>&1 || apt_install libpango-1.0-0 libpangoft2-1.0-0
  # Videos (scripts/media/transcode.py) and the data trailer are encoded and probed with Debian's ffmpeg.
  command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || apt_install ffmpeg
}

ensure_test_tools() {
  # Debian packages the tests and the benchmark use, then the npm checkers (package-lock.json).
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)  # tests/test_publish_server.py serves a published release
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  ensure_npm_tools
}

ensure_editor_tools() {
  # ./scripts/edit runs decap-server (npm, in package-lock.json) with Node.
  command -v npm >/dev/null 2>&1 || apt_install npm
  ensure_npm_tools
}

ensure_npm_tools() {
  # The npm tools of package-lock.json, again only when it has changed since the last install.
  local lock_digest
  lock_digest="$(cd "$ROOT" && sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$ROOT/node_modules/.installed" ] || [ "$(cat "$ROOT/node_modules/.installed")" != "$lock_digest" ]; then
    echo "Installing npm tools (axe-core, vnu-jar, lighthouse, decap-server) ..."
    (cd "$ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$lock_digest" >"$ROOT/node_modules/.installed"
  fi
}
