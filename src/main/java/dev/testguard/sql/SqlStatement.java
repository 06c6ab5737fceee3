package dev.testguard.sql;

/**
 * One statement of a script.
 *
 * @param sql  the statement without its delimiter
 * @param line the 1-based line of the script it starts on
 */
public record SqlStatement(String sql, int line) {
}
