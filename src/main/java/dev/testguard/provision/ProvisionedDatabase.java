package dev.testguard.provision;

import java.time.Instant;

/**
 * One database this build created.
 *
 * @param name      the database name on the provision server
 * @param server    the provision server, masked (for messages only: credentials come from the configuration)
 * @param createdAt when it was created
 * @param fork      the Surefire fork number it is meant for (1 when there is one fork)
 * @param token     the random token written into the database when it was created: release drops it only when the
 *                  database still holds this token (null in registries of older versions: never dropped)
 */
public record ProvisionedDatabase(String name, String server, Instant createdAt, int fork, String token) {
}
