#!/usr/bin/env bash
# Benchmark (issue 10): testguard:provision of 4 PostgreSQL test databases (one per Surefire fork) from a baseline of
# 50 tables / 100k rows, with a pool of ready copies; goal: under 300 ms, as the goal measures itself. Beside it, its
# anchor: a raw `CREATE DATABASE ... TEMPLATE <baseline> STRATEGY FILE_COPY` x4, which is what provision does without
# ready copies. One run each; the load average is printed with them (the machine may be shared).
# Needs a local PostgreSQL, psql, and the plugin in the local repository: `mvn -q install -DskipTests`, or, after the
# invoker ITs ran, BENCH_REPO=target/local-repo (an absolute path) to use the plugin they installed. Usage: bench/provision.sh
# MariaDB variant: bench/provision.sh mariadb (bench/provision-mariadb.sh). BENCH_VERSION: the plugin version to measure.
set -euo pipefail
if [ "${1:-}" = mariadb ]; then exec "$(dirname "$0")/provision-mariadb.sh"; fi

PGHOST="${PGHOST:-localhost}"; PGPORT="${PGPORT:-5432}"; PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
GOAL_MS=300
RUN="$$$RANDOM"
SRC="tg_bench_prov${RUN}_test"
WORK="$(mktemp -d)"
# shellcheck source=bench/provision-common.sh
. "$(dirname "$0")/provision-common.sh"
cleanup() {
  (cd "$WORK" && "${MVN[@]}" -q "$P:release" -Dtestguard.dropSpares=true -Dtestguard.baselineDatabase="$SRC" >/dev/null 2>&1) || true
  for s in "" __tgbase __tgspare; do dropdb --if-exists --force "${SRC}$s" 2>/dev/null || true; done
  for k in 1 2 3 4; do dropdb --if-exists --force "${SRC}_anchor_$k" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

createdb "$SRC"
{
  for i in $(seq 1 50); do
    echo "CREATE TABLE t$i (id int PRIMARY KEY, name text NOT NULL);"
    echo "INSERT INTO t$i SELECT g, md5(g::text) FROM generate_series(1, 2000) g;"
  done
} | psql -q -d "$SRC"

write_pom "jdbc:postgresql://${PGHOST}:${PGPORT}/postgres?user=${PGUSER}"
cd "$WORK"
URL="jdbc:postgresql://${PGHOST}:${PGPORT}/$SRC"
quiet "${MVN[@]}" -q "$P:stamp" -Dtestguard.url="$URL" -Dtestguard.username="$PGUSER" -Dtestguard.role=test -Dtestguard.confirm="$SRC"
"${MVN[@]}" "$P:reset" -Dtestguard.url="$URL" -Dtestguard.username="$PGUSER" -Dtestguard.baseline=save | grep 'testguard:reset'

# the anchor: four raw copies of the baseline template, one statement each (what provision does without a pool)
start=$(date +%s%N)
for k in 1 2 3 4; do psql -q -d postgres -c "CREATE DATABASE \"${SRC}_anchor_$k\" TEMPLATE \"${SRC}__tgbase\" STRATEGY FILE_COPY"; done
anchor=$(( ($(date +%s%N) - start) / 1000000 ))
for k in 1 2 3 4; do dropdb --force "${SRC}_anchor_$k"; done

two_builds
echo
echo "provision of 4 from a 100k-row baseline (pool of ready copies): ${ms} ms   goal: < ${GOAL_MS} ms   load average: ${load}"
echo "anchor, raw CREATE DATABASE ... TEMPLATE x4 (psql, one connection each):  ${anchor} ms"
verdict
