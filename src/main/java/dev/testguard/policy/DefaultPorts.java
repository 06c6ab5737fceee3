package dev.testguard.policy;

import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.Vendor;

/** The port each vendor's driver uses when the URL names none. */
public final class DefaultPorts {

    private DefaultPorts() {
    }

    /** The vendor's default server port, or null when there is none we know of. */
    public static Integer of(Vendor vendor) {
        return switch (vendor) {
            case POSTGRESQL -> 5432;
            case MYSQL, MARIADB -> 3306;
            case SQLSERVER -> 1433;
            case ORACLE -> 1521;
            case DERBY -> 1527;
            case HSQLDB -> 9001;
            case H2 -> 9092;
            default -> null;
        };
    }

    /** The port the driver really connects to. */
    public static Integer effective(HostPort hostPort, Vendor vendor) {
        return hostPort != null && hostPort.port() != null ? hostPort.port() : of(vendor);
    }

    /** The host with the port the driver really connects to filled in (unchanged when the vendor has no default). */
    public static HostPort filledIn(HostPort hostPort, Vendor vendor) {
        Integer port = effective(hostPort, vendor);
        return hostPort.port() != null || port == null ? hostPort : new HostPort(hostPort.host(), port);
    }
}
