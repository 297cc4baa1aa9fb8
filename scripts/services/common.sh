# Shared helpers for the service scripts (kafka.sh, moto.sh and the apt-installed
# redis.sh, postgres.sh, mariadb.sh, rabbitmq.sh, mosquitto.sh). Source it after
# setting SERVICE_NAME.
# shellcheck shell=bash disable=SC2034

COMMON_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$COMMON_HERE/../.." && pwd)"

log() { echo "[$SERVICE_NAME] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# kill -0 is not enough: an exited child stays a zombie until reaped.
proc_running() {
  local state
  state="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1 || true)"
  [[ -n "$state" && "$state" != Z ]]
}

# pid from pid file $1, only if that process is alive and its command line
# matches the regex $2 (a stale pid file may point to a reused pid).
pid_from_file() {
  [[ -f "$1" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$1")"
  [[ -n "$pid" ]] && proc_running "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -Eq "$2" && echo "$pid"
}

# $1: pid, $2: seconds before SIGKILL. Sends SIGTERM first unless NO_TERM=1.
kill_and_wait() {
  local pid=$1 timeout=$2
  [[ "${NO_TERM:-}" == 1 ]] || kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while proc_running "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
  if proc_running "$pid"; then
    log "pid $pid did not stop within ${timeout}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while proc_running "$pid"; do sleep 0.1; done
  fi
}

# apt_ensure CMD_OR_PATH PACKAGE [CMD_OR_PATH PACKAGE ...]: installs the packages
# whose command (or absolute path) is missing. `apt-get update` runs only then.
# Service start-up by the packages' maintainer scripts is blocked with a
# temporary /usr/sbin/policy-rc.d (unless one already exists), so installing
# never starts the distribution's default instances on our ports.
apt_ensure() {
  local pkgs=() probe pkg
  while (($#)); do
    probe=$1 pkg=$2
    shift 2
    if [[ "$probe" == /* ]]; then [[ -e "$probe" ]] && continue; else command -v "$probe" >/dev/null && continue; fi
    pkgs+=("$pkg")
  done
  ((${#pkgs[@]})) || return 0
  command -v apt-get >/dev/null || die "missing ${pkgs[*]} and no apt-get to install them"
  local sudo=()
  [[ "$(id -u)" -eq 0 ]] || sudo=(sudo -n)
  local policy=/usr/sbin/policy-rc.d created_policy=""
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\n# temporary, from scripts/services/common.sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod 755 "$policy"
    created_policy=1
  fi
  log "installing ${pkgs[*]} with apt-get"
  local rc=0 started=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  local apt_opts=(-o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update -qq </dev/null >&2 || rc=$?
  if ((rc == 0)); then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${pkgs[@]}" </dev/null >&2 || rc=$?
  fi
  [[ -z "$created_policy" ]] || "${sudo[@]}" rm -f "$policy"
  ((rc == 0)) || die "apt-get install ${pkgs[*]} failed (rc $rc)"
  log "installed ${pkgs[*]} in $((SECONDS - started))s"
}
