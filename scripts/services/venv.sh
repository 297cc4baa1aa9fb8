#!/usr/bin/env bash
# Python venv with the pinned tools from requirements.txt (moto_server, cfn-lint),
# outside the repo. Prints the venv's path on stdout; progress goes to stderr.
#
#   venv.sh            create/refresh the venv if requirements.txt or the Python changed
#
# Python: $DAPR_LAMBDA_PYTHON, else python3 (3.11+, as the pins require). On a
# Debian without the venv module, python3-venv is installed with apt-get.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REQUIREMENTS="$HERE/requirements.txt"
CACHE_ROOT="${DAPR_LAMBDA_CACHE:-$HOME/.cache/dapr-lambda-bindings}"
VENV="$CACHE_ROOT/venv"
MARKER="$VENV/.installed"
PYTHON="${DAPR_LAMBDA_PYTHON:-python3}"

log() { echo "[venv] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

apt_install() {
  command -v apt-get >/dev/null || return 1
  log "installing $* with apt-get"
  local sudo=()
  [[ "$(id -u)" -eq 0 ]] || sudo=(sudo -n)
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq </dev/null >&2 &&
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" </dev/null >&2
}

# The marker holds the hash of requirements.txt plus the interpreter it was built
# with: a venv is tied to its Python, so switching Python (pyenv, apt) rebuilds it.
wanted_marker() {
  echo "$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1) $("$PYTHON" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
}

ensure_python() {
  command -v "$PYTHON" >/dev/null || apt_install python3 python3-venv || die "$PYTHON not found"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    die "$PYTHON is $("$PYTHON" --version 2>&1); the pins in requirements.txt need Python 3.11+ (set DAPR_LAMBDA_PYTHON)"
}

# Debian's python3 lacks ensurepip until python3-venv is installed; then
# `python3 -m venv` fails after creating a half-made directory.
create_venv() {
  rm -rf "$VENV"
  if "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then return 0; fi
  rm -rf "$VENV"
  apt_install python3-venv || die "'$PYTHON -m venv' failed and python3-venv could not be installed"
  "$PYTHON" -m venv "$VENV" >&2 || die "'$PYTHON -m venv $VENV' failed"
}

main() {
  mkdir -p "$CACHE_ROOT"
  # Parallel callers (up.sh, test setup) must not build the same venv at once.
  exec 9>"$CACHE_ROOT/venv.lock"
  flock 9
  ensure_python
  local wanted
  wanted="$(wanted_marker)"
  if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$wanted" && -x "$VENV/bin/moto_server" ]]; then
    echo "$VENV"
    return 0
  fi
  local started=$SECONDS
  log "creating $VENV from requirements.txt with $("$PYTHON" --version 2>&1) (takes about a minute) ..."
  create_venv
  PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 \
    "$VENV/bin/python" -m pip install -q -r "$REQUIREMENTS" >&2 || die "pip install -r $REQUIREMENTS failed"
  echo "$wanted" >"$MARKER"
  log "venv ready in $((SECONDS - started))s: $("$VENV/bin/cfn-lint" --version), moto $("$VENV/bin/python" -c 'import moto; print(moto.__version__)')"
  echo "$VENV"
}

main "$@"
