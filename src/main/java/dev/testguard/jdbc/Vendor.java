package dev.testguard.jdbc;

/** The database products testguard knows by their JDBC sub-protocol. */
public enum Vendor {
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    MARIADB("mariadb"),
    H2("h2"),
    HSQLDB("hsqldb"),
    DERBY("derby"),
    SQLITE("sqlite"),
    SQLSERVER("sqlserver"),
    ORACLE("oracle"),
    TESTCONTAINERS("tc"),
    UNKNOWN("unknown");

    private final String displayName;

    Vendor(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** MySQL and MariaDB share a wire protocol, tools and catalog: most code treats them as one. */
    public boolean isMysqlFamily() {
        return this == MYSQL || this == MARIADB;
    }
}
