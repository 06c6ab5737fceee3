package dev.testguard.provision;

import java.time.Instant;

/**
 * One database this build created.
 *
 * @param name      the database name on the provision server
 * @param server    the provision server, masked (for messages only: credentials come from the configuration)
 * @param createdAt when it was created
 * @param fork      the Surefire fork number it is meant for (1 when there is one fork)
 */
public record ProvisionedDatabase(String name, String server, Instant createdAt, int fork) {
}
