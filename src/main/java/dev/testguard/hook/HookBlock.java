package dev.testguard.hook;

import java.util.List;

/**
 * The shell block testguard adds to a pre-commit hook, between two marker lines so that it can be found,
 * updated and removed without touching anything else in the hook.
 * <p>
 * The block exports the index (the content as it will be committed, {@code GIT_INDEX_FILE} included) with
 * {@code git checkout-index} into a scratch directory inside the git directory, runs
 * {@code mvn -o -q -Dtestguard.offline=true <plugin>:verify} there, removes the scratch directory, and refuses the
 * commit when the check fails. The work tree and the index are never touched.
 */
public final class HookBlock {

    public static final String BEGIN = "# >>> testguard pre-commit check >>>";
    public static final String END = "# <<< testguard pre-commit check <<<";

    /** Staged paths that cannot change what the static check sees: sources, documentation, images. */
    static final String IRRELEVANT = "\\.(java|kt|kts|groovy|scala|md|adoc|png|jpe?g|gif|svg|css|js|ts)$";

    /** A short-lived JVM starts faster with the C1 compiler alone and the serial collector. */
    static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private HookBlock() {
    }

    public static List<String> lines(HookCommand command) {
        String dir = command.projectPath().isEmpty() ? "" : "/" + command.projectPath();
        return List.of(
                BEGIN,
                "# Installed by 'mvn testguard:install-hook'; remove it with 'mvn testguard:uninstall-hook'.",
                "# Skip once with 'git commit --no-verify'; TESTGUARD_MVN overrides the Maven command.",
                "testguard_pre_commit() {",
                "  # only source, documentation and image files staged: nothing the static check reads has changed",
                "  tg_relevant=$(git diff --cached --name-only --diff-filter=ACMRTD | grep -Ev '" + IRRELEVANT + "')",
                "  [ -z \"$tg_relevant\" ] && [ -n \"$(git diff --cached --name-only)\" ] && return 0",
                "  tg_git_dir=$(git rev-parse --absolute-git-dir) || return 1",
                "  tg_tmp=$(mktemp -d \"$tg_git_dir/testguard-staged.XXXXXX\") || return 1",
                "  git checkout-index --all --prefix=\"$tg_tmp/\" || { rm -rf \"$tg_tmp\"; return 1; }",
                "  tg_mvn=${TESTGUARD_MVN:-'" + command.mavenExecutable() + "'}",
                "  [ -x \"$tg_mvn\" ] || tg_mvn=mvn",
                "  (cd \"$tg_tmp" + dir + "\" && MAVEN_OPTS=\"" + JVM_OPTIONS + " $MAVEN_OPTS\" \"$tg_mvn\" -o -q -B -Dtestguard.offline=true '"
                        + command.pluginCoordinates() + ":verify')",
                "  tg_status=$?",
                "  rm -rf \"$tg_tmp\"",
                "  return $tg_status",
                "}",
                "if ! testguard_pre_commit; then",
                "  echo 'testguard: commit refused: the check of the staged project failed (see above).' >&2",
                "  echo 'testguard: fix what it names and stage the fix, or commit anyway with git commit --no-verify.' >&2",
                "  exit 1",
                "fi",
                END);
    }
}
