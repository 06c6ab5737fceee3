package dev.testguard.backup.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A database exercising what a faithful dump must keep: every awkward type, object kind and byte. */
final class SampleSchema {

    static final String NASTY = "it's \"quoted\" \\ back\\slash\nnew\rline\ttab \0 nul \u001A ctrl-Z"
            + " ;; DELIMITER $$ {fn now()} {d '2020-01-01'} -- not a comment /* nor this */ # nor this";
    static final String UNICODE = "emoji 😀🎉👩‍👩‍👧 CJK 漢字テスト한국어 accents éàü ß Ωμ";

    private SampleSchema() {
    }

    static void create(Connection c, int bulkRows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE parent (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                    + " UNIQUE KEY uk_name (name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            st.execute("CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, msg VARCHAR(300)) ENGINE=InnoDB");
            st.execute("CREATE TABLE child (id BIGINT AUTO_INCREMENT PRIMARY KEY, parent_id INT, note TEXT,"
                    + " amount DECIMAL(30,10), price DOUBLE, ratio FLOAT, d DATE, dt DATETIME(6), ts TIMESTAMP(3) NULL,"
                    + " t TIME(2), y YEAR, flag TINYINT(1), bits BIT(10), big BIGINT UNSIGNED, data BLOB,"
                    + " bin VARBINARY(300), fixed BINARY(4), e ENUM('a','b c'), s SET('x','y'), doc LONGTEXT,"
                    + " latin VARCHAR(50) CHARACTER SET latin1, twice BIGINT AS (id * 2) VIRTUAL,"
                    + " KEY idx_note (note(20)), KEY idx_amount_d (amount, d),"
                    + " CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE)"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            st.execute("CREATE TABLE bulk (id INT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(400), n INT) ENGINE=InnoDB");
            st.execute("CREATE TABLE empty_one (id INT PRIMARY KEY) ENGINE=InnoDB");
            st.execute("CREATE TRIGGER parent_audit AFTER INSERT ON parent FOR EACH ROW BEGIN"
                    + " INSERT INTO audit (msg) VALUES (CONCAT('new; parent ', NEW.name));"
                    + " INSERT INTO audit (msg) VALUES ('second; statement');"
                    + " END");
            st.execute("CREATE FUNCTION f_double(x INT) RETURNS INT DETERMINISTIC RETURN x * 2");
            st.execute("CREATE PROCEDURE p_count(OUT n INT) BEGIN SELECT COUNT(*) INTO n FROM parent; END");
            st.execute("CREATE VIEW v_child AS SELECT c.id, p.name, f_double(c.id) AS dbl FROM child c JOIN parent p ON p.id = c.parent_id");
            st.execute("CREATE VIEW a_on_view AS SELECT name FROM v_child WHERE id > 1");
            st.execute("INSERT INTO parent (name) VALUES ('alpha'), ('" + UNICODE.replace("'", "''") + "'), ('gamma')");
            st.execute("DELETE FROM parent WHERE name = 'gamma'"); // AUTO_INCREMENT stays past the highest id
        }
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO child (parent_id, note, amount, price, ratio, d, dt,"
                + " ts, t, y, flag, bits, big, data, bin, fixed, e, s, doc, latin)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, b'1010101010', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[][] rows = {
                {1, NASTY, "-12345678901234567890.0123456789", 0.1, 3.14159f, "0001-01-01", "2024-02-29 23:59:59.999999",
                    "2038-01-19 03:14:07.123", "-838:59:59.99", 2155, 1, "18446744073709551615", all, all, new byte[] {0, (byte) 255, 0x27, 0x5c},
                    "b c", "x,y", UNICODE, "café"},
                {2, UNICODE, "0.0000000001", -1.7976931348623157E308, -0.0f, "9999-12-31", "1000-01-01 00:00:00.000001",
                    "1970-01-01 00:00:01.000", "00:00:00", 1901, 0, "0", new byte[0], new byte[0], new byte[] {1, 2, 3, 4},
                    "a", "", "", ""},
                {null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null},
            };
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bulk (label, n) VALUES (?, ?)")) {
            for (int i = 0; i < bulkRows; i++) {
                ps.setString(1, i + " " + "x'\\".repeat(100) + " " + UNICODE);
                ps.setInt(2, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
