#!/usr/bin/env bash
# The runtime guard's costs: test-JVM start-up with and without -javaagent, 1 000 DriverManager connections and
# 10 000 HikariCP borrows to one *_test database on the local PostgreSQL (localhost:5432, user postgres, trust) (the
# whole run, and pool start / steady-state borrows apart), and the heap after a full GC, measured in child JVMs with
# and without the guard, alternating, in one run; the load average is printed at start and end. The guard loads from
# one jar of target/classes with Byte Buddy packed in, as the shaded plugin jar users get (not the classes directory).
# Usage: bench/runtime-guard.sh [rounds [hikari]]   (default 5; medians are printed with the ratio with/without;
# "hikari": the pool borrows only)
# BENCH_BASELINE_AGENT='-javaagent:<jar>=<options>' measures another build of the guard (e.g. the previous) as well.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
mvn -B -o -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -Dbench.baseline.agent="${BENCH_BASELINE_AGENT:-}" -cp "$CP" dev.testguard.runtime.e2e.GuardBench "${1:-5}" ${2:+"$2"}
