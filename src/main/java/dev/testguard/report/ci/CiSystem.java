package dev.testguard.report.ci;

import java.util.Map;

/** The CI system a build runs in, recognised from the variables each one sets. */
public enum CiSystem {
    GITHUB_ACTIONS("GitHub Actions", "GITHUB_WORKSPACE"),
    GITLAB_CI("GitLab CI", "CI_PROJECT_DIR"),
    JENKINS("Jenkins", "WORKSPACE"),
    /** {@code CI=true} and no system we know: the JUnit report, no annotations. */
    OTHER("CI", null),
    NONE("no CI", null);

    private final String displayName;
    private final String workspaceVariable;

    CiSystem(String displayName, String workspaceVariable) {
        this.displayName = displayName;
        this.workspaceVariable = workspaceVariable;
    }

    public static CiSystem detect(Map<String, String> env) {
        if ("true".equalsIgnoreCase(env.get("GITHUB_ACTIONS"))) {
            return GITHUB_ACTIONS;
        }
        if (present(env, "GITLAB_CI")) {
            return GITLAB_CI;
        }
        if (present(env, "JENKINS_URL") || present(env, "JENKINS_HOME") || present(env, "BUILD_ID") && present(env, "BUILD_URL")) {
            return JENKINS;
        }
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            return OTHER;
        }
        return NONE;
    }

    public boolean isCi() {
        return this != NONE;
    }

    public String displayName() {
        return displayName;
    }

    /** The checkout directory the system names (annotation paths are relative to it), or null. */
    public String workspace(Map<String, String> env) {
        return workspaceVariable == null ? null : env.get(workspaceVariable);
    }

    private static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank() && !"false".equalsIgnoreCase(v);
    }
}
