# Shared PostgreSQL helpers for scripts/run and scripts/test (sourced, not executed).
# PostgreSQL refuses to run as root: as root we run its tools as the 'postgres' user.

pg_bin_dir() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"; return
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_ensure_installed() {
  PG_BIN=$(pg_bin_dir)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL not found; installing Debian's postgresql package..." >&2
    if [ "$(id -u)" -ne 0 ]; then echo "error: PostgreSQL is missing and installing it needs root (apt-get install postgresql)" >&2; return 1; fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(pg_bin_dir)
  fi
  export PG_BIN
}

# Runs a PostgreSQL tool as the right user.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_own() {
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$@"; fi
}

pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "error: no free port found" >&2; return 1
}

# pg_init DATA_DIR: a cluster with superuser 'mentorbot', trust auth on loopback only.
pg_init() {
  mkdir -p "$1"; pg_own "$1"; chmod 700 "$1"
  pg_as_owner "$PG_BIN/initdb" -D "$1" -U mentorbot --auth=trust -E UTF8 --no-locale >/dev/null
}

# pg_start DATA_DIR SOCKET_DIR PORT LOG_FILE [extra postgres -c options...]
pg_start() {
  local data=$1 sock=$2 port=$3 log=$4; shift 4
  mkdir -p "$sock"; pg_own "$sock"; touch "$log"; pg_own "$log"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 \
    -o "-p $port -k $sock -c listen_addresses=127.0.0.1 $*" start >/dev/null
}

pg_stop() {
  pg_as_owner "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}
