#!/usr/bin/env bash
# Start the local services the tests need and write their addresses to
# .services.env at the repo root. Idempotent: running services are reused.
# A service whose address is already in the environment (e.g. KAFKA_BROKERS)
# is not started; its value is written as given.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"
ENV_FILE="$REPO_ROOT/.services.env"

log() { echo "[services] $*" >&2; }

java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

ensure_java_maven() {
  local pkgs=()
  if ! command -v java >/dev/null || [[ "$(java_major)" -lt 17 ]]; then pkgs+=(openjdk-17-jre-headless); fi
  command -v mvn >/dev/null || pkgs+=(maven)
  ((${#pkgs[@]})) || return 0
  log "installing ${pkgs[*]} with apt-get"
  local sudo=()
  [[ "$(id -u)" -eq 0 ]] || sudo=(sudo -n)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq </dev/null >&2
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${pkgs[@]}" </dev/null >&2
  [[ "$(java_major)" -ge 17 ]] || { log "ERROR: java on PATH is still older than 17"; exit 1; }
}

ENV_LINES=()

up_kafka() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    log "KAFKA_BROKERS=$KAFKA_BROKERS is set; not starting a local broker"
  else
    ensure_java_maven
    bash "$HERE/kafka.sh" start
    KAFKA_BROKERS=127.0.0.1:9092
  fi
  ENV_LINES+=("KAFKA_BROKERS=$KAFKA_BROKERS")
}

SERVICES=(kafka)
for service in "${SERVICES[@]}"; do "up_$service"; done

{
  echo "# Written by scripts/services/up.sh"
  printf '%s\n' "${ENV_LINES[@]}"
} >"$ENV_FILE.tmp"
mv "$ENV_FILE.tmp" "$ENV_FILE"
log "services up; wrote $ENV_FILE"
