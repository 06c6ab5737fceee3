package dev.testguard.runtime.agent.bootstrap;

import java.util.Map;
import java.util.Properties;

/**
 * What the woven advice asks the isolated guard, through {@link Bridge}. Loaded by the bootstrap loader, so it names
 * java.base types only: {@code java.sql} lives in the platform loader, which the bootstrap loader cannot see. A
 * refusal is returned or thrown as the {@code java.sql.SQLException} the caller gets.
 */
public interface ConnectionHooks {

    /**
     * Before {@code driver.connect(url, info)} opens a socket: the static rules.
     *
     * @return a scope handed back to {@link #afterDriverConnect}
     * @throws Exception the refusal ({@code SQLException}, SQLState 28000)
     */
    Object beforeDriverConnect(Object driver, String url, Properties info) throws Exception;

    /**
     * Before MariaDB Connector/J's static {@code Driver.connect(Configuration)} (its data sources and pools) opens a
     * socket: the static rules over the configuration, as the driver reads it.
     *
     * @return a scope handed back to {@link #afterDriverConnect}
     * @throws Exception the refusal ({@code SQLException}, SQLState 28000)
     */
    Object beforeConfiguredConnect(Object configuration) throws Exception;

    /**
     * After {@code connect} returned {@code connection} (null: the driver did not accept the URL) or threw
     * {@code thrown}: the live rules over the opened connection.
     *
     * @return the connection the caller gets
     * @throws Exception the refusal (the connection is closed by then)
     */
    Object afterDriverConnect(Object scope, Object connection, Throwable thrown) throws Exception;

    /** A {@code getConnection*}, {@code getXAConnection*} or {@code getPooledConnection*} of a data source starts. */
    Object enterDataSource(Object dataSource);

    /**
     * The data source call returned: judged by the connection's metadata unless a judgement ran on this thread
     * during the call (the data source went through {@code Driver.connect}).
     */
    Object exitDataSource(Object scope, Object connection, Throwable thrown) throws Exception;

    /**
     * R2DBC {@code ConnectionFactories.get/find} created {@code factory}: the static rules over the options, and the
     * live rules over a short JDBC connection to the same database when {@code loader} has the JDBC driver, else
     * over a short R2DBC connection of {@code factory} itself.
     *
     * @param options driver, protocol, host, port, database, user, password (absent keys: not set)
     * @param loader  the class loader of R2DBC's {@code ConnectionFactories}
     * @param factory the {@code io.r2dbc.spi.ConnectionFactory} about to be handed out
     * @return the refusal message, or null when the connection factory may be handed out
     */
    String judgeR2dbc(Map<String, String> options, ClassLoader loader, Object factory);

    /**
     * {@code factory.create()} returned {@code publisher}: judged once per factory (one {@code ConnectionFactories}
     * judged already keeps that verdict; any other is judged by the target its configuration names).
     *
     * @param returnType the binary name of the woven method's return type
     * @return {@code publisher}, or one of {@code returnType} that signals the refusal
     */
    Object r2dbcCreate(Object factory, Object publisher, String returnType) throws Exception;

    /**
     * {@code setUrl(url)} or the {@code (String url)} constructor of a MariaDB data source threw {@code thrown}.
     *
     * @return the exception to throw instead: {@code thrown} itself when it shows no secret of the URL, else a copy
     *         whose message (and cause chain) shows none
     */
    Throwable urlRejected(String url, Throwable thrown);
}
