#!/usr/bin/env bash
# PostgreSQL 15 (Debian's postgresql-15) with a cluster of its own in
# .services/postgres/data, listening on 127.0.0.1:5432 only (no Unix socket).
# Superuser `dapr` password `dapr` (the cluster's bootstrap user), database `dapr`.
# As root, the server runs as the `postgres` user (postgres refuses root).
#
#   postgres.sh start    initdb once, start it (or reuse a server already accepting
#                        dapr/dapr) and wait until `select 1` works over TCP
#   postgres.sh stop     stop the server started by this script (data is kept)
#   postgres.sh status   exit 0 if `select 1` as dapr over TCP works
set -euo pipefail
SERVICE_NAME=postgres
# shellcheck source=scripts/services/common.sh disable=SC2034
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_BIN=/usr/lib/postgresql/15/bin
STATE_DIR="$REPO_ROOT/.services/postgres"
DATA_DIR="$STATE_DIR/data"
LOG_FILE="$STATE_DIR/postgres.log"
HOST=127.0.0.1
PORT=5432
USER_NAME=dapr
PASSWORD=dapr
DB_NAME=dapr
START_TIMEOUT=${POSTGRES_START_TIMEOUT:-60}

# Run as the `postgres` user when we are root; otherwise as ourselves.
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_tcp() {
  PGPASSWORD="$PASSWORD" PGCONNECT_TIMEOUT=3 timeout 10 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h "$HOST" -p "$PORT" -U "$USER_NAME" "$@"
}

answers() { [[ "$(psql_tcp -d "$DB_NAME" -tAc 'select 1' 2>/dev/null)" == 1 ]]; }

running_pid() {
  [[ -f "$DATA_DIR/postmaster.pid" ]] || return 1
  local pid
  pid="$(head -n 1 "$DATA_DIR/postmaster.pid")"
  [[ -n "$pid" ]] && proc_running "$pid" && grep -qs postgres "/proc/$pid/cmdline" && echo "$pid"
}

init_cluster() {
  [[ -f "$DATA_DIR/PG_VERSION" ]] && return 0
  log "creating a PostgreSQL 15 cluster in $DATA_DIR"
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  local pwfile="$STATE_DIR/.pwfile"
  echo "$PASSWORD" >"$pwfile"
  if [[ "$(id -u)" -eq 0 ]]; then chown postgres:postgres "$STATE_DIR" "$DATA_DIR" "$pwfile"; fi
  chmod 700 "$DATA_DIR"
  chmod 600 "$pwfile"
  if ! as_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U "$USER_NAME" --pwfile="$pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >>"$LOG_FILE" 2>&1; then
    rm -f "$pwfile"
    tail -n 20 "$LOG_FILE" >&2
    rm -rf "$DATA_DIR"
    die "initdb failed"
  fi
  rm -f "$pwfile"
  # Test settings: TCP on loopback only, no Unix socket (the repo path may be too
  # long for one), and no fsync (a clean stop still keeps everything).
  cat >>"$DATA_DIR/postgresql.conf" <<EOF

# Added by scripts/services/postgres.sh
listen_addresses = '$HOST'
port = $PORT
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
}

ensure_database() {
  if [[ "$(psql_tcp -d postgres -tAc "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]]; then
    log "creating database $DB_NAME"
    psql_tcp -d postgres -c "create database \"$DB_NAME\" owner \"$USER_NAME\""
  fi
}

start() {
  apt_ensure "$PG_BIN/initdb" postgresql-15
  if answers; then
    log "PostgreSQL already accepts $USER_NAME on $HOST:$PORT/$DB_NAME; reusing it"
    return 0
  fi
  local pid started=$SECONDS
  if ! pid="$(running_pid)"; then
    port_open "$HOST" "$PORT" && die "port $PORT is taken by a server that does not accept $USER_NAME/$PASSWORD on database $DB_NAME (the Debian default cluster? stop it first: pg_ctlcluster 15 main stop)"
    mkdir -p "$STATE_DIR"
    init_cluster
    [[ "$(id -u)" -ne 0 ]] || chown postgres:postgres "$STATE_DIR"
    touch "$LOG_FILE"
    [[ "$(id -u)" -ne 0 ]] || chown postgres:postgres "$LOG_FILE"
    rm -f "$DATA_DIR/postmaster.pid" # stale (its process is gone)
    log "starting PostgreSQL 15 on $HOST:$PORT (log: $LOG_FILE)"
    as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t "$START_TIMEOUT" start >/dev/null ||
      { tail -n 20 "$LOG_FILE" >&2; die "pg_ctl start failed"; }
  fi
  local deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if psql_tcp -d postgres -tAc 'select 1' >/dev/null 2>&1; then
      ensure_database
      answers || die "select 1 on $DB_NAME failed"
      log "PostgreSQL ready on $HOST:$PORT (pid $(running_pid), $((SECONDS - started))s)"
      return 0
    fi
    sleep 0.2
  done
  tail -n 20 "$LOG_FILE" >&2 || true
  stop || true
  die "PostgreSQL not answering on $HOST:$PORT within ${START_TIMEOUT}s"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    log "no PostgreSQL started by this script is running"
    return 0
  fi
  log "stopping PostgreSQL (pid $pid)"
  as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w -t 30 stop >/dev/null 2>&1 || kill_and_wait "$pid" 10
  log "PostgreSQL stopped"
}

status() {
  if answers; then log "PostgreSQL answers select 1 as $USER_NAME on $HOST:$PORT/$DB_NAME"; else log "no PostgreSQL accepting $USER_NAME on $HOST:$PORT"; return 1; fi
}

case "${1:-}" in
  start | stop | status) "$1" ;;
  *) echo "usage: $0 {start|stop|status}" >&2; exit 2 ;;
esac
