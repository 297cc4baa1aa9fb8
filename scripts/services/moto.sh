#!/usr/bin/env bash
# moto_server (in-memory AWS API emulator) on 127.0.0.1:5000, from the venv
# venv.sh builds. State lives only in memory: a restart starts empty.
#
#   moto.sh start    start it (or reuse a moto already answering) and wait until it answers
#   moto.sh stop     stop the server started by this script
#   moto.sh status   exit 0 if moto answers on 127.0.0.1:5000
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SERVICE_NAME=moto
# shellcheck source=common.sh
source "$HERE/common.sh"
STATE_DIR="$REPO_ROOT/.services/moto"
PID_FILE="$STATE_DIR/moto.pid"
LOG_FILE="$STATE_DIR/moto.log"

HOST=127.0.0.1
PORT=5000
URL="http://$HOST:$PORT"
START_TIMEOUT=${MOTO_START_TIMEOUT:-30}


# A real AWS call, so "answers" means the emulator works, not just that the port
# is open. moto picks the service from the SigV4 credential scope (without an
# Authorization header it answers as S3), so send a dummy one.
answers() {
  curl -fsS -m 3 -X POST "$URL/" \
    -H 'Content-Type: application/x-amz-json-1.1' -H 'X-Amz-Target: secretsmanager.ListSecrets' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=test/20200101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0' \
    -d '{}' 2>/dev/null | grep -q SecretList
}

# PID from our pid file, only if that process is still a moto_server (PIDs get reused).
running_pid() { pid_from_file "$PID_FILE" moto_server; }

start() {
  command -v curl >/dev/null || die "curl not found (run scripts/services/up.sh, or: apt-get install -y curl)"
  if answers; then
    log "moto already answers on $URL; reusing it"
    return 0
  fi
  port_open "$HOST" "$PORT" && ! running_pid >/dev/null && die "port $PORT is taken by something that is not moto"
  local venv pid started
  venv="$(bash "$HERE/venv.sh")"
  mkdir -p "$STATE_DIR"
  started=$SECONDS
  if pid="$(running_pid)"; then
    log "moto process $pid exists but does not answer yet; waiting for it"
  else
    log "starting moto_server on $URL (log: $LOG_FILE)"
    # One request per line gets logged; keep only the previous run's log.
    [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
    echo "=== $(date -Is) start" >"$LOG_FILE"
    nohup "$venv/bin/moto_server" -H "$HOST" -p "$PORT" </dev/null >>"$LOG_FILE" 2>&1 &
    pid=$!
    echo "$pid" >"$PID_FILE"
  fi
  local deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! proc_running "$pid"; then
      tail -n 30 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      die "moto_server (pid $pid) exited"
    fi
    if answers; then
      log "moto ready on $URL (pid $pid, $((SECONDS - started))s)"
      return 0
    fi
    sleep 0.2
  done
  tail -n 30 "$LOG_FILE" >&2 || true
  stop || true
  die "moto not answering on $URL within ${START_TIMEOUT}s"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    log "no moto started by this script is running"
    return 0
  fi
  log "stopping moto (pid $pid)"
  kill_and_wait "$pid" 10
  rm -f "$PID_FILE"
  log "moto stopped"
}

status() {
  if answers; then
    log "moto answers on $URL"
  else
    log "no moto on $URL"
    return 1
  fi
}

case "${1:-}" in
  start | stop | status) "$1" ;;
  *) echo "usage: $0 {start|stop|status}" >&2; exit 2 ;;
esac
