#!/usr/bin/env bash
# Stop the local services started by up.sh. Data directories are kept.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "[services] $*" >&2; }

# Only stops what this repo's scripts started (PID files), so an external
# KAFKA_BROKERS or MOTO_ENDPOINT is never touched.
down_kafka() { bash "$HERE/kafka.sh" stop; }
down_moto() { bash "$HERE/moto.sh" stop; }
down_redis() { bash "$HERE/redis.sh" stop; }
down_postgres() { bash "$HERE/postgres.sh" stop; }
down_mariadb() { bash "$HERE/mariadb.sh" stop; }
down_rabbitmq() { bash "$HERE/rabbitmq.sh" stop; }
down_mosquitto() { bash "$HERE/mosquitto.sh" stop; }

SERVICES=(kafka moto redis postgres mariadb rabbitmq mosquitto)
for service in "${SERVICES[@]}"; do "down_$service"; done
log "services down"
