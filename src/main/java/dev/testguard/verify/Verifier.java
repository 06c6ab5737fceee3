package dev.testguard.verify;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.UrlSource;
import dev.testguard.jdbc.Secrets;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.OverrideConflicts;
import dev.testguard.policy.Verdict;
import dev.testguard.probe.LiveFacts;
import dev.testguard.report.Report;
import dev.testguard.report.ReportEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The verify goal's logic: collect every JDBC URL the test runs will see, classify each once, build the report. */
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
        long start = System.nanoTime();
        TestUrlCollector.Collected collected = new TestUrlCollector(sources).collect(request);
        List<DiscoveredUrl> urls = collected.urls().stream().map(TestUrlCollector.Found::url).toList();
        List<Verdict> verdicts = urls.stream().map(classifier::classify).toList();
        verdicts = OverrideConflicts.settle(classifier, urls, verdicts);
        List<ReportEntry> entries = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            entries.add(entry(collected.urls().get(i), verdicts.get(i)));
        }
        return new Report(request.project(), request.phase(), Instant.now(), offline, collected.runs(),
                collected.skippedRuns(), collected.warnings(), entries, (System.nanoTime() - start) / 1_000_000);
    }

    private static ReportEntry entry(TestUrlCollector.Found found, Verdict verdict) {
        DiscoveredUrl source = found.url();
        String fix = verdict.fix();
        String howToChange = source.provenance().howToChange();
        if (!verdict.classification().isSafe() && howToChange != null) {
            fix = fix == null ? capitalize(howToChange) : fix + "\nor " + howToChange;
        }
        String masked = verdict.url() != null ? verdict.url().masked() : Secrets.maskUrl(source.url());
        return new ReportEntry(masked, verdict.classification(), verdict.ruleId(), verdict.reason(),
                verdict.classification().isSafe() ? null : fix, source.key(), source.provenance().location(),
                found.testRuns(), live(verdict.live()), verdict.overridden(), found.testClasses(), source.activation(),
                verdict.lifts().stream().map(l -> l.database() + " (allowed by " + l.entry() + ")").toList());
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
}
