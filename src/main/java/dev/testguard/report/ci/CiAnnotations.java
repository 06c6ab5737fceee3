package dev.testguard.report.ci;

import dev.testguard.policy.Classification;
import dev.testguard.report.Report;
import dev.testguard.report.ReportEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One annotation line per PROTECTED URL, in the CI system's own syntax, so that the refusal shows on the file and line
 * that caused it. GitHub Actions: a workflow command {@code ::error file=…,line=…,title=…::message}. GitLab CI and
 * Jenkins have no log command: a compiler-style {@code file:line: error: message} line, which Jenkins' Warnings NG
 * (GCC parser) and GitLab's log view pick up. The URLs are already masked.
 */
public final class CiAnnotations {

    private CiAnnotations() {
    }

    public static List<String> render(CiSystem system, Report report, Path moduleDir, Path workspace) {
        List<String> lines = new ArrayList<>();
        for (ReportEntry e : report.entries(Classification.PROTECTED)) {
            SourceLocation at = SourceLocation.of(e.source(), moduleDir, workspace);
            String message = message(e);
            switch (system) {
                case GITHUB_ACTIONS -> lines.add(github(at, message));
                case GITLAB_CI, JENKINS -> lines.add(compilerStyle(at, message));
                default -> {
                    // no annotation syntax: the JUnit report carries the refusal
                }
            }
        }
        return lines;
    }

    static String message(ReportEntry e) {
        StringBuilder m = new StringBuilder("testguard: ").append(e.url()).append(" is PROTECTED");
        if (e.rule() != null) {
            m.append(" (rule ").append(e.rule()).append(")");
        }
        m.append(": ").append(e.reason());
        if (e.fix() != null) {
            m.append(" Fix: ").append(e.fix());
        }
        m.append(" [source: ").append(e.source()).append("]");
        return m.toString();
    }

    static String github(SourceLocation at, String message) {
        StringBuilder line = new StringBuilder("::error ");
        if (at.hasFile()) {
            line.append("file=").append(githubProperty(at.file())).append(',');
            if (at.line() > 0) {
                line.append("line=").append(at.line()).append(',');
            }
        }
        line.append("title=").append(githubProperty("testguard: not a test database"));
        return line.append("::").append(githubData(message)).toString();
    }

    static String compilerStyle(SourceLocation at, String message) {
        String where = !at.hasFile() ? "testguard" : at.line() > 0 ? at.file() + ":" + at.line() : at.file();
        return where + ": error: " + message.replace('\r', ' ').replace('\n', ' ');
    }

    /** GitHub's escaping for a workflow command's message. */
    static String githubData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's escaping for a workflow command's property value. */
    static String githubProperty(String s) {
        return githubData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
