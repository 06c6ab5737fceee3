package dev.testguard.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.testguard.db.SafetyCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * testguard's own record of the safety copies its restores kept on a server (PostgreSQL: the databases renamed aside),
 * in the backup store's {@value #FILE}: a marker every role can write, unlike the database setting that PostgreSQL 15
 * lets only superusers set. Written atomically (temp file, fsync, rename) and only under the store's lock. A copy is
 * testguard's only while both its name and its oid match a record: a database made later under the same name has
 * another oid, and is never taken for one.
 */
final class SafetyCopyMarks {

    static final String FILE = "safety-copies.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<List<Mark>> MARKS = new TypeReference<>() { };

    /** One copy: on {@code server} ({@link SameDatabase#serverKey}), of {@code database}, named {@code copy}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Mark(String server, String database, String copy, long oid, long madeAtMillis) {

        boolean proves(String onServer, String of, SafetyCopy c) {
            return c.oid() != 0 && c.oid() == oid && c.name().equals(copy) && database.equals(of) && server.equals(onServer);
        }
    }

    private final Path file;

    SafetyCopyMarks(BackupStore store) {
        this.file = store.root().resolve(FILE);
    }

    /** The record proving {@code c} a safety copy of {@code database} on {@code server}, if there is one. */
    Optional<Mark> find(String server, String database, SafetyCopy c) throws BackupException {
        return read().stream().filter(m -> m.proves(server, database, c)).findFirst();
    }

    /** Records a copy (replacing any record of the same name on that server). Caller holds the store's lock. */
    void add(Mark mark) throws BackupException {
        List<Mark> marks = new ArrayList<>(read());
        marks.removeIf(m -> m.server().equals(mark.server()) && m.copy().equals(mark.copy()));
        marks.add(mark);
        write(marks);
    }

    /**
     * Forgets the records of {@code database}'s copies on {@code server} that none of {@code listed} (all there are now)
     * matches by name and oid: dropped by hand, or replaced by a look-alike. Caller holds the store's lock.
     */
    void forgetGone(String server, String database, List<SafetyCopy> listed) throws BackupException {
        List<Mark> marks = new ArrayList<>(read());
        if (marks.removeIf(m -> m.server().equals(server) && m.database().equals(database)
                && listed.stream().noneMatch(c -> m.proves(server, database, c)))) {
            write(marks);
        }
    }

    /** Forgets the record of a copy that was dropped. Caller holds the store's lock. */
    void remove(Mark mark) throws BackupException {
        List<Mark> marks = new ArrayList<>(read());
        if (marks.remove(mark)) {
            write(marks);
        }
    }

    List<Mark> read() throws BackupException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Mark> marks = JSON.readValue(file.toFile(), MARKS);
            return marks == null ? List.of() : marks;
        } catch (IOException e) {
            throw new BackupException("cannot read testguard's record of safety copies " + file + ": " + e.getMessage()
                    + ". No safety copy it names is dropped until it is readable again (or deleted: then those copies"
                    + " are only kept, never dropped automatically).", e);
        }
    }

    private void write(List<Mark> marks) throws BackupException {
        try {
            SecureFiles.writeAtomically(file, JSON.writeValueAsBytes(marks));
        } catch (IOException e) {
            throw new BackupException("cannot write testguard's record of safety copies " + file + ": " + e.getMessage(), e);
        }
    }
}
