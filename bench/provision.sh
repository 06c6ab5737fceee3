#!/usr/bin/env bash
# Benchmark: testguard:provision creating 4 PostgreSQL test databases (one per Surefire fork), empty and from a
# baseline of 50 tables / 100k rows, then testguard:release. Prints the time the goal measured itself.
# Needs a local PostgreSQL, psql, and the plugin installed (`mvn -q install -DskipTests`). Usage: bench/provision.sh
set -euo pipefail

PGHOST="${PGHOST:-localhost}"; PGPORT="${PGPORT:-5432}"; PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
SRC="tg_bench_prov_test_$$"
WORK="$(mktemp -d)"
VERSION="0.1.0-SNAPSHOT"
cleanup() {
  (cd "$WORK" && mvn -B -q dev.testguard:testguard-maven-plugin:$VERSION:release >/dev/null 2>&1) || true
  dropdb --if-exists --force "$SRC" 2>/dev/null || true
  for s in __tgbase __tgspare __tgtrash; do dropdb --if-exists --force "${SRC}$s" 2>/dev/null || true; done
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

cat > "$WORK/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>provision</artifactId><version>1</version>
  <build><plugins><plugin>
    <groupId>dev.testguard</groupId><artifactId>testguard-maven-plugin</artifactId><version>$VERSION</version>
    <configuration>
      <provisionUrl>jdbc:postgresql://${PGHOST}:${PGPORT}/postgres?user=${PGUSER}</provisionUrl>
      <forks>4</forks>
    </configuration>
  </plugin></plugins></build>
</project>
POM
cd "$WORK"
P="dev.testguard:testguard-maven-plugin:$VERSION"
mvn -B -q "$P:stamp" -Dtestguard.url="jdbc:postgresql://${PGHOST}:${PGPORT}/$SRC" -Dtestguard.username="$PGUSER" -Dtestguard.role=test -Dtestguard.confirm="$SRC" >/dev/null
mvn -B "$P:reset" -Dtestguard.url="jdbc:postgresql://${PGHOST}:${PGPORT}/$SRC" -Dtestguard.username="$PGUSER" -Dtestguard.baseline=save | grep 'testguard:reset'
for round in 1 2; do
  echo "== round $round"
  mvn -B "$P:provision" | grep 'testguard:provision created'
  mvn -B "$P:release" | grep 'testguard:release'
  mvn -B "$P:provision" -Dtestguard.baselineDatabase="$SRC" | grep 'testguard:provision created'
  mvn -B "$P:release" | grep 'testguard:release'
done
echo "goal: 4 databases in under 1000 ms"
