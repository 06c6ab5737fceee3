package dev.testguard.verify;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.surefire.TestPluginExecution;
import dev.testguard.discovery.surefire.TestRuntimeResolver;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.Verdict;
import dev.testguard.probe.LiveFacts;
import dev.testguard.report.Report;
import dev.testguard.report.ReportEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verify goal's logic: for each test run, work out what the fork sees, collect every JDBC URL
 * from every source, classify each distinct one once, and build the report.
 */
public final class Verifier {

    private final List<UrlSource> sources;
    private final Classifier classifier;
    private final boolean offline;

    public Verifier(List<UrlSource> sources, Classifier classifier, boolean offline) {
        this.sources = List.copyOf(sources);
        this.classifier = classifier;
        this.offline = offline;
    }

    public Report verify(VerifyRequest request) {
        List<String> warnings = new ArrayList<>();
        TestRuntimeResolver resolver = new TestRuntimeResolver(request.build(), request.layout().basedir(), warnings::add);
        List<String> runs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<DiscoveredUrl> found = new ArrayList<>();
        for (TestPluginExecution execution : request.executions()) {
            String skippedBy = resolver.skippedBy(execution);
            if (skippedBy != null) {
                skipped.add(execution.runName() + " (" + skippedBy + ")");
                continue;
            }
            TestRuntime runtime = resolver.resolve(execution);
            runs.add(runtime.name());
            for (UrlSource source : sources) {
                found.addAll(source.discover(request.layout(), runtime));
            }
        }
        found.addAll(request.buildTimeUrls());
        List<ReportEntry> entries = new ArrayList<>();
        for (Group group : group(found)) {
            entries.add(entry(group, classifier.classify(group.first)));
        }
        return new Report(request.project(), request.phase(), Instant.now(), offline, runs, skipped, warnings, entries);
    }

    /** The same URL from the same place, seen by several test runs, is one entry. */
    private static List<Group> group(List<DiscoveredUrl> found) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (DiscoveredUrl url : found) {
            String id = url.url() + "\u0000" + url.provenance().location() + "\u0000" + url.key();
            Group g = groups.computeIfAbsent(id, k -> new Group(url));
            if (url.testRun() != null) {
                g.runs.add(url.testRun());
            }
        }
        return new ArrayList<>(groups.values());
    }

    private static ReportEntry entry(Group group, Verdict verdict) {
        DiscoveredUrl source = group.first;
        String fix = verdict.fix();
        String howToChange = source.provenance().howToChange();
        if (!verdict.classification().isSafe() && howToChange != null) {
            fix = fix == null ? capitalize(howToChange) : fix + "\nor " + howToChange;
        }
        String masked = verdict.url() != null ? verdict.url().masked() : dev.testguard.jdbc.Secrets.maskUrl(source.url());
        return new ReportEntry(masked, verdict.classification(), verdict.ruleId(), verdict.reason(),
                verdict.classification().isSafe() ? null : fix, source.key(), source.provenance().location(),
                new ArrayList<>(group.runs), live(verdict.live()), verdict.overridden());
    }

    private static String live(LiveFacts live) {
        if (live == null || live.status() == LiveFacts.Status.NOT_CHECKED) {
            return live != null && live.message() != null ? live.message() : null;
        }
        StringBuilder sb = new StringBuilder();
        switch (live.status()) {
            case REACHABLE:
                sb.append("reachable");
                sb.append(live.stamp() == null ? ", unstamped" : ", stamped " + live.stamp().role().label());
                if (live.estimatedRows() != null) {
                    sb.append(", ~").append(live.estimatedRows()).append(" rows");
                }
                break;
            case UNREACHABLE:
                sb.append("not reachable, judged on name and host only");
                break;
            case AUTH_FAILED:
                sb.append("login refused, judged on name and host only");
                break;
            default:
                sb.append("live check failed, judged on name and host only");
        }
        if (live.message() != null && live.status() != LiveFacts.Status.REACHABLE) {
            sb.append(" (").append(live.message()).append(')');
        }
        return sb.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final class Group {
        final DiscoveredUrl first;
        final Set<String> runs = new LinkedHashSet<>();

        Group(DiscoveredUrl first) {
            this.first = first;
        }
    }
}
