package dev.testguard.policy;

import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import dev.testguard.probe.ServerIdentity;
import java.util.Collections;
import java.util.Locale;
import java.util.function.Supplier;

/** Tests must not use the very database the application itself runs on. */
public final class MainDatasourceRule implements LiveRule {

    public static final String ID = "main-datasource";

    private final Supplier<MainDatasource> mainDatasource;
    private final PolicySettings settings;
    private MainDatasource main;
    private boolean resolved;

    /** {@code main} may be null: the project has no main datasource, and the rule passes everything. */
    public MainDatasourceRule(MainDatasource main, PolicySettings settings) {
        this(() -> main, settings);
    }

    /**
     * Finding and probing the application's datasource costs a connection: it is asked for only when a URL gets
     * this far (never for a build whose tests use only in-memory databases), and at most once.
     */
    public MainDatasourceRule(Supplier<MainDatasource> mainDatasource, PolicySettings settings) {
        this.mainDatasource = mainDatasource;
        this.settings = settings;
    }

    private synchronized MainDatasource main() {
        if (!resolved) {
            main = mainDatasource.get();
            resolved = true;
        }
        return main;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Decision evaluate(Target target) {
        MainDatasource main = main();
        if (main == null || main.url() == null) {
            return Decision.pass();
        }
        ServerIdentity mine = target.live().identity();
        ServerIdentity theirs = main.live().identity();
        boolean same;
        String how;
        if (mine != null && theirs != null) {
            same = mine.sameDatabaseAs(theirs);
            how = "the same server and database (" + mine + ")";
        } else {
            same = sameStatically(target.url(), main.url());
            how = "the same database by URL";
        }
        if (!same) {
            return Decision.pass();
        }
        return Decision.fail("This is " + how + " as the application's main datasource (" + main.url().masked()
                        + "): tests would write into the application's own data.",
                fix(target, testNameFor(main.url())));
    }

    /** Quarkus merges test and main resources: its way is the %test. profile or Dev Services, not a shadowing file. */
    private static String fix(Target target, String testName) {
        if (target.source().key() != null && target.source().key().startsWith("quarkus.")) {
            return "Give the tests their own database, for example '" + testName + "': set %test."
                    + target.source().key() + " to it, or remove the URL for tests so that Quarkus Dev Services "
                    + "starts one.";
        }
        return "Give the tests their own database, for example '" + testName + "', configured in "
                + "src/test/resources (or a test profile) so that it shadows the main datasource.";
    }

    private boolean sameStatically(JdbcUrl a, JdbcUrl b) {
        if (!sameVendor(a.vendor(), b.vendor())) {
            return false;
        }
        if (a.storage() == Storage.FILE || b.storage() == Storage.FILE) {
            return a.storage() == b.storage() && FilePaths.sameDatabaseFile(FilePaths.resolve(a.filePath(), settings),
                    FilePaths.resolve(b.filePath(), settings));
        }
        if (a.databaseName() == null || b.databaseName() == null
                || !a.databaseName().toLowerCase(Locale.ROOT).equals(b.databaseName().toLowerCase(Locale.ROOT))) {
            return false;
        }
        // any shared server counts: failover lists that overlap reach the same data
        return !Collections.disjoint(Endpoints.of(a), Endpoints.of(b));
    }

    private static boolean sameVendor(Vendor a, Vendor b) {
        return a == b || a.isMysqlFamily() && b.isMysqlFamily();
    }

    /** A test database name that is not the main one: orders → orders_test, orders_test → orders_it_test. */
    private String testNameFor(JdbcUrl url) {
        String name = DatabaseNames.of(url);
        String suggestion = NameRule.suggestName(NameTokenizer.tokens(name), settings);
        return suggestion.equalsIgnoreCase(name) ? suggestion.replaceFirst("_test$", "_it_test") : suggestion;
    }
}
