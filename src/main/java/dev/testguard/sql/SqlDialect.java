package dev.testguard.sql;

import dev.testguard.jdbc.Vendor;

/** How a vendor's client splits scripts: quoting, comments and statement delimiters differ. */
public enum SqlDialect {
    /** Backslash escapes, backticks, {@code #} comments, {@code DELIMITER} lines. */
    MYSQL,
    /** Dollar quoting, {@code E'...'} escapes, nested block comments. */
    POSTGRESQL,
    /** H2: standard quoting plus {@code $$ ... $$} bodies. */
    H2,
    /** Standard quoting; {@code CREATE TRIGGER ... BEGIN ...; END} stays one statement. */
    SQLITE;

    public static SqlDialect of(Vendor vendor) {
        switch (vendor) {
            case MYSQL:
            case MARIADB:
                return MYSQL;
            case POSTGRESQL:
                return POSTGRESQL;
            case SQLITE:
                return SQLITE;
            default:
                return H2;
        }
    }
}
