#!/usr/bin/env bash
# Start the local services the tests need and write their addresses to
# .services.env at the repo root. Idempotent: running services are reused.
# A service whose address is already in the environment (KAFKA_BROKERS,
# MOTO_ENDPOINT) is not started; the given values are written instead.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"
ENV_FILE="$REPO_ROOT/.services.env"

log() { echo "[services] $*" >&2; }

java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

apt_install() {
  log "installing $* with apt-get"
  local sudo=()
  [[ "$(id -u)" -eq 0 ]] || sudo=(sudo -n)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq </dev/null >&2
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" </dev/null >&2
}

ensure_java_maven() {
  local pkgs=()
  if ! command -v java >/dev/null || [[ "$(java_major)" -lt 17 ]]; then pkgs+=(openjdk-17-jre-headless); fi
  command -v mvn >/dev/null || pkgs+=(maven)
  ((${#pkgs[@]})) || return 0
  apt_install "${pkgs[@]}"
  [[ "$(java_major)" -ge 17 ]] || { log "ERROR: java on PATH is still older than 17"; exit 1; }
}

ENV_LINES=()

# KAFKA_BROKERS, KAFKA_SASL_BROKERS, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD.
# With an external KAFKA_BROKERS, the SASL lines are only written if given too.
up_kafka() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    log "KAFKA_BROKERS=$KAFKA_BROKERS is set; not starting a local broker"
    ENV_LINES+=("KAFKA_BROKERS=$KAFKA_BROKERS")
    local var
    for var in KAFKA_SASL_BROKERS KAFKA_SASL_USERNAME KAFKA_SASL_PASSWORD; do
      [[ -n "${!var:-}" ]] && ENV_LINES+=("$var=${!var}")
    done
    return 0
  fi
  ensure_java_maven
  bash "$HERE/kafka.sh" start
  local lines kafka_env
  lines="$(bash "$HERE/kafka.sh" env)"
  readarray -t kafka_env <<<"$lines"
  ENV_LINES+=("${kafka_env[@]}")
}

# MOTO_ENDPOINT and CFN_LINT (both from the venv that venv.sh builds; it also
# installs python3-venv with apt-get if needed).
up_moto() {
  local venv
  venv="$(bash "$HERE/venv.sh")"
  if [[ -n "${MOTO_ENDPOINT:-}" ]]; then
    log "MOTO_ENDPOINT=$MOTO_ENDPOINT is set; not starting a local moto"
  else
    command -v curl >/dev/null || apt_install curl # moto.sh's readiness check
    bash "$HERE/moto.sh" start
    MOTO_ENDPOINT=http://127.0.0.1:5000
  fi
  ENV_LINES+=("MOTO_ENDPOINT=$MOTO_ENDPOINT" "CFN_LINT=${CFN_LINT:-$venv/bin/cfn-lint}")
}

SERVICES=(kafka moto)
for service in "${SERVICES[@]}"; do "up_$service"; done

{
  echo "# Written by scripts/services/up.sh"
  printf '%s\n' "${ENV_LINES[@]}"
} >"$ENV_FILE.tmp"
mv "$ENV_FILE.tmp" "$ENV_FILE"
log "services up; wrote $ENV_FILE"
