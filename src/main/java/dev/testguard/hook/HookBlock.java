package dev.testguard.hook;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell block testguard adds to a pre-commit hook, between two marker lines so that it can be found,
 * updated and removed without touching anything else in the hook.
 * <p>
 * The block exports the index (the content as it will be committed, {@code GIT_INDEX_FILE} included) with
 * {@code git checkout-index} into a scratch directory inside the git directory, runs
 * {@code mvn -o -q -Dtestguard.offline=true -Dtestguard.checkOnly=true <plugin>:verify} there, removes the scratch
 * directory, and refuses the commit when the check fails. The work tree and the index are never touched.
 * <p>
 * Maven's start-up is most of the time a commit waits; the JVM options make it cheaper without changing what runs:
 * the C1 compiler alone, the serial collector, no performance-data file, and a class-data-sharing archive of the
 * classes Maven and the plugin load ({@value #CACHE_DIRECTORY} in the git directory, written by the first run, keyed
 * by the Java and the Maven the hook uses and by the JDK's own archive it extends, so that a JDK update, which rewrites
 * that one and silently voids ours, makes the next run write a new one), mapped where it was dumped instead of
 * relocated.
 */
public final class HookBlock {

    public static final String BEGIN = "# >>> testguard pre-commit check >>>";
    public static final String END = "# <<< testguard pre-commit check <<<";

    /** Staged paths the static check never reads, anywhere: documentation, images, web assets. */
    static final String UNREAD = "\\.(md|adoc|png|jpe?g|gif|svg|css|js|ts)$";

    /**
     * Main (not test) sources: the check reads test sources ({@code @TestPropertySource}, {@code @ActiveProfiles},
     * {@code @SpringBootTest(properties)}), so a staged test class always runs it.
     */
    static final String MAIN_SOURCES = "(^|/)src/main/[^/]+/.*\\.(java|kt|groovy|scala)$";

    /**
     * A short-lived JVM starts faster with the C1 compiler alone and the serial collector, and without the
     * {@code hsperfdata} file that only {@code jps}/{@code jstat} read.
     */
    static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";

    /** Where, in the git directory, the hook keeps its class-data-sharing archives; uninstall-hook removes it. */
    public static final String CACHE_DIRECTORY = "testguard-cache";

    /**
     * Unknown options are ignored (another JVM), the archive's own messages never reach the commit's output, and the
     * archives are mapped at the address they were dumped for (JDK 17 updates relocate them by default: 30-50 ms
     * per start; the JVM still relocates when that address is taken).
     */
    static final String CDS_OPTIONS = "-XX:+IgnoreUnrecognizedVMOptions -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
            + " -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0";

    private HookBlock() {
    }

    public static List<String> lines(HookCommand command) {
        List<String> lines = new ArrayList<>(List.of(
                BEGIN,
                "# Installed by 'mvn testguard:install-hook'; remove it with 'mvn testguard:uninstall-hook'.",
                "# Skip once with 'git commit --no-verify'; TESTGUARD_MVN overrides the Maven command."));
        lines.addAll(classCache(command));
        lines.addAll(check(command));
        lines.addAll(List.of(
                "if ! testguard_pre_commit; then",
                "  echo 'testguard: commit refused: the check of the staged project failed (see above).' >&2",
                "  echo 'testguard: fix what it names and stage the fix, or commit anyway with git commit --no-verify.' >&2",
                "  exit 1",
                "fi",
                END));
        return lines;
    }

    /**
     * Sets {@code tg_cds} to the JVM options using the archive, or creating it (under a temporary name the check
     * renames when the JVM wrote it) when there is none yet for this Java, Maven and plugin version.
     */
    private static List<String> classCache(HookCommand command) {
        String version = command.pluginCoordinates().replaceAll("[^A-Za-z0-9._-]", "_");
        return List.of(
                "testguard_class_cache() {",
                "  tg_cds= tg_jsa= tg_jsa_new=",
                "  case \"$1\" in *[[:space:]]*) return 0 ;; esac  # MAVEN_OPTS cannot hold a path with spaces",
                "  tg_java=${JAVA_HOME:+$JAVA_HOME/bin/java}; tg_java=${tg_java:-$(command -v java)}",
                "  tg_java=$(readlink -f \"$tg_java\" 2>/dev/null || echo \"$tg_java\")",
                "  # the JDK's own archive, which ours extends: a JDK update rewrites it and silently voids ours",
                "  tg_base=$(ls -lL \"${tg_java%/bin/java}/lib/server/classes.jsa\" 2>/dev/null)",
                "  tg_key=$(printf '%s|%s|%s|%s' \"$JAVA_HOME\" \"$(command -v java)\" \"$tg_mvn\" \"$tg_base\" | cksum | cut -d' ' -f1)",
                "  tg_jsa=\"$1/" + CACHE_DIRECTORY + "/" + version + "-$tg_key.jsa\"",
                "  if [ -f \"$tg_jsa\" ]; then",
                "    tg_cds=\"" + CDS_OPTIONS + " -XX:SharedArchiveFile=$tg_jsa\"",
                "  elif mkdir -p \"$1/" + CACHE_DIRECTORY + "\"; then",
                "    tg_jsa_new=\"$tg_jsa.$$.tmp\"",
                "    tg_cds=\"" + CDS_OPTIONS + " -XX:ArchiveClassesAtExit=$tg_jsa_new\"",
                "  fi",
                "}");
    }

    private static List<String> check(HookCommand command) {
        String dir = command.projectPath().isEmpty() ? "" : "/" + command.projectPath();
        return List.of(
                "testguard_pre_commit() {",
                "  # only documentation, images and main sources staged: nothing the static check reads has changed",
                "  tg_relevant=$(git diff --cached --name-only --diff-filter=ACMRTD | grep -Ev '" + UNREAD + "' | grep -Ev '"
                        + MAIN_SOURCES + "')",
                "  [ -z \"$tg_relevant\" ] && [ -n \"$(git diff --cached --name-only)\" ] && return 0",
                "  tg_git_dir=$(git rev-parse --absolute-git-dir) || return 1",
                "  tg_tmp=$(mktemp -d \"$tg_git_dir/testguard-staged.XXXXXX\") || return 1",
                "  git checkout-index --all --prefix=\"$tg_tmp/\" || { rm -rf \"$tg_tmp\"; return 1; }",
                "  tg_mvn=${TESTGUARD_MVN:-'" + command.mavenExecutable() + "'}",
                "  [ -x \"$tg_mvn\" ] || tg_mvn=mvn",
                "  testguard_class_cache \"$tg_git_dir\"",
                "  (cd \"$tg_tmp" + dir + "\" && MAVEN_OPTS=\"" + JVM_OPTIONS + " $tg_cds $MAVEN_OPTS\" \"$tg_mvn\" -o -q -B"
                        + " -Dtestguard.offline=true -Dtestguard.checkOnly=true '" + command.pluginCoordinates() + ":verify')",
                "  tg_status=$?",
                "  if [ -n \"$tg_jsa_new\" ]; then [ -s \"$tg_jsa_new\" ] && mv -f \"$tg_jsa_new\" \"$tg_jsa\"; rm -f \"$tg_jsa_new\"; fi",
                "  rm -rf \"$tg_tmp\"",
                "  return $tg_status",
                "}");
    }
}
