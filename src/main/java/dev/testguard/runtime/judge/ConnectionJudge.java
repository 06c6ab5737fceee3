package dev.testguard.runtime.judge;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.jdbc.R2dbcUrls;
import dev.testguard.jdbc.Secrets;
import dev.testguard.policy.Classification;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.PolicySettings;
import dev.testguard.policy.Verdict;
import dev.testguard.probe.LiveProbe;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges every connection the test JVM opens with the shared {@link Classifier}: before the socket opens by the
 * static rules (a URL that cannot be read plainly is refused there), then over the opened connection by the live
 * rules (stamp, live data). Verdicts are cached per physical database, so a pool pays the live checks once.
 */
public final class ConnectionJudge {

    private static final Provenance OPENED = new Provenance(Provenance.Kind.PROJECT_PROPERTY,
            "a connection opened by the test JVM", null, 0, null);

    private final PolicySettings settings;
    private final boolean offline;
    private final ConnectionLog log;
    private final TestClasses tests;
    private final Classifier staticRules;
    private final Map<DatabaseKey, Verdict> verdicts = new ConcurrentHashMap<>();
    private final Map<String, DatabaseKey> metadataUrls = new ConcurrentHashMap<>();
    private final ThreadLocal<String> lastTestClass = new ThreadLocal<>();

    /** A connection judged before its socket opened; {@code known} is null when the live rules must still run. */
    public record Pending(DiscoveredUrl source, JdbcUrl url, DatabaseKey key, Verdict known, boolean nested) {
    }

    public ConnectionJudge(PolicySettings settings, boolean offline, ConnectionLog log, TestClasses tests) {
        this.settings = settings;
        this.offline = offline;
        this.log = log;
        this.tests = tests;
        this.staticRules = Classifier.standardFindingMain(settings, LiveProbe.OFFLINE, () -> null);
    }

    /**
     * Before {@code connect(url, info)}: the static rules, or the cached verdict of this database.
     *
     * @throws SQLException the refusal (SQLState 28000), recorded before it is thrown
     */
    public Pending before(String url, Properties info, boolean nested) throws SQLException {
        Map<String, String> properties = map(info);
        DiscoveredUrl source = DiscoveredUrl.of("connection", url, OPENED, null)
                .withCredentials(null);
        JdbcUrl parsed;
        try {
            parsed = JdbcUrlParser.parse(url, properties);
        } catch (JdbcUrlException e) {
            Verdict verdict = staticRules.classify(source, properties);
            throw refuse(Secrets.maskUrl(url), "unreadable URL", verdict, null, false);
        }
        DatabaseKey key = DatabaseKey.of(parsed);
        Verdict known = verdicts.get(key);
        if (known == null) {
            Verdict fixed = staticRules.classify(source, parsed);
            if (fixed.classification() == Classification.EPHEMERAL || offline || !fixed.isSafe() && isFinal(fixed)) {
                verdicts.putIfAbsent(key, fixed);
                known = fixed;
            }
        }
        Pending pending = new Pending(source, parsed, key, known, nested);
        if (known != null && !known.isSafe()) {
            throw refuse(parsed.masked(), key.display(), known, key.overrideEntry(parsed), nested);
        }
        return pending;
    }

    /** A verdict the live rules cannot change: the URL cannot be read plainly. */
    private static boolean isFinal(Verdict verdict) {
        return Classifier.AMBIGUOUS.equals(verdict.ruleId()) || "url".equals(verdict.ruleId());
    }

    /**
     * The driver opened {@code connection}: the live rules over it unless the verdict is known.
     *
     * @throws SQLException the refusal; the connection is closed by then
     */
    public Connection after(Pending pending, Connection connection) throws SQLException {
        Verdict verdict = pending.known();
        if (verdict == null) {
            try {
                Classifier live = Classifier.standardFindingMain(settings, new OpenConnectionProbe(connection),
                        () -> null);
                verdict = live.classify(pending.source(), pending.url());
            } catch (RuntimeException e) {
                closeQuietly(connection);
                throw internalError(pending.url().masked(), e);
            }
            verdicts.putIfAbsent(pending.key(), verdict);
        }
        if (!verdict.isSafe()) {
            closeQuietly(connection);
            throw refuse(pending.url().masked(), pending.key().display(), verdict,
                    pending.key().overrideEntry(pending.url()), pending.nested());
        }
        if (!pending.nested()) {
            record(pending.url().masked(), pending.key().display(), verdict, false, tests.current());
        }
        return connection;
    }

    /**
     * A data source handed out {@code connection} without a judgement on this thread (it bypassed
     * {@code Driver.connect}, or came from a pool): judged by its metadata URL and user.
     */
    public void judgeOpened(Connection connection) throws SQLException {
        String url;
        DatabaseMetaData metadata;
        try {
            metadata = connection.getMetaData();
            url = metadata.getURL();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw internalError("a connection from a data source", e);
        }
        DatabaseKey key = url == null ? null : metadataUrls.get(url);
        Verdict cached = key == null ? null : verdicts.get(key);
        if (cached != null && cached.isSafe()) {
            String testClass = lastTestClass.get();
            record(Secrets.maskUrl(url), key.display(), cached, false, testClass);
            return;
        }
        Properties info = new Properties();
        try {
            String user = metadata.getUserName();
            if (user != null) {
                info.setProperty("user", user);
            }
            Pending pending = before(url, info, false);
            after(pending, connection);
            metadataUrls.putIfAbsent(url, pending.key());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** R2DBC {@code ConnectionFactories}: the static rules over the options; the refusal message, or null. */
    public String judgeR2dbc(Map<String, String> options) {
        String url = R2dbcUrls.toJdbc(options);
        if (url == null) {
            return "testguard refused an R2DBC connection factory for driver '" + options.get("driver")
                    + "': the runtime guard cannot tell which database it opens. " + Refusals.TURN_OFF;
        }
        Properties info = new Properties();
        if (options.get("user") != null) {
            info.setProperty("user", options.get("user"));
        }
        try {
            Pending pending = before(url, info, false);
            Verdict verdict = pending.known() != null ? pending.known()
                    : staticRules.classify(pending.source(), pending.url());
            if (!verdict.isSafe()) {
                throw refuse(pending.url().masked(), pending.key().display(), verdict,
                        pending.key().overrideEntry(pending.url()), false);
            }
            record(pending.url().masked(), pending.key().display(), verdict, false, tests.current());
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private SQLException refuse(String maskedUrl, String database, Verdict verdict, String override, boolean nested) {
        String message = Refusals.message(maskedUrl, verdict, override);
        record(maskedUrl, database, verdict, true, tests.current());
        return Refusals.refusal(message);
    }

    private SQLException internalError(String maskedUrl, Throwable e) {
        String message = Refusals.internalError(maskedUrl, e);
        log.error(maskedUrl, message);
        return new SQLException(message, Refusals.SQL_STATE, e);
    }

    private void record(String maskedUrl, String database, Verdict verdict, boolean refused, String testClass) {
        if (testClass != null) {
            lastTestClass.set(testClass);
        }
        try {
            log.connection(new ConnectionLog.Sighting(maskedUrl, database, verdict.classification().name(),
                    verdict.ruleId(), verdict.reason(), refused, testClass));
        } catch (IOException e) {
            log.error(maskedUrl, "cannot write the runtime guard's record: " + e.getMessage());
        }
    }

    private static Map<String, String> map(Properties info) {
        Map<String, String> map = new LinkedHashMap<>();
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                map.put(name, info.getProperty(name));
            }
        }
        return map;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // refused anyway
        }
    }
}
