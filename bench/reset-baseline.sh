#!/usr/bin/env bash
# Benchmark: testguard:reset restoring a PostgreSQL baseline (CREATE DATABASE ... TEMPLATE) against replaying the same
# schema and data with pg_restore into a new database. 50 tables, 100k rows in all.
# Needs a local PostgreSQL (trust or PGPASSWORD), psql, pg_dump, pg_restore, and the plugin installed
# (`mvn -q install -DskipTests`). Usage: bench/reset-baseline.sh [runs, default 5]
set -euo pipefail

RUNS="${1:-5}"
PGHOST="${PGHOST:-localhost}"; PGPORT="${PGPORT:-5432}"; PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB="tg_bench_reset_test_$$"
WORK="$(mktemp -d)"
PLUGIN="dev.testguard:testguard-maven-plugin:0.1.0-SNAPSHOT"
URL="jdbc:postgresql://${PGHOST}:${PGPORT}/${DB}"

cleanup() {
  dropdb --if-exists --force "$DB" 2>/dev/null || true
  for s in __tgbase __tgspare __tgtrash; do dropdb --if-exists --force "${DB}$s" 2>/dev/null || true; done
  dropdb --if-exists --force "${DB}_raw" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
now() { date +%s%N; }

echo "== creating $DB: 50 tables x 2000 rows"
createdb "$DB"
{
  for i in $(seq 1 50); do
    echo "CREATE TABLE t$i (id int PRIMARY KEY, name text NOT NULL, amount numeric(12,2), created timestamptz DEFAULT now());"
    echo "CREATE INDEX t${i}_name ON t$i (name);"
    echo "INSERT INTO t$i (id, name, amount) SELECT g, md5(g::text), g * 1.5 FROM generate_series(1, 2000) g;"
  done
  echo "ANALYZE;"
} | psql -q -d "$DB"
echo "   size: $(psql -Atc "select pg_size_pretty(pg_database_size('$DB'))"), rows: $(psql -d "$DB" -Atc "select sum(n_live_tup) from pg_stat_user_tables")"

cd "$WORK"
printf '<project><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>reset</artifactId><version>1</version></project>' > pom.xml
out=$(mvn -B -q "-Dtestguard.connectTimeout=${BENCH_CONNECT_TIMEOUT:-30000}" "$PLUGIN:stamp" -Dtestguard.url="$URL" -Dtestguard.username="$PGUSER" -Dtestguard.role=test -Dtestguard.confirm="$DB" 2>&1) || { echo "$out"; exit 1; }
echo "== mvn testguard:reset -Dtestguard.baseline=save"
mvn -B "$PLUGIN:reset" -Dtestguard.url="$URL" -Dtestguard.username="$PGUSER" -Dtestguard.baseline=save | grep 'testguard:reset' || { echo "save failed"; exit 1; }
pg_dump -Fc -f "$WORK/raw.dump" "$DB"

TG=(); RAW=()
for r in $(seq 1 "$RUNS"); do
  psql -q -d "$DB" -c "DELETE FROM t1; DROP TABLE t2 CASCADE;"
  ms=$(mvn -B "$PLUGIN:reset" -Dtestguard.url="$URL" -Dtestguard.username="$PGUSER" | sed -n 's/.*testguard:reset .* in \([0-9]*\) ms.*/\1/p')
  TG+=("$ms")
  dropdb --if-exists --force "${DB}_raw"
  t0=$(now); createdb -T template0 "${DB}_raw"; pg_restore --no-owner -d "${DB}_raw" "$WORK/raw.dump"; t1=$(now)
  RAW+=("$(( (t1 - t0) / 1000000 ))")
done
test "$(psql -d "$DB" -Atc 'select count(*) from t1')" = 2000 || { echo "baseline restore lost rows"; exit 1; }

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
TGM=$(median "${TG[@]}"); RAWM=$(median "${RAW[@]}")
printf '\n%-45s %s\n' "runs (ms)" ""
printf '%-45s %s\n' "testguard:reset from baseline (goal's own time)" "${TG[*]}"
printf '%-45s %s\n' "createdb + pg_restore of the same data" "${RAW[*]}"
printf '%-45s %8s ms\n' "median reset" "$TGM"
printf '%-45s %8s ms\n' "median pg_restore" "$RAWM"
echo "speed-up: $(echo "scale=1; $RAWM / $TGM" | bc)x (goal: >= 4x, reset < 250 ms)"
