package dev.testguard.provision;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The databases this build provisioned, in {@code target/testguard/provisioned.json}, read by {@code release}
 * (possibly in another mvn run). Every change is a read-modify-write under an OS lock on the sibling
 * {@code provisioned.json.lock} (and a monitor, for threads of one JVM), so builds that provision at once keep every
 * entry; the file is written under a temporary name, forced to disk and renamed, so a crash never leaves half a file.
 */
public final class ProvisionRegistry {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ConcurrentHashMap<Path, Object> IN_THIS_JVM = new ConcurrentHashMap<>();

    private record Entry(String name, String server, String createdAt, int fork, String token) {
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
            return entries.stream().map(e -> new ProvisionedDatabase(e.name(), e.server(), Instant.parse(e.createdAt()),
                    e.fork(), e.token())).toList();
        } catch (IOException | RuntimeException e) {
            throw new ProvisionException("testguard cannot read " + file + ": " + e.getMessage()
                    + ". Delete it; databases it listed are cleaned by the next provision once older than leftoverAge.", e);
        }
    }

    public void add(Collection<ProvisionedDatabase> databases) throws ProvisionException {
        update(all -> all.addAll(databases));
    }

    public void remove(Set<String> names) throws ProvisionException {
        update(all -> all.removeIf(d -> names.contains(d.name())));
    }

    private void update(Consumer<List<ProvisionedDatabase>> change) throws ProvisionException {
        Path lockFile = file.toAbsolutePath().normalize().resolveSibling(file.getFileName() + ".lock");
        synchronized (IN_THIS_JVM.computeIfAbsent(lockFile, f -> new Object())) {
            try {
                Files.createDirectories(lockFile.getParent());
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock lock = channel.lock()) {
                    List<ProvisionedDatabase> all = new ArrayList<>(read());
                    change.accept(all);
                    write(all);
                }
            } catch (IOException e) {
                throw new ProvisionException("testguard cannot update " + file + ": " + e.getMessage()
                        + ". Check that the build directory is writable.", e);
            }
        }
    }

    private void write(List<ProvisionedDatabase> databases) throws IOException {
        byte[] json = JSON.writeValueAsBytes(databases.stream()
                .map(d -> new Entry(d.name(), d.server(), d.createdAt().toString(), d.fork(), d.token())).toList());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(json);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
