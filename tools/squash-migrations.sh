#!/usr/bin/env bash
# Squashes each provider's migrations into one `Initial`, keeping databases created before the squash upgradable.
#
# Run from anywhere, on a tree whose migration folders (src/MotCua.Web/Data/Migrations/{Sqlite,Postgres}) still hold
# every migration from the first one through the last pre-squash one (LAST_* below), possibly followed by newer ones:
#   tools/squash-migrations.sh
# For each provider it
#   a. finds the head H (the newest migration in the folder) and writes the "bridge", the SQL that takes a database
#      from the last pre-squash migration to H (`dotnet ef migrations script LAST H`), into
#      src/MotCua.Web/Data/Upgrade/<provider>-bridge.sql, without its transaction statements and history rows (the
#      start-up upgrade runs it in its own transaction and rewrites the history itself); empty when H is LAST;
#   b. writes the frozen shape of an installation made before the squash (`dotnet ef migrations script 0 LAST`,
#      history rows included) into tests/MotCua.Web.Tests/Data/Fixtures/<provider>-pre-squash.sql, unless it exists;
#   c. lists the hand-written SQL (migrationBuilder.Sql) of the migrations it removes: that SQL lives on in the bridge
#      for old databases, but a new Initial holds only what the model generates, so schema objects made by hand
#      (views, triggers, extensions) must be added to the new Initial by hand; data-moving SQL needs nothing;
#   d. deletes every migration and the model snapshot, and adds `Initial` from the current model.
# Then build and run the upgrade and drift tests (./test.sh --filter "FullyQualifiedName~Data.").
#
# On a tree that is already squashed (an Initial and no LAST) it changes nothing. To squash again after newer
# migrations were merged, put the pre-squash migrations back beside them first, e.g.
#   git checkout <a commit that has every migration, old and new> -- src/MotCua.Web/Data/Migrations
# An Initial left from an earlier squash (newer than LAST) is removed and made again; the model snapshot is remade.
# The pre-squash ids the app recognises at start-up are listed in src/MotCua.Web/Data/PreSquashMigrations.cs.
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECT=src/MotCua.Web
UPGRADE_DIR=$PROJECT/Data/Upgrade
FIXTURE_DIR=tests/MotCua.Web.Tests/Data/Fixtures
PROVIDERS=(sqlite postgres)
declare -A CONTEXT=([sqlite]=SqliteAppDbContext [postgres]=PostgresAppDbContext)
declare -A FOLDER=([sqlite]=Sqlite [postgres]=Postgres)
declare -A LAST=([sqlite]=20261206014429_PaknRedactionReview [postgres]=20261206014444_PaknRedactionReview)

log() { echo "[squash] $*"; }

# The migration ids in a folder, oldest first (a migration is <id>.cs beside <id>.Designer.cs).
migrations() {
  local dir=$PROJECT/Data/Migrations/$1
  for f in "$dir"/*.Designer.cs; do
    [ -e "$f" ] || continue
    basename "$f" .Designer.cs
  done | sort
}

# A script as one executable text: without a leading byte-order mark, and with a semicolon after hand-written SQL
# that lacks one (EF runs each operation on its own, but a script puts them one after the other, each followed by a
# blank line, so hand-written SQL must hold no blank line of its own).
terminate() {
  sed '1s/^\xEF\xBB\xBF//' "$1" | awk '
    /^[[:space:]]*$/ { if (held && prev !~ /;[[:space:]]*$/) prev = prev ";"; if (held) print prev; held = 0; print; next }
    { if (held) print prev; prev = $0; held = 1 }
    END { if (held) { if (prev !~ /;[[:space:]]*$/) prev = prev ";"; print prev } }
  '
}

# The SQL of a script without transaction statements and history inserts.
strip_script() {
  terminate "$1" | awk '
    /^(BEGIN TRANSACTION|START TRANSACTION|COMMIT);[[:space:]]*$/ { next }
    /^PRAGMA foreign_keys = [01];[[:space:]]*$/ { next }
    /^INSERT INTO "__EFMigrationsHistory"/ { skip = 1 }
    skip { if ($0 ~ /;[[:space:]]*$/) skip = 0; next }
    { print }
  ' | cat -s
}

dotnet tool restore >/dev/null

squashed=0
for p in "${PROVIDERS[@]}"; do
  ids=$(migrations "${FOLDER[$p]}")
  if grep -qx "${LAST[$p]}" <<<"$ids"; then
    # An Initial newer than the last pre-squash migration is a previous squash merged back in: it is made again below
    # (and its class name would clash with the first migration's).
    for id in $(grep '_Initial$' <<<"$ids"); do
      if [[ "$id" > "${LAST[$p]}" ]]; then
        log "$p: removing $id, left from an earlier squash"
        rm -f "$PROJECT/Data/Migrations/${FOLDER[$p]}/$id.cs" "$PROJECT/Data/Migrations/${FOLDER[$p]}/$id.Designer.cs"
      fi
    done
    ids=$(migrations "${FOLDER[$p]}")
  fi
  if ! grep -qx "${LAST[$p]}" <<<"$ids"; then
    if [ "$(wc -l <<<"$ids")" -ge 1 ] && grep -q '_Initial$' <<<"$(head -n 1 <<<"$ids")" && [ -f "$UPGRADE_DIR/$p-bridge.sql" ]; then
      squashed=$((squashed + 1))
      continue
    fi
    log "error: ${FOLDER[$p]} migrations do not include ${LAST[$p]}; restore the pre-squash migrations first (see the top of this script)."
    exit 1
  fi
done
if [ "$squashed" -eq ${#PROVIDERS[@]} ]; then
  log "already squashed: nothing to do."
  exit 0
elif [ "$squashed" -ne 0 ]; then
  log "error: one provider is squashed and the other is not; restore both migration folders first."
  exit 1
fi

log "building $PROJECT"
dotnet build "$PROJECT" -c Release -nologo -v q
ef() { dotnet ef "$@" --project "$PROJECT" --configuration Release; }

mkdir -p "$UPGRADE_DIR" "$FIXTURE_DIR"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for p in "${PROVIDERS[@]}"; do
  head=$(migrations "${FOLDER[$p]}" | tail -n 1)
  # a. The bridge from the last pre-squash migration to the head.
  if [ "$head" = "${LAST[$p]}" ]; then
    : > "$UPGRADE_DIR/$p-bridge.sql"
    log "$p: head is ${LAST[$p]}: empty bridge"
  else
    ef migrations script "${LAST[$p]}" "$head" --context "${CONTEXT[$p]}" --no-build -o "$work/$p-bridge.sql" >/dev/null
    if grep -qi 'CONCURRENTLY' "$work/$p-bridge.sql"; then
      log "error: the $p bridge has a statement that cannot run in a transaction (CONCURRENTLY); write that migration without it."
      exit 1
    fi
    strip_script "$work/$p-bridge.sql" > "$UPGRADE_DIR/$p-bridge.sql"
    log "$p: bridge ${LAST[$p]} -> $head written to $UPGRADE_DIR/$p-bridge.sql"
  fi
  # b. The frozen shape of a pre-squash installation.
  fixture=$FIXTURE_DIR/$p-pre-squash.sql
  if [ -f "$fixture" ]; then
    log "$p: $fixture kept"
  else
    ef migrations script 0 "${LAST[$p]}" --context "${CONTEXT[$p]}" --no-build -o "$work/$p-fixture.sql" >/dev/null
    terminate "$work/$p-fixture.sql" > "$fixture"
    log "$p: $fixture written"
  fi
  # c. Hand-written SQL that a squash drops from new databases.
  if grep -ln 'migrationBuilder.Sql(' "$PROJECT/Data/Migrations/${FOLDER[$p]}"/*.cs 2>/dev/null; then
    log "$p: the files above hold hand-written SQL: old databases ran it or get it through the bridge, but a new Initial holds only what the model generates: re-add by hand any schema object it creates."
  fi
done

# d. One Initial per provider from the current model (after both bridges, which need the old migrations).
for p in "${PROVIDERS[@]}"; do
  rm -f "$PROJECT/Data/Migrations/${FOLDER[$p]}"/*.cs
done
for p in "${PROVIDERS[@]}"; do
  ef migrations add Initial --context "${CONTEXT[$p]}" --output-dir "Data/Migrations/${FOLDER[$p]}" >/dev/null
  log "$p: $(migrations "${FOLDER[$p]}") added"
done
log "done: review the diff, build, and run ./test.sh --filter \"FullyQualifiedName~Data.\""
