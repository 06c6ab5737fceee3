package dev.testguard.policy;

import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.probe.LiveFacts;

/**
 * The application's own datasource (from main resources), which tests must never share.
 *
 * @param url  the parsed URL
 * @param live what a live probe learned about it; {@link LiveFacts#notChecked()} or null when not probed
 */
public record MainDatasource(JdbcUrl url, LiveFacts live) {

    public MainDatasource {
        live = live == null ? LiveFacts.notChecked() : live;
    }
}
