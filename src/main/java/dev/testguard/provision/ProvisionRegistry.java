package dev.testguard.provision;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.time.Instant;

/**
 * The databases this build provisioned, in {@code target/testguard/provisioned.json}: written under a temporary
 * name and renamed, so a crash never leaves half a file, and read by {@code release} (possibly in another mvn run).
 */
public final class ProvisionRegistry {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Entry(String name, String server, String createdAt, int fork) {
    }

    private final Path file;

    public ProvisionRegistry(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public List<ProvisionedDatabase> read() throws ProvisionException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() { });
            return entries.stream().map(e -> new ProvisionedDatabase(e.name(), e.server(), Instant.parse(e.createdAt()), e.fork()))
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw new ProvisionException("testguard cannot read " + file + ": " + e.getMessage()
                    + ". Delete it; databases it listed are cleaned by the next provision once older than leftoverAge.", e);
        }
    }

    public void add(Collection<ProvisionedDatabase> databases) throws ProvisionException {
        List<ProvisionedDatabase> all = new ArrayList<>(read());
        all.addAll(databases);
        write(all);
    }

    public void remove(Set<String> names) throws ProvisionException {
        List<ProvisionedDatabase> left = new ArrayList<>(read());
        left.removeIf(d -> names.contains(d.name()));
        write(left);
    }

    private void write(List<ProvisionedDatabase> databases) throws ProvisionException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            JSON.writeValue(tmp.toFile(), databases.stream()
                    .map(d -> new Entry(d.name(), d.server(), d.createdAt().toString(), d.fork())).toList());
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ProvisionException("testguard cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
