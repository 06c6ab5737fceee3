#!/usr/bin/env bash
# What the live checks' reads (stamp, row estimate, server identity) cost over an open connection, as the runtime
# guard's first judgement makes them and verify's probe after its connect: the one-statement read against the
# step-by-step reads it replaced, interleaved over one connection to a 500-row *_test database on the local PostgreSQL
# (user postgres, trust) and MariaDB (root, no password); medians and their ratio, load average at start and end.
# Usage: bench/live-reading.sh [rounds]   (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
mvn -B -o -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -cp "$CP" dev.testguard.probe.LiveReadingBench "${1:-300}"
