package dev.testguard.backup;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.SafetyCopy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Safety copies kept on the server: marked by the vendor's own marker (PostgreSQL's database setting, MySQL's marker
 * table) or by testguard's record of them in the backup store ({@link SafetyCopyMarks}, name and oid). Before a copy is
 * dropped it is listed again: one whose oid changed since (a look-alike made under the same name) is never dropped.
 */
final class ServerSafetyCopies implements SafetyCopyPlace {

    private final DatabaseAdmin admin;
    private final SafetyCopyMarks marks;
    private final String server;
    private String database;

    /** {@code marks}: null to trust the vendor's marker alone. */
    ServerSafetyCopies(DatabaseAdmin admin, SafetyCopyMarks marks, String server) {
        this.admin = admin;
        this.marks = marks;
        this.server = server;
    }

    @Override
    public List<SafetyCopy> list(String database) throws SQLException, BackupException {
        this.database = database;
        List<SafetyCopy> listed = admin.safetyCopies(database);
        if (marks == null) {
            return listed;
        }
        marks.forgetGone(server, database, listed);
        List<SafetyCopy> out = new ArrayList<>();
        for (SafetyCopy c : listed) {
            Optional<SafetyCopyMarks.Mark> mark = c.marked() ? Optional.empty() : marks.find(server, database, c);
            out.add(mark.map(m -> c.markedAt(m.madeAtMillis())).orElse(c));
        }
        return out;
    }

    @Override
    public void drop(SafetyCopy copy) throws SQLException, BackupException {
        Optional<SafetyCopy> now = admin.safetyCopies(database).stream().filter(c -> c.name().equals(copy.name())).findFirst();
        if (now.isPresent() && now.get().oid() != copy.oid()) {
            throw new SQLException("'" + copy.name() + "' is not the copy that was listed (its oid changed from " + copy.oid()
                    + " to " + now.get().oid() + "): another database took its name, and is never dropped");
        }
        Optional<SafetyCopyMarks.Mark> mark = marks == null ? Optional.empty() : marks.find(server, database, copy);
        if (now.isPresent()) {
            admin.drop(copy.name());
        }
        if (mark.isPresent()) {
            marks.remove(mark.get());
        }
    }

    @Override
    public String dropStatement(SafetyCopy copy) {
        return admin.dropStatement(copy.name());
    }

    @Override
    public String byHand() {
        return "run in the database client:";
    }
}
