package dev.testguard.backup;

import dev.testguard.db.Queries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Per-table content checksums, independent of the rows' physical order, so that a table restored into
 * another database on the same server checksums the same as the table that was dumped.
 * Only tables of at most {@link #MAX_ROWS} rows get one: above that, reading every row costs more than a
 * backup should ("where cheap"); those tables are verified by row count alone.
 * <p>The value names its algorithm by its prefix, and a manifest's values are verified with the algorithm they name,
 * so manifests written before a change of algorithm stay verifiable ({@link #matching}):
 * <ul>
 *   <li>{@code pg-hashsum:<rows>:<sum>} (PostgreSQL 11 and later, since issue 10): the row count and the exact
 *   ({@code numeric}) sum of {@code hashtextextended(row::text, 0)}, computed on the server in one pass without a
 *   sort. A changed row changes the sum unless the two 64-bit hashes collide; duplicate rows each add their hash, so
 *   a row changed into a copy of another still changes it.</li>
 *   <li>{@code pg-md5:<md5>} (PostgreSQL before 11, and every PostgreSQL manifest written before issue 10): {@code md5}
 *   of the sorted {@code md5(row::text)}.</li>
 *   <li>{@code row-sha256:<sha256>} (MySQL/MariaDB, H2, SQLite): the rows read over JDBC and hashed here (SHA-256 of
 *   the sorted SHA-256 of each row's column values).</li>
 * </ul>
 */
public final class TableChecksums {

    public static final long MAX_ROWS = 100_000;
    static final String PG_HASHSUM = "pg-hashsum:";
    static final String PG_MD5 = "pg-md5:";
    static final String ROW_SHA256 = "row-sha256:";

    private TableChecksums() {
    }

    /** Checksums of the tables in {@code rowCounts} with at most {@link #MAX_ROWS} rows, over {@code c} (and its snapshot). */
    public static Map<String, String> forSmallTables(Connection c, Map<String, Long> rowCounts) throws SQLException {
        List<String> small = rowCounts.entrySet().stream().filter(e -> e.getValue() <= MAX_ROWS).map(Map.Entry::getKey).toList();
        return of(c, small);
    }

    /**
     * Checksums of {@code tables} with this server's current algorithm, keyed as in the row counts ({@code schema.table}
     * or {@code table}); a missing table has none.
     */
    public static Map<String, String> of(Connection c, Collection<String> tables) throws SQLException {
        return of(c, tables, table -> null);
    }

    /**
     * Checksums of the tables in {@code expected} (a manifest's), each with the algorithm its expected value names, so
     * that a manifest of any earlier format is verified as it was written; a missing table has none.
     */
    public static Map<String, String> matching(Connection c, Map<String, String> expected) throws SQLException {
        return of(c, expected.keySet(), expected::get);
    }

    private static Map<String, String> of(Connection c, Collection<String> tables, Function<String, String> expected)
            throws SQLException {
        Dialect d = Dialect.of(c);
        d.prepare(c);
        Map<String, String> out = new TreeMap<>();
        for (String table : tables) {
            if (exists(c, d, table)) {
                out.put(table, checksum(c, d.algorithm(c, expected.apply(table)), d.qualified(table)));
            }
        }
        return out;
    }

    private static String checksum(Connection c, String algorithm, String qualified) throws SQLException {
        return switch (algorithm) {
            case PG_HASHSUM -> PG_HASHSUM + Queries.firstValue(c, "SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0)"
                    + " FROM " + qualified + " t");
            case PG_MD5 -> PG_MD5 + Queries.firstValue(c, "SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), ''))"
                    + " FROM " + qualified + " t");
            default -> rowSha256(c, qualified);
        };
    }

    /** The tables whose checksum differs (including those missing on the actual side); sorted. */
    public static List<String> mismatches(Map<String, String> expected, Map<String, String> actual) {
        return expected.entrySet().stream().filter(e -> !e.getValue().equals(actual.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static boolean exists(Connection c, Dialect d, String table) throws SQLException {
        // a savepoint-free probe: the metadata, not a failing SELECT that would abort a PostgreSQL transaction
        String schema = null;
        String name = table;
        int dot = table.indexOf('.');
        if (d != Dialect.MYSQL && d != Dialect.SQLITE && dot > 0) {
            schema = table.substring(0, dot);
            name = table.substring(dot + 1);
        }
        String catalog = d == Dialect.MYSQL ? c.getCatalog() : null;
        try (ResultSet rs = c.getMetaData().getTables(catalog, schema, name, null)) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rowSha256(Connection c, String qualified) throws SQLException {
        List<byte[]> rows = new ArrayList<>();
        MessageDigest md = sha256();
        try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + qualified)) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                boolean[] binary = new boolean[n + 1];
                for (int i = 1; i <= n; i++) {
                    binary[i] = isBinary(meta.getColumnType(i));
                }
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        byte[] v = binary[i] ? rs.getBytes(i) : utf8(rs.getString(i));
                        if (v == null) {
                            md.update((byte) 0);
                        } else {
                            md.update((byte) 1);
                            md.update(Integer.toString(v.length).getBytes(StandardCharsets.US_ASCII));
                            md.update((byte) ':');
                            md.update(v);
                        }
                    }
                    rows.add(md.digest());
                }
            }
        }
        rows.sort(Arrays::compareUnsigned);
        for (byte[] r : rows) {
            md.update(r);
        }
        return ROW_SHA256 + HexFormat.of().formatHex(md.digest());
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isBinary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private enum Dialect {
        POSTGRES, MYSQL, H2, SQLITE;

        static Dialect of(Connection c) throws SQLException {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGRES;
            }
            if (product.contains("mysql") || product.contains("mariadb")) {
                return MYSQL;
            }
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("sqlite")) {
                return SQLITE;
            }
            throw new SQLException("no content checksum for " + product + " databases");
        }

        /**
         * The algorithm {@code expected} names when this dialect computes it (a manifest's value), else this server's
         * current one (an unknown name then simply differs).
         */
        String algorithm(Connection c, String expected) throws SQLException {
            if (this != POSTGRES) {
                return ROW_SHA256;
            }
            if (expected != null && (expected.startsWith(PG_HASHSUM) || expected.startsWith(PG_MD5))) {
                return expected.substring(0, expected.indexOf(':') + 1);
            }
            return c.getMetaData().getDatabaseMajorVersion() >= 11 ? PG_HASHSUM : PG_MD5; // hashtextextended: 11+
        }

        /** The same rendering of values on the side that dumps and the side that verifies. */
        void prepare(Connection c) throws SQLException {
            if (this == MYSQL) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET SESSION time_zone = '+00:00'");
                }
            }
        }

        String qualified(String table) {
            if (this == MYSQL) {
                return "`" + table.replace("`", "``") + "`";
            }
            int dot = table.indexOf('.');
            if (this == SQLITE || dot < 0) {
                return quote(table);
            }
            return quote(table.substring(0, dot)) + "." + quote(table.substring(dot + 1));
        }

        private static String quote(String id) {
            return "\"" + id.replace("\"", "\"\"") + "\"";
        }
    }
}
