package dev.testguard.verify;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.config.SkippedConfigFiles;
import dev.testguard.discovery.surefire.TestPluginExecution;
import dev.testguard.discovery.surefire.TestRuntimeResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects every JDBC URL the build's test runs will see: for each Surefire/Failsafe execution, work
 * out what its fork sees and ask every source. The same URL from the same place seen by several
 * runs is collected once. Shared by verify, reset and provision.
 */
public final class TestUrlCollector {

    private final List<UrlSource> sources;

    public TestUrlCollector(List<UrlSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** What was collected: each distinct URL once, with every test run that sees it. */
    public record Collected(List<String> runs, List<String> skippedRuns, List<String> warnings, List<Found> urls) {
    }

    /**
     * One distinct URL and the runs that see it ({@code url.testRun()} is the first of them), and the test classes
     * that see it because of their own annotations (empty when it is not specific to any class).
     */
    public record Found(DiscoveredUrl url, List<String> testRuns, List<String> testClasses) {
    }

    public Collected collect(VerifyRequest request) {
        List<String> warnings = new ArrayList<>(SkippedConfigFiles.find(request.layout()));
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
        return new Collected(runs, skipped, warnings, group(found));
    }

    private static List<Found> group(List<DiscoveredUrl> found) {
        Map<String, DiscoveredUrl> first = new LinkedHashMap<>();
        Map<String, Set<String>> runs = new LinkedHashMap<>();
        Map<String, Set<String>> classes = new LinkedHashMap<>();
        for (DiscoveredUrl url : found) {
            String id = String.join("\u0000", url.url(), url.provenance().location(), String.valueOf(url.key()),
                    String.valueOf(url.activation()), String.valueOf(url.replacedBy()), String.valueOf(url.testClass() == null));
            first.putIfAbsent(id, url);
            Set<String> seenBy = runs.computeIfAbsent(id, k -> new LinkedHashSet<>());
            if (url.testRun() != null) {
                seenBy.add(url.testRun());
            }
            Set<String> classesOf = classes.computeIfAbsent(id, k -> new LinkedHashSet<>());
            if (url.testClass() != null) {
                classesOf.add(url.testClass());
            }
        }
        List<Found> result = new ArrayList<>();
        first.forEach((id, url) -> result.add(
                new Found(url, new ArrayList<>(runs.get(id)), new ArrayList<>(classes.get(id)))));
        return result;
    }
}
