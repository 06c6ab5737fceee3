package dev.testguard.backup.postgres;

import dev.testguard.backup.BackupException;
import dev.testguard.db.PostgresAdmin;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * pg_dump reads every table, sequence and schema. Run by a role that may not, it fails as "could not import the
 * requested snapshot" (the row counts beside it hit the denial first and end the snapshot's transaction), which
 * says nothing useful. Checked in the snapshot's transaction before the counts instead (beside pg_dump, which the
 * engine then stops), naming what is denied and the GRANT that fixes it.
 */
final class PgReadPermissions {

    private static final int LISTED = 5;

    private PgReadPermissions() {
    }

    static void check(Connection c, String maskedUrl) throws SQLException, BackupException {
        List<String> denied = PostgresAdmin.unreadableByCurrentRole(c);
        if (denied.isEmpty()) {
            return;
        }
        String role;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT quote_ident(current_user)")) {
            rs.next();
            role = rs.getString(1);
        }
        throw new BackupException(message(maskedUrl, role, denied));
    }

    static String message(String maskedUrl, String role, List<String> denied) {
        String first = denied.get(0);
        StringBuilder sb = new StringBuilder("cannot back up ").append(maskedUrl).append(": permission denied on ")
                .append(first).append(" for role ").append(role);
        if (denied.size() > 1) {
            sb.append(" (and on ").append(String.join(", ", denied.subList(1, Math.min(denied.size(), LISTED))))
                    .append(denied.size() > LISTED ? ", ... " + (denied.size() - LISTED) + " more" : "").append(')');
        }
        sb.append("; pg_dump must read all of it. Fix: as the owner or a superuser run ").append(grant(first, role));
        String schema = schemaOf(first);
        if (denied.size() > 1 && !first.startsWith("schema ")) {
            sb.append(" (or for the whole schema: GRANT SELECT ON ALL TABLES IN SCHEMA ").append(schema)
                    .append(" TO ").append(role).append("; GRANT SELECT ON ALL SEQUENCES IN SCHEMA ").append(schema)
                    .append(" TO ").append(role).append(";)");
        }
        return sb.append(", or back up as a role that can read everything (-Dtestguard.username=...).").toString();
    }

    private static String grant(String denied, String role) {
        int space = denied.indexOf(' ');
        String kind = denied.substring(0, space);
        String name = denied.substring(space + 1);
        return switch (kind) {
            case "schema" -> "GRANT USAGE ON SCHEMA " + name + " TO " + role + ";";
            case "sequence" -> "GRANT SELECT ON SEQUENCE " + name + " TO " + role + ";";
            default -> "GRANT SELECT ON TABLE " + name + " TO " + role + ";";
        };
    }

    private static String schemaOf(String denied) {
        String name = denied.substring(denied.indexOf(' ') + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
