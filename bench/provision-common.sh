# Sourced by bench/provision.sh and bench/provision-mariadb.sh: the Maven command (BENCH_REPO, BENCH_VERSION), the
# throwaway project that provisions 4 databases from a baseline, and the lines the benches print.
VERSION="${BENCH_VERSION:-0.1.0-SNAPSHOT}"
P="dev.testguard:testguard-maven-plugin:$VERSION"
# a generous connect timeout: on a loaded machine the default 2 s can fail a set-up step of the bench
MVN=(mvn -B -o "-Dtestguard.connectTimeout=${BENCH_CONNECT_TIMEOUT:-30000}")
if [ -n "${BENCH_REPO:-}" ]; then
  # the plugin from BENCH_REPO, everything else from the usual local repository (as the invoker ITs resolve it)
  sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/it/settings.xml" > "$WORK/settings.xml"
  MVN+=("-Dmaven.repo.local=$BENCH_REPO" -s "$WORK/settings.xml")
fi

# quiet <command...>: runs a set-up step, showing its output only when it fails (then the bench stops)
quiet() {
  local out
  out=$("$@" 2>&1) || { echo "$out"; echo "bench: set-up step failed: $*" >&2; exit 1; }
}

# write_pom <provisionUrl>: a project whose plugin provisions 4 databases from the baseline of $SRC
write_pom() {
  cat > "$WORK/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>provision</artifactId><version>1</version>
  <build><plugins><plugin>
    <groupId>dev.testguard</groupId><artifactId>testguard-maven-plugin</artifactId><version>$VERSION</version>
    <configuration>
      <provisionUrl>$1</provisionUrl>
      <forks>4</forks>
      <baselineDatabase>$SRC</baselineDatabase>
    </configuration>
  </plugin></plugins></build>
</project>
POM
}

# the log lines of provision, release and the pool's background work
show() { grep -E 'testguard(:provision created|:release dropped|: spare copies|: waiting|: no spare)' <<<"$1" || true; }
# the milliseconds provision reports
provision_ms() { sed -E 's/.* in ([0-9]+) ms.*/\1/' <<<"$(grep 'testguard:provision created' <<<"$1")"; }

# two_builds: the first finds no ready spare (it copies the baseline, then fills the pool; release waits for that), the
# second is measured. Sets first_ms, ms and load.
two_builds() {
  local out
  echo "== first build (copies the baseline, fills the pool)"
  out=$("${MVN[@]}" "$P:provision" "$P:release")
  show "$out"
  first_ms=$(provision_ms "$out")
  echo "== second build (measured)"
  out=$("${MVN[@]}" "$P:provision" "$P:release")
  show "$out"
  ms=$(provision_ms "$out")
  load=$(cut -d' ' -f1-3 /proc/loadavg)
}

verdict() {
  if [ "$ms" -lt "$GOAL_MS" ]; then echo "RESULT: PASS (${ms} ms < ${GOAL_MS} ms)"; else echo "RESULT: FAIL (${ms} ms >= ${GOAL_MS} ms)"; exit 1; fi
}
