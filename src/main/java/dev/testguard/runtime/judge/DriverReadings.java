package dev.testguard.runtime.judge;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The driver's own reading of a URL ({@link DriverView}), by the parser the driver runs first thing in
 * {@code connect}, called reflectively from the driver's class loader: MariaDB Connector/J's
 * {@code Configuration.parse} and PgJDBC's {@code Driver.parseURL}, which open nothing. Other drivers (and versions
 * without these methods) give no reading: the guard's own parser, which follows them, decides alone.
 */
public final class DriverReadings {

    static final String MARIADB = "MariaDB Connector/J";
    private static final String PGJDBC = "PgJDBC";

    private DriverReadings() {
    }

    /** The reading of {@code driver.connect(url, info)}, run only when the guard first meets this spelling. */
    public static DriverView.Reading of(Object driver, String url, Properties info) {
        return new Deferred(driver == null ? null : driver.getClass(), url, info);
    }

    /** A reading run when asked; a class, not lambdas, which the first judgement would spin. */
    private static final class Deferred implements DriverView.Reading {

        private final Class<?> driver;
        private final String url;
        private final Properties info;

        Deferred(Class<?> driver, String url, Properties info) {
            this.driver = driver;
            this.url = url;
            this.info = info;
        }

        @Override
        public DriverView read() throws DriverView.Rejected {
            String name = driver == null ? "" : driver.getName();
            if (name.equals("org.mariadb.jdbc.Driver")) {
                return mariadb(driver.getClassLoader(), url, info);
            }
            return name.equals("org.postgresql.Driver") ? postgres(driver, url, info) : null;
        }
    }

    /**
     * MariaDB Connector/J's {@code org.mariadb.jdbc.Configuration}, which its data sources and pools hand the static
     * {@code Driver.connect(Configuration)}: the URL the driver rebuilds from it and its own reading.
     *
     * @throws ReflectiveOperationException a version of the driver the guard does not know (the caller refuses)
     */
    public static DriverView ofConfiguration(Object configuration) throws ReflectiveOperationException {
        Class<?> c = configuration.getClass();
        List<String> hosts = new ArrayList<>();
        for (Object address : (List<?>) c.getMethod("addresses").invoke(configuration)) {
            hosts.add(address.getClass().getField("host").get(address) + ":"
                    + address.getClass().getField("port").get(address));
        }
        return new DriverView(MARIADB, (String) c.getMethod("database").invoke(configuration), hosts,
                (String) c.getMethod("user").invoke(configuration));
    }

    /** The URL MariaDB Connector/J rebuilds from its configuration (password shown as {@code ***}). */
    public static String urlOfConfiguration(Object configuration) throws ReflectiveOperationException {
        return (String) configuration.getClass().getMethod("initialUrl").invoke(configuration);
    }

    private static DriverView mariadb(ClassLoader loader, String url, Properties info) throws DriverView.Rejected {
        Object configuration;
        try {
            Method parse = Class.forName("org.mariadb.jdbc.Configuration", false, loader)
                    .getMethod("parse", String.class, Properties.class);
            configuration = parse.invoke(null, url, info == null ? new Properties() : info);
            return configuration == null ? null : ofConfiguration(configuration);
        } catch (InvocationTargetException e) {
            throw new DriverView.Rejected(MARIADB, e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null; // another version of the driver: no reading
        }
    }

    private static DriverView postgres(Class<?> driver, String url, Properties info) throws DriverView.Rejected {
        Properties read;
        try {
            read = (Properties) driver.getMethod("parseURL", String.class, Properties.class).invoke(null, url,
                    info == null ? new Properties() : info);
        } catch (InvocationTargetException e) {
            throw new DriverView.Rejected(PGJDBC, e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
        if (read == null) {
            return null; // the driver does not take the URL: connect returns null, opening nothing
        }
        String[] hosts = read.getProperty("PGHOST", "localhost").split(",", -1);
        String[] ports = read.getProperty("PGPORT", "5432").split(",", -1);
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            targets.add(hosts[i] + ":" + (i < ports.length && !ports[i].isEmpty() ? ports[i] : "5432"));
        }
        return new DriverView(PGJDBC, read.getProperty("PGDBNAME"), targets, read.getProperty("user"));
    }
}
