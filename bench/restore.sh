#!/usr/bin/env bash
# Times testguard's restore over an existing PostgreSQL database (SHA-256 check, restore into a new database with
# pg_restore -j 2, exact row counts and content checksums, swap that keeps the old database whole as the safety copy)
# against a raw pg_restore -j 2 of the same dump into an empty database. Goal: ratio <= 1.10.
# Runs in a plain JVM (no Maven start-up): the classes of this work tree, not an installed plugin.
# Usage: bench/restore.sh [pgbench scale]   (scale 10 is about 150 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${1:-10}"
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
DB="tg_restorebench_test_$$"
WORK="$(mktemp -d)"
cleanup() {
  for d in $(psql -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${DB}%'"); do dropdb --if-exists --force "$d"; done
  rm -rf "$WORK"
}
trap cleanup EXIT
now() { date +%s.%N; }

mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/cp.txt)"
BENCH="dev.testguard.backup.postgres.RestoreBench"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
createdb "$DB"
pgbench -q -i -s "$SCALE" "$DB" >/dev/null 2>&1
echo "database: $(psql -Atc "select pg_size_pretty(pg_database_size('$DB'))") (pgbench scale $SCALE)"
PAYLOAD=$(java -cp "$CP" "$BENCH" backup "$DB" "$WORK/store")
echo "dump: $(du -sh "$PAYLOAD" | cut -f1) custom format"

RAW_BEST=""; TG_BEST=""
for run in 1 2; do
  createdb -T template0 "${DB}_raw$run"
  t0=$(now); pg_restore --no-owner -j 2 -d "${DB}_raw$run" "$PAYLOAD"; t1=$(now)
  raw=$(echo "$t1 - $t0" | bc)
  t0=$(now); java -cp "$CP" "$BENCH" restore "$DB" "$WORK/store" 2 >"$WORK/out.txt"; t1=$(now)
  tg=$(echo "$t1 - $t0" | bc)
  printf 'run %d: raw pg_restore -j 2 %6.2f s   testguard restore over existing %6.2f s   (%s)\n' "$run" "$raw" "$tg" "$(cut -c1-80 "$WORK/out.txt")"
  if [ -z "$RAW_BEST" ] || [ "$(echo "$raw < $RAW_BEST" | bc)" = 1 ]; then RAW_BEST=$raw; fi
  if [ -z "$TG_BEST" ] || [ "$(echo "$tg < $TG_BEST" | bc)" = 1 ]; then TG_BEST=$tg; fi
done
printf 'best of 2: raw %.2f s, testguard %.2f s, ratio %s (goal <= 1.10; testguard includes JVM start, SHA-256, counts, checksums)\n' \
  "$RAW_BEST" "$TG_BEST" "$(echo "scale=3; $TG_BEST / $RAW_BEST" | bc)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
