package dev.testguard.discovery;

import java.util.List;

/**
 * One place JDBC URLs come from (a framework's configuration files, the fork's system properties...).
 * Implementations are plain classes: they read files and the given runtime, never Maven objects.
 */
public interface UrlSource {

    /** Every URL that tests running in {@code runtime} would see through this source. */
    List<DiscoveredUrl> discover(ProjectLayout layout, TestRuntime runtime);
}
