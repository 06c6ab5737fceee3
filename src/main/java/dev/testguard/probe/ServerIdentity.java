package dev.testguard.probe;

/**
 * Who a database really is, independent of the host name used to reach it: a server identifier
 * (PostgreSQL system identifier plus port, MySQL server_uuid...) plus the database name.
 */
public record ServerIdentity(String serverId, String database) {

    public boolean sameDatabaseAs(ServerIdentity other) {
        return other != null && serverId.equals(other.serverId) && database.equals(other.database);
    }

    @Override
    public String toString() {
        return database + "@" + serverId;
    }
}
