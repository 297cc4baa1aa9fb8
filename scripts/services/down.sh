#!/usr/bin/env bash
# Stop the local services started by up.sh. Data directories are kept.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "[services] $*" >&2; }

# Only stops a broker this repo's kafka.sh started (PID file), so an external
# KAFKA_BROKERS is never touched.
down_kafka() { bash "$HERE/kafka.sh" stop; }

SERVICES=(kafka)
for service in "${SERVICES[@]}"; do "down_$service"; done
log "services down"
