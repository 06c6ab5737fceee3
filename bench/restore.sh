#!/usr/bin/env bash
# Benchmark (issue 10): testguard:restore against a raw `pg_restore -j 2` of the same custom-format dump into an empty
# database, in one run, interleaved per round so all see the same load; the best of each is compared.
#   into a new database:       goal <= 1.05 x raw (SHA-256 check, pg_restore -j 2, exact row counts)
#   over the existing database: goal <= 1.10 x raw (SHA-256, restore into a new database with every table counted and
#                               checksummed as pg_restore reports it loaded, guard, swap that keeps the old database
#                               whole as <db>_tgsafe_<token>)
# testguard's work is timed in its own JVM from main to done (the classes of this work tree, no Maven start-up); the
# wall time with JVM start-up is printed too, and its closing progress lines give the per-phase timings.
# The documented run is the 1 GB database: bench/restore.sh 70. Usage: bench/restore.sh [pgbench scale, default 70] [rounds, default 2]
# Before/after: BASE=<another checkout> (e.g. `git archive main | tar -x -C /tmp/base`) also restores with its build in
# each round, right after this one's, and prints both; each build restores a backup it took itself.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/pg-bench-lib.sh
SCALE="${1:-70}"; ROUNDS="${2:-2}"
DB="tg_restorebench_$$_$RANDOM"
WORK="$(mktemp -d)"
cleanup() {
  # only this run's databases: the bench database, its raw/new copies and the safety copies its restores left
  for d in $(psql -Atc "SELECT datname FROM pg_database WHERE datname = '$DB' OR datname LIKE '${DB}\\_%'"); do
    dropdb --if-exists --force "$d"
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

build_classpath
echo "load average before: $(loadavg)"
create_pgbench "$DB" "$SCALE"
run_tg "$WORK/out.txt" backup "$DB" "$WORK/store" 1
PAYLOAD=$(head -1 "$WORK/out.txt")
# the base build restores a backup of its own: its manifest format may be older than this build's
[ -z "$BASE_CP" ] || TG_CP="$BASE_CP" run_tg "$WORK/out.txt" backup "$DB" "$WORK/basestore" 1
echo "dump: $(du -h "$PAYLOAD" | cut -f1), custom format"

RAW=""; NEW=""; OVER=""; BASENEW=""; BASEOVER=""
for run in $(seq 1 "$ROUNDS"); do
  createdb -T template0 "${DB}_raw$run"
  settle; t0=$(now); pg_restore --no-owner -j 2 -d "${DB}_raw$run" "$PAYLOAD"; t1=$(now); raw=$(minus "$t1" "$t0")
  dropdb --force "${DB}_raw$run"
  echo "round $run: raw pg_restore -j 2 $raw s; testguard restore into a new database:"
  run_tg "$WORK/out.txt" restore-new "$DB" "$WORK/store" 2 "${DB}_new$run"
  new=$TG_WORK; newwall=$TG_WALL
  dropdb --force "${DB}_new$run"
  echo "round $run: testguard restore over the existing database:"
  run_tg "$WORK/out.txt" restore "$DB" "$WORK/store" 2
  over=$TG_WORK; overwall=$TG_WALL
  for d in $(psql -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${DB}\\_tgsafe\\_%'"); do dropdb --force "$d"; done
  if [ -n "$BASE_CP" ]; then
    echo "round $run: the base build ($BASE) into a new database, then over the existing one:"
    TG_CP="$BASE_CP" run_tg "$WORK/out.txt" restore-new "$DB" "$WORK/basestore" 2 "${DB}_base$run"
    basenew=$TG_WORK
    dropdb --force "${DB}_base$run"
    TG_CP="$BASE_CP" run_tg "$WORK/out.txt" restore "$DB" "$WORK/basestore" 2
    for d in $(psql -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${DB}\\_tgsafe\\_%'"); do dropdb --force "$d"; done
    printf 'round %d: base build into new %.2f s (ratio %s), over existing %.2f s (ratio %s); load %s\n' "$run" \
      "$basenew" "$(ratio "$basenew" "$raw")" "$TG_WORK" "$(ratio "$TG_WORK" "$raw")" "$(loadavg)"
    BASENEW=$(min "$BASENEW" "$basenew"); BASEOVER=$(min "$BASEOVER" "$TG_WORK")
  fi
  printf 'round %d: raw %.2f s | into new: own work %.2f s (ratio %s), with JVM %.2f s | over existing: own work %.2f s (ratio %s), with JVM %.2f s | load %s\n' \
    "$run" "$raw" "$new" "$(ratio "$new" "$raw")" "$newwall" "$over" "$(ratio "$over" "$raw")" "$overwall" "$(loadavg)"
  RAW=$(min "$RAW" "$raw"); NEW=$(min "$NEW" "$new"); OVER=$(min "$OVER" "$over")
done
printf '\nbest of %d: raw pg_restore -j 2 %.2f s; testguard into a new database %.2f s -> ratio %s (goal <= 1.05);' \
  "$ROUNDS" "$RAW" "$NEW" "$(ratio "$NEW" "$RAW")"
printf ' over the existing database %.2f s -> ratio %s (goal <= 1.10)\n' "$OVER" "$(ratio "$OVER" "$RAW")"
[ -z "$BASE_CP" ] || printf 'best of %d, base build: into a new database %.2f s -> ratio %s; over the existing database %.2f s -> ratio %s\n' \
  "$ROUNDS" "$BASENEW" "$(ratio "$BASENEW" "$RAW")" "$BASEOVER" "$(ratio "$BASEOVER" "$RAW")"
echo "load average after: $(loadavg)"
