package dev.testguard.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database an invoker IT creates on the real local PostgreSQL or MariaDB, under a name unique to the run
 * ({@code tg_rt<8 digits>_<stem>}), with a table {@code customers(id, name)} holding a few rows.
 * {@code setup.groovy} creates it and writes its name to a file in the IT's basedir, which the IT's test reads
 * (the URL is built in code: no configuration names it), and the rows' fingerprint to {@code <file>.before};
 * {@code verify.groovy} recalls it from the same file, checks the rows are intact and drops it.
 */
public final class ItDatabase {

    public static final String TABLE = "customers";

    private final boolean postgres;
    private final String name;
    private final File nameFile;

    private ItDatabase(boolean postgres, String name, File nameFile) {
        this.postgres = postgres;
        this.name = name;
        this.nameFile = nameFile;
    }

    /** Creates a PostgreSQL database {@code tg_rt<digits>_<stem>} with {@code rows} customers, named in {@code basedir/file}. */
    public static ItDatabase createPostgres(File basedir, String file, String stem, int rows) throws Exception {
        ItDatabase db = new ItDatabase(true, uniqueName(stem), new File(basedir, file));
        ItChecks.psql("postgres", "CREATE DATABASE " + db.name);
        return db.filled(() -> ItChecks.psql(db.name, "CREATE TABLE " + TABLE + " (id int PRIMARY KEY, name text NOT NULL);"
                + " INSERT INTO " + TABLE + " SELECT i, 'customer ' || i FROM generate_series(1, " + rows + ") i; ANALYZE " + TABLE));
    }

    /** Creates a MariaDB database {@code tg_rt<digits>_<stem>} with {@code rows} customers, named in {@code basedir/file}. */
    public static ItDatabase createMariadb(File basedir, String file, String stem, int rows) throws Exception {
        return createMariadbNamed(basedir, file, uniqueName(stem), rows);
    }

    /** Creates a MariaDB database of exactly this name (e.g. the twin of a PostgreSQL one), named in {@code basedir/file}. */
    public static ItDatabase createMariadbNamed(File basedir, String file, String name, int rows) throws Exception {
        ItDatabase db = new ItDatabase(false, name, new File(basedir, file));
        ItChecks.mariadb("CREATE DATABASE `" + db.name + "`");
        return db.filled(() -> ItChecks.mariadb("USE `" + db.name + "`; CREATE TABLE " + TABLE
                + " (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL); INSERT INTO " + TABLE
                + " SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_" + rows + "; ANALYZE TABLE " + TABLE));
    }

    /** The PostgreSQL database {@code setup.groovy} named in {@code basedir/file}. */
    public static ItDatabase postgres(File basedir, String file) throws IOException {
        File nameFile = new File(basedir, file);
        return new ItDatabase(true, read(nameFile), nameFile);
    }

    /** The MariaDB database {@code setup.groovy} named in {@code basedir/file}. */
    public static ItDatabase mariadb(File basedir, String file) throws IOException {
        File nameFile = new File(basedir, file);
        return new ItDatabase(false, read(nameFile), nameFile);
    }

    /** Checks made on the two databases of {@link #checkThenDropBoth}. */
    public interface BothChecks {
        void run(ItDatabase postgres, ItDatabase mariadb) throws Exception;
    }

    /**
     * For the ITs that use one database on each server, named by {@code setup.groovy} in {@code database.txt}
     * (PostgreSQL) and {@code mariadb-database.txt} (MariaDB): runs {@code checks} on them, then drops both, whatever
     * the checks found.
     */
    public static void checkThenDropBoth(File basedir, BothChecks checks) throws Exception {
        ItDatabase pg = postgres(basedir, "database.txt");
        ItDatabase maria = mariadb(basedir, "mariadb-database.txt");
        try {
            checks.run(pg, maria);
        } finally {
            pg.drop();
            maria.drop();
        }
    }

    public String name() {
        return name;
    }

    /**
     * Writes a testguard identity stamp ({@code test} or {@code protected}) exactly as the plugin's stamp stores do:
     * PostgreSQL the {@code testguard:{json}} block of the database comment, MariaDB the one-row table testguard_stamp.
     */
    public ItDatabase stamp(String role) throws Exception {
        String at = Instant.parse("2025-01-15T09:30:00Z").toString();
        if (postgres) {
            ItChecks.psql("postgres", "COMMENT ON DATABASE " + name + " IS 'testguard:{\"role\":\"" + role + "\",\"stampedAt\":\""
                    + at + "\",\"stampedBy\":\"alice@laptop\",\"project\":\"com.example:shop\"}'");
        } else {
            ItChecks.mariadb("CREATE TABLE `" + name + "`.testguard_stamp (role VARCHAR(16) NOT NULL, stamped_at VARCHAR(40) NOT NULL,"
                    + " stamped_by VARCHAR(255), project VARCHAR(255)); INSERT INTO `" + name + "`.testguard_stamp"
                    + " VALUES ('" + role + "', '" + at + "', 'alice@laptop', 'com.example:shop')");
        }
        return this;
    }

    /** Row count and checksum of the customers table now. */
    public String fingerprint() throws IOException, InterruptedException {
        return postgres ? ItChecks.postgresFingerprint(name, TABLE) : ItChecks.mariadbFingerprint(name, TABLE);
    }

    /** Fails unless the customers table holds exactly the rows {@code setup.groovy} wrote. */
    public void assertIntact() throws IOException, InterruptedException {
        String before = read(new File(nameFile.getPath() + ".before"));
        String after;
        try {
            after = fingerprint();
        } catch (AssertionError e) {
            throw new AssertionError("the rows of " + name + " are gone (the test reached the database): " + e.getMessage(), e);
        }
        ItChecks.check(before.equals(after), "the rows of " + name + " changed (the test reached the database): "
                + "before " + before + ", after " + after + " (count:md5)");
    }

    /** Drops the database (only this one: the name is unique to this run). */
    public void drop() throws IOException, InterruptedException {
        if (postgres) {
            ItChecks.psql("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } else {
            ItChecks.mariadb("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    /** Fills the new database and remembers it; drops it again when that fails (verify.groovy would not know it). */
    private ItDatabase filled(Sql fill) throws Exception {
        try {
            fill.run();
            Files.writeString(nameFile.toPath(), name + "\n", StandardCharsets.UTF_8);
            Files.writeString(new File(nameFile.getPath() + ".before").toPath(), fingerprint(), StandardCharsets.UTF_8);
            return this;
        } catch (Exception | AssertionError e) {
            drop();
            throw e;
        }
    }

    private interface Sql {
        void run() throws Exception;
    }

    private static String uniqueName(String stem) {
        return String.format(Locale.ROOT, "tg_rt%08d_%s", ThreadLocalRandom.current().nextInt(100_000_000), stem);
    }

    private static String read(File file) throws IOException {
        return Files.readString(file.toPath(), StandardCharsets.UTF_8).trim();
    }
}
