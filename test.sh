#!/usr/bin/env bash
# Runs every MotCua test on a fresh Debian machine with the .NET SDK:
#   - installs what is missing when run as root (PostgreSQL, Chromium + chromium-driver, poppler-utils, fonts);
#   - starts a throwaway PostgreSQL cluster on 127.0.0.1 on a free port in a temp dir;
#   - runs the Core tests once, and the web and browser tests on SQLite and on PostgreSQL;
#   - restores in locked mode (packages.lock.json), builds with warnings as errors, checks whitespace and code style
#     against .editorconfig (dotnet format; a violation counts as one failed test) and prints Core's line coverage;
#   - stops and removes the cluster, and ends with one line: "N passed, N failed, N skipped".
#   ./test.sh --filter Name   runs only the matching tests (dotnet test --filter), same set-up.
#   MOTCUA_KEEP_RESULTS=dir   copies the run's TRX files (per-test durations) into dir before the temp results go.
set -uo pipefail
cd "$(dirname "$0")"
FILTER=()
if [ "${1:-}" = "--filter" ] && [ -n "${2:-}" ]; then FILTER=(--filter "$2"); fi
ROOT=$PWD
RESULTS=$(mktemp -d /tmp/motcua-results.XXXXXX)
PGDIR=""
# The tests' own files (SQLite databases, uploads, app data) go to memory where the machine has it: each SQLite commit
# waits for its fsync on disk, and the suite commits many thousands of times (docs/performance.md, "Test time").
# Nothing a test writes outlives the run.
TESTTMP=/tmp
if [ -d /dev/shm ] && [ -w /dev/shm ]; then TESTTMP=$(mktemp -d /dev/shm/motcua-tests.XXXXXX); fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Each test app watches its settings and static files; the hundreds a run starts, some still shutting down while the
# next start, would exhaust the machine's inotify instances (128 per user by default). File providers poll instead,
# and settings are not reloaded on change in the tests.
export DOTNET_USE_POLLING_FILE_WATCHER=1 DOTNET_hostBuilder__reloadConfigOnChange=false

log() { echo "[test.sh] $*"; }

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_missing() {
  local pkgs=()
  [ -n "$(pg_bindir)" ] && [ -x "$(pg_bindir)/initdb" ] || pkgs+=(postgresql)
  [ -x /usr/bin/chromium ] || pkgs+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || pkgs+=(chromium-driver)
  command -v pdftotext >/dev/null 2>&1 || pkgs+=(poppler-utils)
  command -v zbarimg >/dev/null 2>&1 || pkgs+=(zbar-tools)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || pkgs+=(fonts-dejavu-core)
  [ ${#pkgs[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    log "missing: ${pkgs[*]}; run as root (or install them) so the tests can provide them"
    return 1
  fi
  log "installing: ${pkgs[*]}"
  # Debian's package would create and start its own cluster on 5432; the tests bring their own.
  mkdir -p /etc/postgresql-common
  [ -f /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    -o Dpkg::Options::=--force-confold --no-install-recommends "${pkgs[@]}" >/dev/null
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

PORT_CLAIM=""
# Claims a port for this run: a file named after it holds this script's PID; a claim whose run has ended is taken over.
claim_port() {
  local file="/tmp/motcua-pg-port.$1"
  if ! (set -o noclobber; echo "$$" > "$file") 2>/dev/null; then
    local holder; holder=$(cat "$file" 2>/dev/null)
    if [ -n "$holder" ] && kill -0 "$holder" 2>/dev/null; then return 1; fi
    rm -f "$file"
    (set -o noclobber; echo "$$" > "$file") 2>/dev/null || return 1
  fi
  PORT_CLAIM=$file
}
release_port() {
  [ -n "$PORT_CLAIM" ] && rm -f "$PORT_CLAIM"
  PORT_CLAIM=""
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin; bin=$(pg_bindir)
  PGDIR=$(mktemp -d /tmp/motcua-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
  as_pg "$bin/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null || return 1
  # Two runs started together could pick the same free port: each claims its port with a file created atomically
  # (noclobber) under /tmp, skips ports claimed by a live run, and tries another port if the server still fails to start
  # (a port taken by something else between the check and the bind).
  local tries=0
  while :; do
    tries=$((tries + 1)); [ $tries -gt 20 ] && { cat "$PGDIR/server.log" 2>/dev/null; return 1; }
    PGPORT=$(( 20000 + RANDOM % 30000 ))
    port_in_use "$PGPORT" && continue
    claim_port "$PGPORT" || continue
    # A throwaway cluster: durability settings off for speed; nothing here outlives the run.
    if as_pg "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
      -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null; then
      break
    fi
    log "PostgreSQL could not start on port $PGPORT; trying another"
    release_port
  done
  export MOTCUA_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Pooling=true;Maximum Pool Size=20"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
}

cleanup() {
  if [ -n "$PGDIR" ] && [ -d "$PGDIR" ]; then
    as_pg "$(pg_bindir)/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PGDIR"
  fi
  release_port
  if [ -n "${MOTCUA_KEEP_RESULTS:-}" ]; then
    mkdir -p "$MOTCUA_KEEP_RESULTS" && find "$RESULTS" -maxdepth 1 -name '*.trx' -exec cp {} "$MOTCUA_KEEP_RESULTS"/ \;
  fi
  rm -rf "$RESULTS"
  [ "$TESTTMP" = /tmp ] || rm -rf "$TESTTMP"
}
trap cleanup EXIT

install_missing || { echo "0 passed, 1 failed"; exit 1; }
start_postgres || { log "could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }

log "building"
# Locked mode: a package version that differs from packages.lock.json fails the restore instead of drifting.
if ! dotnet build MotCua.slnx -c Release -warnaserror -nologo -v q -p:RestoreLockedMode=true; then
  echo "0 passed, 1 failed"
  exit 1
fi

crashed=0
# The build already enforces the analyzers and the code-style rules set to warning (warnings as errors). This adds the
# rest of .editorconfig: whitespace, indentation and final newlines for every C# file including bench/ (folder mode,
# no build), then the solution's style as dotnet format applies it (using-directive order included), on the projects
# just built (no restore). It reads the sources only, so it runs beside the tests (which leave the CPU partly idle
# while they wait on PostgreSQL and app start-ups) instead of before them; its verdict is counted at the end.
check_formatting() {
  local start=$SECONDS failures=0
  if ! dotnet format whitespace . --folder --verify-no-changes -v q; then
    log "FAILED: formatting differs from .editorconfig (lines above); fix with: dotnet format whitespace . --folder"
    failures=$((failures + 1))
  fi
  if ! dotnet format style MotCua.slnx --verify-no-changes --no-restore --severity warn -v q; then
    log "FAILED: code style differs from .editorconfig (lines above); fix with: dotnet format style MotCua.slnx"
    failures=$((failures + 1))
  fi
  log "formatting checked in $((SECONDS - start)) s"
  echo "$failures" > "$RESULTS/format.failures"
}
log "checking the formatting (beside the tests)"
check_formatting > "$RESULTS/format.log" 2>&1 &
FORMAT_PID=$!

run_tests() { # name provider project [extra dotnet test arguments]
  local name=$1 provider=$2 project=$3
  shift 3
  log "running $name"
  TMPDIR=$TESTTMP MOTCUA_TEST_PROVIDER=$provider dotnet test "$project" -c Release --no-build --nologo ${FILTER[@]+"${FILTER[@]}"} \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" "$@" \
    || true
  [ -f "$RESULTS/$name.trx" ] || [ ${#FILTER[@]} -gt 0 ] || { log "$name produced no results"; crashed=$((crashed + 1)); }
}

# Core's line coverage comes from its own test run only (coverlet, Cobertura), counting MotCua.Core alone.
run_tests core Sqlite tests/MotCua.Core.Tests --collect:"XPlat Code Coverage" -- \
  DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Format=cobertura \
  DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Include="[MotCua.Core]*"
run_tests web-sqlite Sqlite tests/MotCua.Web.Tests
# Its tests wait on the server more than the SQLite run's do, so four classes at a time fill the cores the waits leave
# idle (measured in docs/performance.md, "Test time").
run_tests web-postgres Postgres tests/MotCua.Web.Tests -- xUnit.MaxParallelThreads=4
run_tests browser-sqlite Sqlite tests/MotCua.BrowserTests
run_tests browser-postgres Postgres tests/MotCua.BrowserTests

wait "$FORMAT_PID"
cat "$RESULTS/format.log"
format_failures=$(cat "$RESULTS/format.failures" 2>/dev/null || echo 1)
crashed=$((crashed + format_failures))

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  p=${p:-0}; f=$(( ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0} ))
  s=$(( ${total:-0} - p - f )); [ $s -lt 0 ] && s=0
  log "$(basename "$trx" .trx): $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
failed=$((failed + crashed))
coverage=$(find "$RESULTS" -name coverage.cobertura.xml -print -quit)
if [ -n "$coverage" ]; then
  rate=$(grep -o '<coverage [^>]*' "$coverage" | grep -o ' line-rate="[0-9.]*"' | head -n 1 | grep -o '[0-9.]*')
  note=""; [ ${#FILTER[@]} -gt 0 ] && note=" (filtered run)"
  echo "Core line coverage: $(awk -v r="${rate:-0}" 'BEGIN { printf "%.1f%%", r * 100 }')$note"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
