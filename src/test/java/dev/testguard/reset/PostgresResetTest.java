package dev.testguard.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.PgTestDb;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.probe.Stamp;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostgresResetTest extends ResetContractTest {

    private final PgTestDb dbs = new PgTestDb();
    /** The owner of the resets' background work, as the build is in Maven: the next spare copy runs on its thread. */
    private final ThreadedWork work = new ThreadedWork();

    @Override
    Resetter resetter() {
        return super.resetter().withBackgroundWork(work);
    }

    @Override
    DatabaseTarget newDatabase(String nameToken) throws Exception {
        String name = "tg_reset_" + nameToken + "_" + UUID.randomUUID().toString().substring(0, 8);
        dbs.admin().create(name);
        dbs.willCreate(name);
        dbs.willCreate(PostgresReset.baselineName(name));
        dbs.willCreate(PostgresReset.spareName(name));
        dbs.willCreate(BaselineNames.of(name, "__tgtrash", PostgresReset.MAX_NAME));
        return new DatabaseTarget(JdbcUrlParser.parse("jdbc:postgresql://localhost:5432/" + name), new Credentials("postgres", null));
    }

    @Override
    void dropAll() throws Exception {
        work.close();
        assertThat(work.warnings).as("background work that failed").isEmpty();
        dbs.close();
    }

    @Override
    void analyze(DatabaseTarget db) throws SQLException {
        PgTestDb.exec(db, "ANALYZE");
    }

    @Override
    String initScript() {
        return super.initScript() + "CREATE FUNCTION twice(x int) RETURNS int AS $$\nBEGIN\n  RETURN x * 2; -- ; inside\nEND;\n$$ LANGUAGE plpgsql;\n";
    }

    @Test
    void fourConcurrentResetsWithABaselineTakeTurnsAndLeaveTheDatabaseComplete() throws Exception {
        concurrentBaselineResets(newDatabase("test"), 4, 20);
    }

    @Test
    void aResetSwapsInTheSpareCopyAndPreparesTheNextOneInTheBackground() throws Exception {
        DatabaseTarget db = newDatabase("test");
        exec(db, createItems(), "INSERT INTO items VALUES (1, 'fixture')");
        resetter().reset(db, options(BaselineMode.SAVE, List.of()));
        resetter().reset(db, options(BaselineMode.USE, List.of())); // copies the template, then prepares a spare
        work.awaitAll();
        long spare = oid(PostgresReset.spareName(db.databaseName()));
        assertThat(spare).isNotZero();
        exec(db, "INSERT INTO items VALUES (2, 'from a test')");

        resetter().reset(db, options(BaselineMode.USE, List.of()));

        assertThat(oid(db.databaseName())).as("the spare became the database").isEqualTo(spare);
        assertThat(labels(db)).containsExactly("fixture");
        assertThat(TestStamps.read(connectable(db))).map(Stamp::role).contains(Stamp.Role.TEST);
        try (java.sql.Connection c = dev.testguard.db.Connections.open(connectable(db), java.time.Duration.ofSeconds(5))) {
            assertThat(dev.testguard.probe.PostgresStampStore.comment(c, null))
                    .as("the stamp replaced the spare's marker").startsWith("testguard:").doesNotContain("testguard-spare-of");
        }
        work.awaitAll();
        assertThat(exists(BaselineNames.of(db.databaseName(), "__tgtrash", PostgresReset.MAX_NAME)))
                .as("the replaced database is dropped in the background").isFalse();
        assertThat(exists(PostgresReset.spareName(db.databaseName()))).as("the next spare is ready").isTrue();
    }

    @Test
    void aSpareOfAnEarlierBaselineIsNeverUsed() throws Exception {
        DatabaseTarget db = newDatabase("test");
        String spare = PostgresReset.spareName(db.databaseName());
        String aside = db.databaseName() + "_aside";
        dbs.willCreate(aside);
        exec(db, createItems(), "INSERT INTO items VALUES (1, 'old baseline')");
        resetter().reset(db, options(BaselineMode.SAVE, List.of()));
        work.awaitAll();
        // keep the spare of the old baseline aside while the baseline is saved again
        PgTestDb.exec(PgTestDb.target("postgres"), "ALTER DATABASE " + spare + " RENAME TO " + aside);
        exec(db, "UPDATE items SET label = 'new baseline'");
        resetter().reset(db, options(BaselineMode.SAVE, List.of()));
        work.awaitAll();
        // a stale spare left behind: old content, marked as a copy of the old template
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP DATABASE " + spare, "ALTER DATABASE " + aside + " RENAME TO " + spare);
        exec(db, "DELETE FROM items");

        resetter().reset(db, options(BaselineMode.USE, List.of()));

        assertThat(labels(db)).containsExactly("new baseline");
    }

    private static boolean exists(String database) throws Exception {
        return oid(database) != 0;
    }

    /** The database's oid, 0 when there is no such database. */
    private static long oid(String database) throws Exception {
        try (java.sql.Connection c = dev.testguard.db.Connections.open(PgTestDb.target("postgres"), java.time.Duration.ofSeconds(5));
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT oid FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Test
    void recreatedDatabaseKeepsItsOwner() throws Exception {
        DatabaseTarget db = newDatabase("test");
        try (OwnerRole role = new OwnerRole(db, "tg_owner_", "LOGIN")) {
            resetter().reset(db, options(BaselineMode.IGNORE, List.of()));
            assertThat(owner(db)).isEqualTo(role.name);
            exec(db, createItems());
            resetter().reset(db, options(BaselineMode.SAVE, List.of()));
            resetter().reset(db, options(BaselineMode.USE, List.of()));
            assertThat(owner(db)).isEqualTo(role.name);
        }
    }

    @Test
    void inPlaceResetOfAPetclinicSchemaWithIdentityAndSerialColumns() throws Exception {
        DatabaseTarget db = newDatabase("test");
        java.nio.file.Path schema = project.resolve("petclinic.sql");
        java.nio.file.Files.writeString(schema, "CREATE TABLE vets (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " last_name text);\nCREATE TABLE specialties (id serial PRIMARY KEY, name text);\n"
                + "CREATE TABLE owners (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, city text);\n"
                + "CREATE TABLE vet_specialties (vet_id integer NOT NULL REFERENCES vets (id),"
                + " specialty_id integer NOT NULL REFERENCES specialties (id));\n"
                + "INSERT INTO vets (last_name) VALUES ('Carter');\nINSERT INTO specialties (name) VALUES ('radiology');\n");
        try (OwnerRole role = new OwnerRole(db, "tg_nocreate_", "LOGIN NOCREATEDB")) {
            DatabaseTarget asOwner = role.loggedInTo(db);
            PgTestDb.exec(asOwner, java.nio.file.Files.readString(schema), "INSERT INTO vets (last_name) VALUES ('Leary')",
                    "INSERT INTO owners (city) VALUES ('Madison')", "INSERT INTO vet_specialties VALUES (2, 1)");
            String oid = oid(db);

            for (int round = 0; round < 2; round++) {
                ResetOutcome outcome = resetter().reset(asOwner, options(BaselineMode.IGNORE, List.of(schema)));
                assertThat(outcome.action()).startsWith("emptied and ran 1 init script(s)");
            }

            assertThat(oid(db)).as("same database, not recreated").isEqualTo(oid);
            assertThat(single(db, "SELECT string_agg(id || ':' || last_name, ',') FROM vets")).isEqualTo("1:Carter");
            assertThat(single(db, "SELECT count(*) FROM owners")).isEqualTo("0");
            PgTestDb.exec(asOwner, "INSERT INTO vets (last_name) VALUES ('Ortega')");
            assertThat(single(db, "SELECT max(id) FROM vets")).as("the identity starts over").isEqualTo("2");
        }
    }

    @Test
    void anOwnerWithoutCreatedbGetsItsObjectsDroppedInPlace() throws Exception {
        DatabaseTarget db = newDatabase("test");
        try (OwnerRole role = new OwnerRole(db, "tg_nocreate_", "LOGIN NOCREATEDB")) {
            DatabaseTarget asOwner = role.loggedInTo(db);
            PgTestDb.exec(asOwner, "CREATE SCHEMA app", "CREATE TABLE app.t (id serial PRIMARY KEY)",
                    "CREATE TABLE public.items (id int PRIMARY KEY, label text)", "CREATE VIEW public.v AS SELECT * FROM public.items",
                    "CREATE TYPE public.mood AS ENUM ('ok')", "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            String oid = oid(db);

            ResetOutcome outcome = resetter().reset(asOwner, options(BaselineMode.IGNORE, List.of()));

            assertThat(outcome.action()).isEqualTo("emptied");
            assertThat(oid(db)).as("same database, not recreated").isEqualTo(oid);
            assertThat(single(db, "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%')"
                    + " + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public')"
                    + " + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public')"
                    + " + (SELECT count(*) FROM pg_namespace WHERE nspname = 'app')")).isEqualTo("0");
        }
    }

    /**
     * A login role of this run ({@code tg_..._<random>}) made the owner of the test's database; closing drops the test's
     * databases (which it owns), then the role.
     */
    private final class OwnerRole implements AutoCloseable {

        final String name;

        OwnerRole(DatabaseTarget db, String namePrefix, String options) throws Exception {
            name = namePrefix + UUID.randomUUID().toString().substring(0, 8);
            PgTestDb.exec(PgTestDb.target("postgres"), "CREATE ROLE " + name + " " + options,
                    "ALTER DATABASE " + db.databaseName() + " OWNER TO " + name);
        }

        DatabaseTarget loggedInTo(DatabaseTarget db) {
            return new DatabaseTarget(db.url(), new Credentials(name, null));
        }

        @Override
        public void close() throws Exception {
            dropAll();
            PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE " + name);
        }
    }

    private static String owner(DatabaseTarget db) throws Exception {
        return single(db, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()");
    }

    private static String oid(DatabaseTarget db) throws Exception {
        return single(db, "SELECT oid::text FROM pg_database WHERE datname = current_database()");
    }

    static String single(DatabaseTarget db, String sql) throws Exception {
        try (var c = dev.testguard.db.Connections.open(db, java.time.Duration.ofSeconds(5)); var st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
