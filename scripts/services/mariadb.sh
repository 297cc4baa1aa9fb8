#!/usr/bin/env bash
# MariaDB (Debian's mariadb-server) with a datadir of its own in
# .services/mariadb/data, mariadbd in the background on 127.0.0.1:3306.
# User dapr@'%' and dapr@localhost, password `dapr`, all privileges; database `dapr`
# (both ensured on every start through --init-file). As root, mariadbd runs as `mysql`.
#
#   mariadb.sh start    install the datadir once, start it (or reuse a server already
#                       accepting dapr/dapr) and wait until `select 1` works over TCP
#   mariadb.sh stop     stop the server started by this script (data is kept)
#   mariadb.sh status   exit 0 if `select 1` as dapr over TCP works
set -euo pipefail
SERVICE_NAME=mariadb
# shellcheck source=scripts/services/common.sh disable=SC2034
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

STATE_DIR="$REPO_ROOT/.services/mariadb"
DATA_DIR="$STATE_DIR/data"
RUN_DIR="$STATE_DIR/run"
PID_FILE="$RUN_DIR/mariadbd.pid"
LOG_FILE="$RUN_DIR/mariadbd.log"
INIT_SQL="$STATE_DIR/init.sql"
HOST=127.0.0.1
PORT=3306
USER_NAME=dapr
PASSWORD=dapr
DB_NAME=dapr
START_TIMEOUT=${MARIADB_START_TIMEOUT:-60}
MARIADBD=/usr/sbin/mariadbd

answers() {
  [[ "$(timeout 10 mariadb --no-defaults --connect-timeout=3 -h"$HOST" -P"$PORT" -u"$USER_NAME" -p"$PASSWORD" "$DB_NAME" -N -B -e 'select 1' 2>/dev/null)" == 1 ]]
}

running_pid() { pid_from_file "$PID_FILE" 'mariadbd|mysqld'; }

run_user() { if [[ "$(id -u)" -eq 0 ]]; then echo mysql; else id -un; fi; }

# The Unix socket only serves local admin use; its path must fit in 107 bytes.
socket_path() {
  local sock="$RUN_DIR/mariadbd.sock"
  ((${#sock} < 100)) || sock="/tmp/dapr-lambda-mariadb-$(id -u).sock"
  echo "$sock"
}

init_datadir() {
  [[ -d "$DATA_DIR/mysql" ]] && return 0
  log "creating a MariaDB datadir in $DATA_DIR"
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  [[ "$(id -u)" -ne 0 ]] || chown mysql:mysql "$DATA_DIR"
  if ! mariadb-install-db --no-defaults --datadir="$DATA_DIR" --user="$(run_user)" \
    --auth-root-authentication-method=socket --skip-test-db >>"$STATE_DIR/install-db.log" 2>&1; then
    tail -n 20 "$STATE_DIR/install-db.log" >&2
    rm -rf "$DATA_DIR"
    die "mariadb-install-db failed"
  fi
}

write_init_sql() {
  cat >"$INIT_SQL" <<EOF
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\`;
CREATE USER IF NOT EXISTS '$USER_NAME'@'%' IDENTIFIED BY '$PASSWORD';
CREATE USER IF NOT EXISTS '$USER_NAME'@'localhost' IDENTIFIED BY '$PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'%' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'localhost' WITH GRANT OPTION;
EOF
  chmod 644 "$INIT_SQL"
}

start() {
  apt_ensure "$MARIADBD" mariadb-server mariadb mariadb-client mariadb-install-db mariadb-server
  if answers; then
    log "MariaDB already accepts $USER_NAME on $HOST:$PORT/$DB_NAME; reusing it"
    return 0
  fi
  local pid started=$SECONDS
  if ! pid="$(running_pid)"; then
    port_open "$HOST" "$PORT" && die "port $PORT is taken by a server that does not accept $USER_NAME/$PASSWORD on database $DB_NAME; stop it first"
    mkdir -p "$STATE_DIR" "$RUN_DIR"
    init_datadir
    write_init_sql
    [[ "$(id -u)" -ne 0 ]] || chown mysql:mysql "$RUN_DIR"
    log "starting mariadbd on $HOST:$PORT (log: $LOG_FILE)"
    echo "=== $(date -Is) start" >>"$STATE_DIR/mariadbd.out"
    nohup "$MARIADBD" --no-defaults --user="$(run_user)" --datadir="$DATA_DIR" \
      --bind-address="$HOST" --port="$PORT" --socket="$(socket_path)" \
      --pid-file="$PID_FILE" --log-error="$LOG_FILE" --init-file="$INIT_SQL" \
      --skip-name-resolve --innodb-flush-log-at-trx-commit=2 --innodb-buffer-pool-size=64M \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      </dev/null >>"$STATE_DIR/mariadbd.out" 2>&1 &
    pid=$!
  fi
  local deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! proc_running "$pid"; then
      tail -n 20 "$LOG_FILE" "$STATE_DIR/mariadbd.out" >&2 || true
      die "mariadbd (pid $pid) exited"
    fi
    if answers; then
      log "MariaDB ready on $HOST:$PORT (pid $pid, $((SECONDS - started))s)"
      return 0
    fi
    sleep 0.2
  done
  tail -n 20 "$LOG_FILE" >&2 || true
  stop || true
  die "MariaDB not answering on $HOST:$PORT within ${START_TIMEOUT}s"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    log "no MariaDB started by this script is running"
    return 0
  fi
  log "stopping MariaDB (pid $pid)"
  kill_and_wait "$pid" 60
  log "MariaDB stopped"
}

status() {
  if answers; then log "MariaDB answers select 1 as $USER_NAME on $HOST:$PORT/$DB_NAME"; else log "no MariaDB accepting $USER_NAME on $HOST:$PORT"; return 1; fi
}

case "${1:-}" in
  start | stop | status) "$1" ;;
  *) echo "usage: $0 {start|stop|status}" >&2; exit 2 ;;
esac
