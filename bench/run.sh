#!/usr/bin/env bash
# The benchmark harness. Starts what it needs by itself:
#   - a throwaway PostgreSQL cluster on 127.0.0.1 on a free port (durable: fsync and synchronous_commit ON),
#   - the app in Release on free ports (PostgreSQL, then SQLite), a bare Kestrel endpoint,
# and runs the load generator with its baselines measured in the same run.
#   bench/run.sh --quick          a few minutes of measuring on PostgreSQL; the last line is
#                                 "receipt/raw-insert ratio: X.XX; lookup/raw-select ratio: Y.YY; transition/raw-transition ratio: Z.ZZ"
#   bench/run.sh --reports [--count N] [--years Y]
#                                 the reports' figures only: N generated dossiers (default 1000000, received over the past
#                                 Y years, default 4) on PostgreSQL, then the
#                                 last quarter's Biểu 06 and 766 index timed through the web's code (no load, no peers)
#   bench/run.sh --quick --only lookup|transition|queue|receipt
#                                 one scenario with its baseline and the server's CPU per operation (pair-wise profiling)
#   bench/run.sh --quick --only public
#                                 the public pages and the catalogue search over a province-sized catalogue (2,003
#                                 procedures) beside the app's floor, and the bytes each page costs, on PostgreSQL then SQLite
#   bench/run.sh --peers          only the peers' five-step process (MotCua, Rebus, bpmn-engine) on PostgreSQL
#   bench/run.sh --national [--intake N] [--count M]
#                                 the national fabric on PostgreSQL: N dossiers (default 10000) with a small file each put on
#                                 the national portal's simulator and taken by the app, against the same rows inserted with
#                                 plain Npgsql; then M generated dossiers (default 1000000) in last month with their portal
#                                 pushes, and that month's reconciliation ledger; the last line is
#                                 "national intake: N dossiers in S s (R× raw insert); reconciliation: M dossiers in T ms"
#                                 (BENCH_LEDGER_FULL=1 also times the whole month reconciled in memory, the export's path)
#   bench/run.sh [--count N]      the full run: N generated dossiers (default 1000000) on both providers, report and
#                                 queue timings, peers, two instances vs one; writes the generated part of docs/performance.md
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
QUICK=0
REPORTS=0
PEERS=0
NATIONAL=0
INTAKE=10000
COUNT=1000000
YEARS=4
SECONDS_PER=10
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; SECONDS_PER=5 ;;
    --reports) REPORTS=1 ;;
    --peers) PEERS=1 ;;
    --national) NATIONAL=1 ;;
    --intake) INTAKE=$2; shift ;;
    --only) ONLY=$2; shift ;;
    --count) COUNT=$2; shift ;;
    --years) YEARS=$2; shift ;;
    --seconds) SECONDS_PER=$2; shift ;;
  esac
  shift
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORK=$(mktemp -d /tmp/motcua-bench.XXXXXX)
PGDIR=""
PIDS=()
log() { echo "[bench] $*" >&2; }

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  while :; do p=$(( 20000 + RANDOM % 30000 )); port_in_use "$p" || { echo "$p"; return; }; done
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_missing() {
  [ -n "$(pg_bindir)" ] && [ -x "$(pg_bindir)/initdb" ] && return 0
  [ "$(id -u)" = 0 ] || { log "PostgreSQL is missing; run as root so it can be installed"; return 1; }
  mkdir -p /etc/postgresql-common
  [ -f /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    -o Dpkg::Options::=--force-confold --no-install-recommends postgresql >/dev/null
}

start_postgres() {
  local bin; bin=$(pg_bindir)
  PGDIR=$(mktemp -d /tmp/motcua-benchpg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
  as_pg "$bin/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  PGPORT=$(free_port)
  # Unlike test.sh, durability stays ON: the goals are stated with synchronous commit.
  as_pg "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c synchronous_commit=on -c fsync=on" \
    start >/dev/null || { cat "$PGDIR/server.log"; return 1; }
  PGVERSION=$("$bin/postgres" --version | awk '{print $3}')
  log "PostgreSQL $PGVERSION on 127.0.0.1:$PGPORT (fsync=on, synchronous_commit=on)"
}

psql_() { as_pg "$(pg_bindir)/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt "$@"; }
pg_cs() { echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$1;Pooling=true;Maximum Pool Size=${2:-60}"; }

cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  if [ -n "$PGDIR" ] && [ -d "$PGDIR" ]; then
    as_pg "$(pg_bindir)/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PGDIR"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# BENCH_APP_DLL / BENCH_TOOL_DLL run builds copied out of the tree (pair-wise comparisons, docs/performance.md "Method").
APP_DLL=${BENCH_APP_DLL:-$ROOT/src/MotCua.Web/bin/Release/net10.0/MotCua.Web.dll}
TOOL_DLL=${BENCH_TOOL_DLL:-$ROOT/bench/MotCua.Load/bin/Release/net10.0/MotCua.Load.dll}
tool() { dotnet "$TOOL_DLL" "$@"; }

# Production requires the audit key; every instance of a run shares one, as on a real deployment.
AUDIT_KEY=$(head -c 32 /dev/urandom | base64)

# start_app NAME PROVIDER CONNECTION -> sets APP_URL, APP_PID
# No e-mail, SMS or Zalo gateway exists here: messages to them are logged and counted delivered (LogOnlyWhenUnconfigured),
# as a real gateway would take them, instead of retrying in the background while the next scenario is measured.
# Staging, not Production: the demo accounts have the published password, which Production refuses to start with.
start_app() {
  local name=$1 provider=$2 cs=$3 port; port=$(free_port)
  (
    cd "$WORK" && exec env ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="http://127.0.0.1:$port" \
      MotCua__SeedDemoData=true MotCua__SeedDemoDataOnPostgres=true MotCua__Database__Provider="$provider" MotCua__Database__ConnectionString="$cs" \
      MotCua__Audit__Key="$AUDIT_KEY" \
      MotCua__RateLimits__LookupPerMinute=100000000 MotCua__RateLimits__LoginPerMinute=100000 \
      MotCua__Notifications__LogOnlyWhenUnconfigured=true MotCua__Diagnostics__ServerTiming=true \
      Logging__LogLevel__Default=Warning ${APP_ENV[@]+"${APP_ENV[@]}"} \
      dotnet "$APP_DLL"
  ) >"$WORK/$name.log" 2>&1 &
  APP_PID=$!
  PIDS+=("$APP_PID")
  APP_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$APP_URL/dang-nhap" 2>/dev/null; then log "$name ready on $APP_URL (pid $APP_PID)"; return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  log "$name did not start:"; tail -n 40 "$WORK/$name.log" >&2
  return 1
}

stop_app() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; }

# wait_quiet DB: until no session on DB is running a statement or holding a transaction open for 5 s in a row, and
# every outbox message has been tried once (at most 30 minutes), so background work of the app is over before anything
# is measured: the first deadline scan over the generated data raises ~128k alerts at 10M, and delivering them takes
# minutes. Then a CHECKPOINT, so the measured minutes do not pay for the load's dirty pages.
wait_quiet() {
  local quiet=0 waited=0 busy
  while [ "$quiet" -lt 5 ] && [ "$waited" -lt 1800 ]; do
    busy=$(psql_ -d "$1" -c "SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = '$1' AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')) + (SELECT count(*) FROM \"OutboxMessages\" WHERE \"Status\" = 'Pending' AND \"Attempts\" = 0)")
    if [ "${busy:-1}" = 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    sleep 1; waited=$((waited + 1))
  done
  psql_ -d "$1" -c "CHECKPOINT" >/dev/null
  log "database $1 quiet after ${waited} s"
}

install_missing || exit 1
start_postgres || { log "could not start PostgreSQL"; exit 1; }

log "building (Release)"
[ -n "${BENCH_NO_BUILD:-}" ] || dotnet build bench/MotCua.Load -c Release -nologo -v q -warnaserror >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

BARE_PORT=$(free_port)
# Not through tool(): a backgrounded function is a subshell, so $! named the subshell and the cleanup's kill left the
# bare server running after the run.
dotnet "$TOOL_DLL" bare --port "$BARE_PORT" >"$WORK/bare.log" 2>&1 &
PIDS+=("$!")

OUT=$WORK/out.md
: >"$OUT"
section() { printf '\n%s\n\n' "$1" >>"$OUT"; }

# bpmn-engine's packages (pinned by bench/peers/package-lock.json) are installed on first use.
if [ ! -d bench/peers/node_modules ] && command -v npm >/dev/null; then
  (cd bench/peers && npm ci --no-audit --no-fund >/dev/null 2>&1) || log "npm ci failed: the bpmn-engine row will say so"
fi

run_peers() {
  psql_ -c "CREATE DATABASE motcua_peers" || return 1
  start_app app-peers Postgres "$(pg_cs motcua_peers)" || return 1
  stop_app "$APP_PID"
  tool peers --connection "$(pg_cs motcua_peers)" --seconds "$SECONDS_PER" --bench-dir "$ROOT/bench"
}

if [ "$PEERS" = 1 ]; then
  echo "### Peers: the five-step process, PostgreSQL $PGVERSION (bench/run.sh --peers; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  run_peers
  exit $?
fi

# run_public PROVIDER CONNECTION: the public pages over a province-sized catalogue against the app at APP_URL.
run_public() {
  tool public --url "$APP_URL" --provider "$1" --connection "$2" --seconds "$SECONDS_PER" --clients 32 --pid "$APP_PID" --out "$WORK/public-$1.md" \
    | tee "$WORK/public-$1.txt"
}

# run_national: the national portal's intake (the simulator, a real process on loopback, and the app polling it), then
# a month's reconciliation ledger over generated dossiers with their portal pushes.
run_national() {
  local sim_dll=${BENCH_SIM_DLL:-$ROOT/tests/Servers/MotCua.Servers.NationalPortal/bin/Release/net10.0/MotCua.Servers.NationalPortal.dll}
  local sim_port token unit=H57.BENCH month
  sim_port=$(free_port); token=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  (cd "$WORK" && exec env ASPNETCORE_URLS="http://127.0.0.1:$sim_port" Portal__Token="$token" Logging__LogLevel__Default=Warning dotnet "$sim_dll") \
    >"$WORK/sim.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$sim_port/health" 2>/dev/null && break; sleep 0.5; done
  psql_ -c "CREATE DATABASE motcua_national" || return 1
  APP_ENV=(MotCua__NationalPortal__Inbound__Url="http://127.0.0.1:$sim_port/" MotCua__NationalPortal__Inbound__Token="$token"
    "MotCua__NationalPortal__Inbound__Agencies__$unit=SKHCN" MotCua__NationalPortal__Inbound__PollIntervalSeconds=1
    MotCua__NationalPortal__Inbound__PageSize=100
    MotCua__Notifications__NationalPortal__Url="http://127.0.0.1:$sim_port/api/dongbo" MotCua__Notifications__NationalPortal__Token="$token")
  start_app app-national Postgres "$(pg_cs motcua_national)" || return 1
  APP_ENV=()
  wait_quiet motcua_national
  tool national --sim "http://127.0.0.1:$sim_port" --unit "$unit" --provider postgres --connection "$(pg_cs motcua_national)" --count "$INTAKE" \
    | tee "$WORK/national.txt" || return 1
  echo "Server peak RSS (VmHWM): $(awk '/VmHWM/{printf "%d MB", $2/1024}' "/proc/$APP_PID/status")"
  stop_app "$APP_PID"

  psql_ -c "CREATE DATABASE motcua_ledger" || return 1
  start_app app-ledger Postgres "$(pg_cs motcua_ledger)" || return 1
  stop_app "$APP_PID"
  month=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
  tool seed --provider postgres --connection "$(pg_cs motcua_ledger)" --count "$COUNT" --month "$month" --portal || return 1
  psql_ -d motcua_ledger -c "VACUUM ANALYZE" || true
  tool reconciliation --provider postgres --connection "$(pg_cs motcua_ledger)" --month "$month" ${BENCH_LEDGER_FULL:+--full 1} | tee "$WORK/ledger.txt" || return 1
  echo
  echo "$(grep '^national intake' "$WORK/national.txt"); $(grep '^reconciliation' "$WORK/ledger.txt")"
}

if [ "$NATIONAL" = 1 ]; then
  echo "### The national fabric, PostgreSQL $PGVERSION (bench/run.sh --national --intake $INTAKE --count $COUNT; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  run_national
  exit $?
fi

# ---------------------------------------------------------------- PostgreSQL
psql_ -c "CREATE DATABASE motcua_bench" || exit 1
PG=$(pg_cs motcua_bench)
start_app app-pg Postgres "$PG" || exit 1
if [ "$REPORTS" = 1 ]; then
  # The app has migrated the database and seeded the catalogue; it takes no part in the timing.
  stop_app "$APP_PID"
  echo "### PostgreSQL $PGVERSION, $COUNT generated dossiers (bench/run.sh --reports --count $COUNT; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  tool seed --provider postgres --connection "$PG" --count "$COUNT" --years "$YEARS" || exit 1
  psql_ -d motcua_bench -c "VACUUM ANALYZE" || true
  echo
  tool reports --provider postgres --connection "$PG"
  exit $?
fi
if [ "$QUICK" = 0 ]; then
  section "### PostgreSQL $PGVERSION, $COUNT generated dossiers"
  tool seed --provider postgres --connection "$PG" --count "$COUNT" | tee -a "$OUT" || exit 1
  psql_ -d motcua_bench -c "VACUUM ANALYZE" || true
  echo >>"$OUT"
  tool reports --provider postgres --connection "$PG" | tee -a "$OUT"
  # The app has been up since before the seed. Restart it so that its start-up work runs now, above all the first
  # deadline scan, which raises an alert for every overdue dossier the generator left open (128k at 10M), and wait
  # until the database is quiet, so that scan does not run through the measured scenarios.
  stop_app "$APP_PID"
  start_app app-pg Postgres "$PG" || exit 1
  wait_quiet motcua_bench
else
  section "### PostgreSQL $PGVERSION (quick)"
fi
echo >>"$OUT"
if [ "$ONLY" = public ]; then
  echo "### Public pages, PostgreSQL $PGVERSION (bench/run.sh --only public, $SECONDS_PER s per scenario; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  run_public postgres "$PG" || exit 1
  stop_app "$APP_PID"
  start_app app-sqlite-public Sqlite "Data Source=$WORK/public.db" || exit 1
  echo
  echo "### Public pages, SQLite (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  run_public sqlite "Data Source=$WORK/public.db" || exit 1
  exit 0
fi
tool load --url "$APP_URL" --bare-url "http://127.0.0.1:$BARE_PORT" --provider postgres --connection "$PG" \
  --seconds "$SECONDS_PER" --clients 32 --pid "$APP_PID" --out "$WORK/pg-load.md" ${ONLY:+--only "$ONLY"} | tee "$WORK/pg-load.txt"
if [ -n "$ONLY" ]; then
  echo "Server peak RSS (VmHWM): $(awk '/VmHWM/{printf "%d MB", $2/1024}' "/proc/$APP_PID/status"); threads: $(awk '/Threads/{print $2}' "/proc/$APP_PID/status")"
  exit 0
fi
LAST=$(tail -n 1 "$WORK/pg-load.txt")
QUEUE=$(grep '^Queue page p95' "$WORK/pg-load.txt")
cat "$WORK/pg-load.md" >>"$OUT" 2>/dev/null
section "### Public pages over a province-sized catalogue, PostgreSQL"
run_public postgres "$PG"
cat "$WORK/public-postgres.md" >>"$OUT" 2>/dev/null
PUBLIC=$(grep '^Public p95' "$WORK/public-postgres.txt")

if [ "$QUICK" = 0 ]; then
  # ---------------------------------------------------------------- two instances on one PostgreSQL
  section "### Scaling: receipt on one instance vs two instances on one PostgreSQL (32 clients)"
  tool load --only receipt --url "$APP_URL" --provider postgres --connection "$PG" --seconds "$SECONDS_PER" --clients 32 | tee "$WORK/one.txt"
  FIRST_URL=$APP_URL; FIRST_PID=$APP_PID
  start_app app-pg-2 Postgres "$PG" || exit 1
  tool load --only receipt --url "$FIRST_URL,$APP_URL" --provider postgres --connection "$PG" --seconds "$SECONDS_PER" --clients 32 | tee "$WORK/two.txt"
  ONE=$(grep '^receipt rate:' "$WORK/one.txt" | awk '{print $3}')
  TWO=$(grep '^receipt rate:' "$WORK/two.txt" | awk '{print $3}')
  { head -n 2 "$WORK/one.txt"; grep '^| receipt' "$WORK/one.txt"; grep '^| receipt' "$WORK/two.txt"; echo; echo "Two instances / one instance: $(awk -v a="$TWO" -v b="$ONE" 'BEGIN{printf "%.2f", a/b}')×"; } >>"$OUT"
  stop_app "$APP_PID"; stop_app "$FIRST_PID"

  # ---------------------------------------------------------------- peers
  section "### Peers: the five-step process (receive → assign → appraise → approve → return), PostgreSQL"
  run_peers | tee -a "$OUT"

  # ---------------------------------------------------------------- SQLite
  SQLITE="Data Source=$WORK/bench.db"
  start_app app-sqlite Sqlite "$SQLITE" || exit 1
  SQLCOUNT=$(( COUNT / 10 ))
  section "### SQLite, $SQLCOUNT generated dossiers"
  tool seed --provider sqlite --connection "$SQLITE" --count "$SQLCOUNT" | tee -a "$OUT"
  echo >>"$OUT"
  tool reports --provider sqlite --connection "$SQLITE" | tee -a "$OUT"
  echo >>"$OUT"
  tool load --url "$APP_URL" --bare-url "http://127.0.0.1:$BARE_PORT" --provider sqlite --connection "$SQLITE" \
    --seconds "$SECONDS_PER" --clients 32 --pid "$APP_PID" --out "$WORK/sqlite-load.md" | tee "$WORK/sqlite-load.txt"
  cat "$WORK/sqlite-load.md" >>"$OUT" 2>/dev/null
  section "### Public pages over a province-sized catalogue, SQLite"
  run_public sqlite "$SQLITE"
  cat "$WORK/public-sqlite.md" >>"$OUT" 2>/dev/null
  stop_app "$APP_PID"

  # ---------------------------------------------------------------- docs/performance.md
  DOC=docs/performance.md
  {
    sed '/<!-- bench:begin -->/,$d' "$DOC"
    echo "<!-- bench:begin -->"
    echo "## The last full run ($(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
    echo
    echo "- Machine: \`nproc\` = $(nproc), CPU \`$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\`, $(free -m | awk '/Mem:/{print $2}') MB RAM, load average at start $(cut -d' ' -f1-3 /proc/loadavg); $(. /etc/os-release && echo "$PRETTY_NAME"); .NET $(dotnet --version)"
    echo "- Command: \`bench/run.sh --count $COUNT --seconds $SECONDS_PER\` (32 clients, $SECONDS_PER s per scenario after a 5 s warm-up)"
    cat "$OUT"
    echo
    echo "<!-- bench:end -->"
    sed -n '/<!-- bench:end -->/,$p' "$DOC" | tail -n +2
  } >"$WORK/performance.md"
  cp "$WORK/performance.md" "$DOC"
  log "wrote $DOC"
fi

[ -n "$QUEUE" ] && echo "$QUEUE"
[ -n "${PUBLIC:-}" ] && echo "$PUBLIC"
echo "$LAST"
