#!/usr/bin/env bash
# Benchmark: testguard:backup / restore against raw pg_dump / pg_restore on a >= 1 GB pgbench database.
# Needs: a local PostgreSQL (trust or PGPASSWORD), pgbench, pg_dump, pg_restore, and the plugin installed
# (`mvn -q install -DskipTests` from the repository). Usage: bench/backup-postgres.sh [scale, default 70]
set -euo pipefail

SCALE="${1:-70}"
PGHOST="${PGHOST:-localhost}"; PGPORT="${PGPORT:-5432}"; PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB="tg_bench_test_$$"
WORK="$(mktemp -d)"
PLUGIN="dev.testguard:testguard-maven-plugin:0.1.0-SNAPSHOT"
URL="jdbc:postgresql://${PGHOST}:${PGPORT}/${DB}"

cleanup() {
  dropdb --if-exists --force "$DB" 2>/dev/null || true
  dropdb --if-exists --force "${DB}_raw" 2>/dev/null || true
  dropdb --if-exists --force "${DB}_tg" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { echo "$(echo "$2 - $1" | bc)"; }
ratio() { echo "scale=2; $1 / $2" | bc; }

# outside any project: the plugin runs as it would from a plain shell, and no pom is read
cd "$WORK"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== creating $DB with pgbench -i -s $SCALE"
createdb "$DB"
pgbench -q -i -s "$SCALE" "$DB" >/dev/null 2>&1
echo "   size: $(psql -Atc "select pg_size_pretty(pg_database_size('$DB'))")"

echo "== Maven start-up alone (testguard:backups on an empty store)"
t0=$(now); mvn -B -q "$PLUGIN:backups" -Dtestguard.backupDir="$WORK/empty" >/dev/null; t1=$(now); MVN_START=$(elapsed "$t0" "$t1")

echo "== raw pg_dump -Fc"
t0=$(now); pg_dump -Fc -f "$WORK/raw.dump" "$DB"; t1=$(now); RAW_DUMP=$(elapsed "$t0" "$t1")

echo "== mvn testguard:backup (jobs=1)"
t0=$(now)
mvn -B -q "$PLUGIN:backup" -Dtestguard.url="$URL" -Dtestguard.username="$PGUSER" -Dtestguard.backupDir="$WORK/store1"
t1=$(now); TG_DUMP=$(elapsed "$t0" "$t1")

echo "== raw pg_dump -Fd -j 2"
t0=$(now); pg_dump -Fd -j 2 -f "$WORK/raw.dir" "$DB"; t1=$(now); RAW_DUMP2=$(elapsed "$t0" "$t1")

echo "== mvn testguard:backup (jobs=2)"
t0=$(now)
mvn -B -q "$PLUGIN:backup" -Dtestguard.url="$URL" -Dtestguard.username="$PGUSER" -Dtestguard.jobs=2 -Dtestguard.backupDir="$WORK/store2"
t1=$(now); TG_DUMP2=$(elapsed "$t0" "$t1")

echo "== raw pg_restore -j 2 into ${DB}_raw"
createdb -T template0 "${DB}_raw"
t0=$(now); pg_restore --no-owner -j 2 -d "${DB}_raw" "$WORK/raw.dump"; t1=$(now); RAW_RESTORE=$(elapsed "$t0" "$t1")

echo "== mvn testguard:restore -Dtestguard.restoreTo=${DB}_tg (jobs=2; includes SHA-256 check and row counts)"
t0=$(now)
mvn -B -q "$PLUGIN:restore" -Dtestguard.url="$URL" -Dtestguard.username="$PGUSER" -Dtestguard.jobs=2 \
  -Dtestguard.backupDir="$WORK/store1" -Dtestguard.restoreTo="${DB}_tg" -Dtestguard.confirm="${DB}_tg"
t1=$(now); TG_RESTORE=$(elapsed "$t0" "$t1")

net() { echo "$1 - $MVN_START" | bc; }
printf '\n%-28s %10s %10s %7s %16s %9s\n' "operation" "raw (s)" "tg (s)" "ratio" "tg - mvn start" "net ratio"
row() { # label raw tg
  printf '%-28s %10.1f %10.1f %7s %16.1f %9s\n' "$1" "$2" "$3" "$(ratio "$3" "$2")" "$(net "$3")" "$(ratio "$(net "$3")" "$2")"
}
row "backup, custom format" "$RAW_DUMP" "$TG_DUMP"
row "backup, directory -j 2" "$RAW_DUMP2" "$TG_DUMP2"
row "restore -j 2" "$RAW_RESTORE" "$TG_RESTORE"
echo "jobs=2 backup against raw single-threaded pg_dump -Fc: $(ratio "$TG_DUMP2" "$RAW_DUMP") (net of start-up: $(ratio "$(net "$TG_DUMP2")" "$RAW_DUMP"))"
printf 'Maven start-up alone: %.1f s\n' "$MVN_START"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "(tg times include Maven start-up, exact row counts, SHA-256 and fsync)"
