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

# MOTO_ENDPOINT, MOTO_SERVER and CFN_LINT (all from the venv that venv.sh builds; it also
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
  # MOTO_SERVER: tests that stop and start AWS run a private moto of their own with it.
  ENV_LINES+=("MOTO_ENDPOINT=$MOTO_ENDPOINT" "MOTO_SERVER=$venv/bin/moto_server" "CFN_LINT=${CFN_LINT:-$venv/bin/cfn-lint}")
}

# Apt-installed services (each script installs its Debian packages if missing and
# starts its own instance under .services/<name>/). A variable already set in the
# environment means an external service: it is written as given, nothing is started.
# $1: variable holding the address, $2: script name, then the KEY=value lines to write.
up_apt_service() {
  local var=$1 script=$2
  shift 2
  if [[ -n "${!var:-}" ]]; then
    log "$var=${!var} is set; not starting a local $script"
    ENV_LINES+=("$var=${!var}")
    return 0
  fi
  bash "$HERE/$script.sh" start
  ENV_LINES+=("$@")
}

# REDIS_HOST (host:port, no password).
up_redis() { up_apt_service REDIS_HOST redis "REDIS_HOST=127.0.0.1:6379"; }

# POSTGRES_URL (superuser dapr/dapr, database dapr).
up_postgres() { up_apt_service POSTGRES_URL postgres "POSTGRES_URL=postgres://dapr:dapr@127.0.0.1:5432/dapr"; }

# MYSQL_DSN (Go driver DSN, as Dapr's mysql binding takes it) and MYSQL_URL.
up_mariadb() {
  if [[ -n "${MYSQL_DSN:-}" || -n "${MYSQL_URL:-}" ]]; then
    log "MYSQL_DSN/MYSQL_URL is set; not starting a local mariadb"
    local var
    for var in MYSQL_DSN MYSQL_URL; do [[ -z "${!var:-}" ]] || ENV_LINES+=("$var=${!var}"); done
    return 0
  fi
  bash "$HERE/mariadb.sh" start
  ENV_LINES+=("MYSQL_DSN=dapr:dapr@tcp(127.0.0.1:3306)/dapr" "MYSQL_URL=mysql://dapr:dapr@127.0.0.1:3306/dapr")
}

# RABBITMQ_URL (user dapr/dapr, administrator on vhost /).
up_rabbitmq() { up_apt_service RABBITMQ_URL rabbitmq "RABBITMQ_URL=amqp://dapr:dapr@127.0.0.1:5672"; }

# MQTT_URL (anonymous, no persistence).
up_mosquitto() { up_apt_service MQTT_URL mosquitto "MQTT_URL=tcp://127.0.0.1:1883"; }

SERVICES=(kafka moto redis postgres mariadb rabbitmq mosquitto)
for service in "${SERVICES[@]}"; do "up_$service"; done

{
  echo "# Written by scripts/services/up.sh"
  printf '%s\n' "${ENV_LINES[@]}"
} >"$ENV_FILE.tmp"
mv "$ENV_FILE.tmp" "$ENV_FILE"
log "services up; wrote $ENV_FILE"
