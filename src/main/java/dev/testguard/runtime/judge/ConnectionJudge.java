package dev.testguard.runtime.judge;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.jdbc.R2dbcUrls;
import dev.testguard.policy.Classification;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.MainDatasource;
import dev.testguard.policy.PolicySettings;
import dev.testguard.policy.Verdict;
import dev.testguard.probe.LiveProbe;
import dev.testguard.runtime.RuntimeRecord;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Judges every connection the test JVM opens with the shared {@link Classifier}: before the socket opens by the
 * static rules (a URL that cannot be read plainly is refused there), then over the opened connection by the live
 * rules (stamp, live data). Verdicts are cached per physical database, and each spelling of a connection (URL and
 * properties) remembers its {@link Decision}: a repeat connection is a map lookup and a count, with no parsing,
 * masking or logging. A connection a pool hands out again is recognised as the physical connection judged before.
 */
public final class ConnectionJudge {

    private static final Provenance OPENED = new Provenance(Provenance.Kind.PROJECT_PROPERTY,
            "a connection opened by the test JVM", null, 0, null);
    /** The test JVM knows no main datasource; a class, not a lambda, which the first judgement would spin. */
    private static final Supplier<MainDatasource> NO_MAIN_DATASOURCE = new NoMainDatasource();

    private static final class NoMainDatasource implements Supplier<MainDatasource> {

        @Override
        public MainDatasource get() {
            return null;
        }
    }

    private final PolicySettings settings;
    private final boolean offline;
    private final ConnectionLog log;
    private final TestClasses tests;
    private final Classifier staticRules;
    private final R2dbcLiveCheck r2dbc;
    private final LiveCheckFailures failures;
    private final Map<DatabaseKey, Verdict> verdicts = new ConcurrentHashMap<>();
    private final Map<Spelling, Decision> spellings = new ConcurrentHashMap<>();
    private final Map<String, Decision> metadataUrls = new ConcurrentHashMap<>();
    /** The physical connections judged safe, weakly: a pool's borrow is recognised by what it wraps. */
    private final JudgedConnections opened = new JudgedConnections();

    /** A connection judged before its socket opened; {@code known} is null when the live rules must still run. */
    public record Pending(Decision decision, Verdict known, boolean nested) {
    }

    /** The URL and connection properties (defaults included) exactly as a driver got them. */
    private record Spelling(String url, Map<String, String> properties) {

        static Spelling of(String url, Properties info) {
            if (info == null) {
                return new Spelling(url, Map.of());
            }
            Map<String, String> properties = new LinkedHashMap<>();
            for (String name : info.stringPropertyNames()) {
                properties.put(name, info.getProperty(name));
            }
            return new Spelling(url, properties);
        }

        // written out, as DatabaseKey's: no ObjectMethods bootstrap at the first connection; the same components
        @Override
        public boolean equals(Object other) {
            return other instanceof Spelling s && Objects.equals(url, s.url) && properties.equals(s.properties);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(url) + properties.hashCode();
        }
    }

    public ConnectionJudge(PolicySettings settings, boolean offline, ConnectionLog log, TestClasses tests) {
        this.settings = settings;
        this.offline = offline;
        this.log = log;
        this.tests = tests;
        this.staticRules = Classifier.standardFindingMain(settings, LiveProbe.OFFLINE, NO_MAIN_DATASOURCE);
        this.failures = new LiveCheckFailures(log);
        this.r2dbc = new R2dbcLiveCheck(this, failures);
        log.beforeCounts(tests::flushBorrows);
    }

    /**
     * Before {@code connect(url, info)}: the static rules, or the cached verdict of this database.
     *
     * @throws SQLException the refusal (SQLState 28000), recorded before it is thrown
     */
    public Pending before(String url, Properties info, boolean nested) throws SQLException {
        return before(url, info, nested, Map.of());
    }

    /**
     * As {@link #before(String, Properties, boolean)}, with the driver's default parameter values (see
     * {@link RecognisableUrls#defaultsOf}), which the URL shown in records and refusals leaves out.
     */
    public Pending before(String url, Properties info, boolean nested, Map<String, String> driverDefaults)
            throws SQLException {
        return before(url, info, nested, driverDefaults, DriverReadings.of(null, url, info));
    }

    /**
     * As {@link #before(String, Properties, boolean, Map)}, where {@code driver} reads the target as the driver
     * will (run the first time the guard meets this spelling): when it reads another target, or rejects the URL,
     * the connection is refused and recorded before the driver runs.
     */
    public Pending before(String url, Properties info, boolean nested, Map<String, String> driverDefaults,
            DriverView.Reading driver) throws SQLException {
        Spelling spelling = Spelling.of(url, info);
        Decision decision = spellings.get(spelling);
        if (decision == null) {
            decision = decide(spelling, driverDefaults, driver);
        }
        Verdict known = verdictOf(decision);
        if (known != null && !known.isSafe()) {
            throw refuse(decision, known);
        }
        return new Pending(decision, known, nested);
    }

    /** First sight of a spelling: parsed, keyed, and judged by the static rules when they suffice. */
    private Decision decide(Spelling spelling, Map<String, String> driverDefaults, DriverView.Reading driver)
            throws SQLException {
        Map<String, String> properties = spelling.properties();
        DiscoveredUrl source = DiscoveredUrl.of("connection", spelling.url(), OPENED, null).withCredentials(null);
        JdbcUrl parsed;
        try {
            parsed = JdbcUrlParser.parse(spelling.url(), properties);
        } catch (JdbcUrlException e) {
            Verdict verdict = staticRules.classify(source, properties);
            String masked = RecognisableUrls.of(spelling.url(), driverDefaults);
            throw refuse(masked, RuntimeRecord.UNREADABLE, verdict, null);
        }
        DatabaseKey key = DatabaseKey.of(parsed);
        String masked = RecognisableUrls.of(spelling.url(), driverDefaults);
        refuseWhereTheDriverDisagrees(parsed, key, masked, driver);
        Verdict known = verdicts.get(key);
        Verdict fixed = null;
        if (known == null) {
            fixed = staticRules.classify(source, parsed);
            if (fixed.classification() == Classification.EPHEMERAL || offline || !fixed.isSafe() && isFinal(fixed)) {
                verdicts.putIfAbsent(key, fixed);
                known = verdicts.get(key);
            }
        }
        Decision fresh = new Decision(source, parsed, key, masked, known, fixed);
        Decision earlier = spellings.putIfAbsent(spelling, fresh);
        return earlier != null ? earlier : fresh;
    }

    /** The driver's own reading of the target must be the guard's: else refused and recorded before it runs. */
    private void refuseWhereTheDriverDisagrees(JdbcUrl parsed, DatabaseKey key, String masked,
            DriverView.Reading driver) throws SQLException {
        Verdict refusal;
        try {
            DriverView view = driver.read();
            refusal = view == null ? null : view.disagreement(parsed);
        } catch (DriverView.Rejected e) {
            refusal = DriverView.rejected(parsed, e);
        }
        if (refusal != null) {
            throw refuse(masked, key.display(), refusal, null);
        }
    }

    /**
     * The driver threw before the live rules could run over its connection (a login the server rejected, a host
     * that does not answer): a database the static rules refuse stays refused, recorded, whatever the driver says
     * (fail closed); otherwise nothing was opened and the driver's exception stands.
     *
     * @throws SQLException the refusal, instead of the driver's exception (whose message is not repeated)
     */
    public void failed(Pending pending, Throwable thrown) throws SQLException {
        Decision decision = pending.decision();
        Verdict verdict = verdictOf(decision);
        if (verdict == null) {
            verdict = decision.staticVerdict();
        }
        if (verdict != null && !verdict.isSafe()) {
            throw refuse(decision, new Verdict(verdict.classification(), verdict.ruleId(), "The driver failed ("
                    + thrown.getClass().getName() + ") before the guard could read the database's stamp, so the "
                    + "static rules decide. " + verdict.reason(), verdict.fix(), verdict.url(), verdict.live(),
                    verdict.overridden(), verdict.lifts()));
        }
    }

    /** The decision's verdict, or the one another spelling of the same database got meanwhile; null: none yet. */
    private Verdict verdictOf(Decision decision) {
        Verdict known = decision.verdict();
        if (known == null) {
            known = verdicts.get(decision.key());
            if (known != null) {
                decision.verdict(known);
            }
        }
        return known;
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
        Decision decision = pending.decision();
        Verdict verdict = pending.known() != null ? pending.known() : verdictOf(decision);
        if (verdict == null) { // else a judgement nested in this one (the driver's own) ran the live rules already
            verdict = liveVerdict(decision, connection);
        }
        if (!verdict.isSafe()) {
            closeQuietly(connection);
            throw refuse(decision, verdict);
        }
        opened.put(connection, decision);
        if (!pending.nested()) {
            count(decision, verdict);
        }
        return connection;
    }

    /** The live verdict, cached; a live check that could not run refuses (fail closed) and caches nothing. */
    private Verdict liveVerdict(Decision decision, Connection connection) throws SQLException {
        Verdict verdict = classifyLive(decision, connection);
        String why = LiveCheckFailures.why(verdict);
        if (why != null) {
            closeQuietly(connection);
            throw failures.refusal(decision, "a connection to", "over it", why, decision.url().password());
        }
        return remember(decision, verdict);
    }

    /** The live rules over an open connection, not cached yet; an internal error closes it and refuses. */
    Verdict classifyLive(Decision decision, Connection connection) throws SQLException {
        try {
            Classifier live = Classifier.standardFindingMain(settings, new OpenConnectionProbe(connection),
                    NO_MAIN_DATASOURCE);
            return live.classify(decision.source(), decision.url());
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw internalError(decision.maskedUrl(), e);
        }
    }

    /** The database's verdict from now on: this one, or the one another thread cached first. */
    Verdict remember(Decision decision, Verdict verdict) {
        Verdict earlier = verdicts.putIfAbsent(decision.key(), verdict);
        Verdict kept = earlier != null ? earlier : verdict;
        decision.verdict(kept);
        return kept;
    }

    /**
     * A data source handed out {@code connection} without a judgement on this thread (it bypassed
     * {@code Driver.connect}, or came from a pool): a physical connection judged before (a pool's borrow) is
     * counted; any other is judged by its metadata URL and user.
     */
    public void judgeOpened(Connection connection) throws SQLException {
        judgeOpened(connection, tests.thread());
    }

    /** The calling thread's state, for {@link #judgeOpened(Connection, ThreadSample)} on this thread only. */
    public ThreadSample thisThread() {
        return tests.thread();
    }

    /**
     * {@link #judgeOpened(Connection)} on the thread of {@code thread} ({@link #thisThread()}): a borrow of the
     * physical connection this thread borrowed last is an identity compare and a count.
     */
    public void judgeOpened(Connection connection, ThreadSample thread) throws SQLException {
        if (thread.countedAgain(this, connection)) {
            return; // the physical connection this thread borrowed last: counted
        }
        Decision known = opened.of(connection);
        if (known != null) {
            thread.borrowed(this, opened.identified(connection), count(known, known.verdict(), thread.forBorrow()));
            return;
        }
        String url;
        DatabaseMetaData metadata;
        try {
            metadata = connection.getMetaData();
            url = metadata.getURL();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw internalError("a connection from a data source", e);
        }
        Decision cached = url == null ? null : metadataUrls.get(url);
        Verdict verdict = cached == null ? null : verdictOf(cached);
        if (verdict != null && verdict.isSafe()) {
            opened.put(connection, cached);
            count(cached, verdict);
            return;
        }
        judgeByMetadata(connection, url, metadata);
    }

    private void judgeByMetadata(Connection connection, String url, DatabaseMetaData metadata) throws SQLException {
        Properties info = new Properties();
        try {
            String user = metadata.getUserName();
            if (user != null) {
                info.setProperty("user", user);
            }
            Pending pending = before(url, info, false);
            after(pending, connection);
            metadataUrls.putIfAbsent(url, pending.decision());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * {@code judgement}, run later and maybe on another thread (an R2DBC factory judged at subscription), recorded for
     * the test class calling now ({@link TestClasses#onBehalfOfCaller}).
     */
    public <T> java.util.concurrent.Callable<T> onBehalfOfCaller(java.util.concurrent.Callable<T> judgement) {
        return tests.onBehalfOfCaller(judgement);
    }

    /** Opens the JDBC connection of an R2DBC factory's live check; null when no JDBC driver takes the URL. */
    @FunctionalInterface
    public interface JdbcProbe {

        Connection open(String url, Properties info) throws SQLException;
    }

    /** R2DBC with neither a JDBC driver nor the connection factory at hand: only a final static verdict decides. */
    public String judgeR2dbc(Map<String, String> options) {
        return judgeR2dbc(options, (url, info) -> null, null);
    }

    /**
     * R2DBC {@code ConnectionFactories}: the static rules over the options, then the live rules (stamp, live data)
     * over a short JDBC connection to the same database, which {@code probe} opens through a woven driver (so the
     * JDBC judgement runs over it and caches the database's verdict), else over an R2DBC connection of
     * {@code factory} itself. When no live check can run, the factory is refused (fail closed).
     *
     * @param factory the connection factory the tests will get, or null
     * @return the refusal message, or null
     */
    public String judgeR2dbc(Map<String, String> options, JdbcProbe probe, R2dbcFactory factory) {
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
            Decision decision = pending.decision();
            Verdict verdict = pending.known() != null ? pending.known() : r2dbc.withoutLiveRules(decision);
            if (verdict == null) {
                verdict = liveOverJdbc(decision, url, info, options, probe);
            }
            if (verdict == null) {
                verdict = r2dbc.liveVerdict(decision, factory, options.get("password"));
            }
            if (!verdict.isSafe()) {
                throw refuse(decision, verdict);
            }
            count(decision, verdict);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /**
     * The live verdict of an R2DBC factory's database over a JDBC connection, or null when none could be opened.
     *
     * @throws SQLException the guard refused that JDBC connection (recorded already)
     */
    private Verdict liveOverJdbc(Decision decision, String url, Properties info, Map<String, String> options,
            JdbcProbe probe) throws SQLException {
        Properties withPassword = new Properties();
        withPassword.putAll(info);
        if (options.get("password") != null) {
            withPassword.setProperty("password", options.get("password"));
        }
        try (Connection connection = probe.open(url, withPassword)) {
            return connection == null ? null : verdicts.get(decision.key());
        } catch (SQLException e) {
            if (Refusals.SQL_STATE.equals(e.getSQLState()) && String.valueOf(e.getMessage())
                    .startsWith("testguard refused")) {
                throw e;
            }
            return null; // not reachable over JDBC: the R2DBC connection factory itself is tried next
        }
    }

    /** One more connection of a known decision: an increment, plus a record the first time a test class opens it. */
    private void count(Decision decision, Verdict verdict) {
        count(decision, verdict, tests.sampled());
    }

    /** {@link #count(Decision, Verdict)} for {@code testClass}: its tally, which counts the next ones (null: none). */
    private ConnectionLog.Tally count(Decision decision, Verdict verdict, String testClass) {
        ConnectionLog.Tally tally = decision.tally(testClass);
        if (tally != null) {
            tally.increment();
            return tally;
        }
        try {
            tally = log.connection(new ConnectionLog.Sighting(decision.maskedUrl(), decision.key().display(),
                    verdict.classification().name(), verdict.ruleId(), verdict.reason(), false, testClass));
            decision.tally(testClass, tally);
            return tally;
        } catch (IOException e) {
            log.error(decision.maskedUrl(), "cannot write the runtime guard's record: " + e.getMessage());
            return null;
        }
    }

    private SQLException refuse(Decision decision, Verdict verdict) {
        return refuse(decision.maskedUrl(), decision.key().display(), verdict,
                decision.key().overrideEntry(decision.url()));
    }

    /** Every refusal is recorded, with the test class that asked, before it is thrown. */
    private SQLException refuse(String maskedUrl, String database, Verdict verdict, String override) {
        String message = Refusals.message(maskedUrl, verdict, override);
        try {
            log.connection(new ConnectionLog.Sighting(maskedUrl, database, verdict.classification().name(),
                    verdict.ruleId(), verdict.reason(), true, tests.current()));
        } catch (IOException e) {
            log.error(maskedUrl, "cannot write the runtime guard's record: " + e.getMessage());
        }
        return Refusals.refusal(message);
    }

    SQLException internalError(String maskedUrl, Throwable e) {
        String message = Refusals.internalError(maskedUrl, e);
        log.error(maskedUrl, message);
        return new SQLException(message, Refusals.SQL_STATE, e);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // refused anyway
        }
    }
}
