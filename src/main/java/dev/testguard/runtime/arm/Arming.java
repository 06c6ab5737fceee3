package dev.testguard.runtime.arm;

import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.AgentOptions;
import dev.testguard.runtime.agent.AgentJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Arms the runtime guard for one module: writes the boot jar and the options (a new token) under
 * {@code <build directory>/testguard/agent} and works out the new value of the argLine property.
 */
public final class Arming {

    /** Group ids of the JDBC/R2DBC drivers the plugin brings: never on the guard's class path. */
    public static final Set<String> DRIVER_GROUPS = Set.of("org.postgresql", "com.mysql", "org.mariadb.jdbc",
            "com.h2database", "org.xerial");

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param token   this arming's token (records and fork markers carry it)
     * @param options the options file the agent reads
     * @param argLine the property's new value
     * @param armedAt the options file's time: test reports older than this belong to an earlier build
     */
    public record Armed(String token, Path jar, Path options, Path recordsDirectory, String argLine, Instant armedAt) {
    }

    private Arming() {
    }

    public static Path agentDirectory(Path buildDirectory) {
        return buildDirectory.resolve("testguard").resolve("agent");
    }

    public static Path recordsDirectory(Path buildDirectory) {
        return buildDirectory.resolve("testguard").resolve("runtime");
    }

    /**
     * Writes jar and options and returns the armed state; {@code oldArgLine} is the property's current value,
     * {@code testArguments} the test plugins' own {@code <argLine>}s (null: none; see {@link ArgLine#prepend}).
     */
    public static Armed arm(Path buildDirectory, List<Path> guardClasspath, PolicySettings policy, boolean offline,
            Duration connectTimeout, String oldArgLine, String testArguments) throws IOException {
        Path agentDirectory = agentDirectory(buildDirectory).toAbsolutePath();
        Path jar = AgentJar.write(agentDirectory);
        String token = newToken();
        Path records = recordsDirectory(buildDirectory).toAbsolutePath();
        Path options = agentDirectory.resolve(AgentOptions.FILE_NAME);
        new AgentOptions(token, records, guardClasspath, policy, offline, connectTimeout).write(options);
        Instant armedAt = Files.getLastModifiedTime(options).toInstant();
        return new Armed(token, jar, options, records, ArgLine.prepend(oldArgLine, jar, options, testArguments), armedAt);
    }

    /** The options a previous arming wrote in this build directory (for {@code runtime-check} on its own). */
    public static Armed lastArmed(Path buildDirectory) throws IOException {
        Path options = agentDirectory(buildDirectory).toAbsolutePath().resolve(AgentOptions.FILE_NAME);
        if (!Files.isRegularFile(options)) {
            return null;
        }
        AgentOptions read = AgentOptions.read(options);
        return new Armed(read.token(), options.resolveSibling(AgentJar.FILE_NAME), options, read.recordsDirectory(),
                null, Files.getLastModifiedTime(options).toInstant());
    }

    static String newToken() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
