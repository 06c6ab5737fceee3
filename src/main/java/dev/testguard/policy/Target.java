package dev.testguard.policy;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.probe.LiveFacts;

/**
 * Everything the rules may look at for one URL.
 *
 * @param source where the URL was found
 * @param url    the parsed URL
 * @param live   what a live connection told us ({@link LiveFacts#notChecked()} in offline mode)
 */
public record Target(DiscoveredUrl source, JdbcUrl url, LiveFacts live) {
}
