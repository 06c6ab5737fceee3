package dev.testguard.runtime.agent;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isExtensionClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.testguard.runtime.judge.ConnectionLog;
import java.lang.instrument.ClassFileTransformer;
import java.util.Properties;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The Byte Buddy half of the runtime guard: the transformer that inlines the advice into drivers, data sources,
 * pooled connections, R2DBC's {@code ConnectionFactories} and every R2DBC connection factory's {@code create()} (no
 * class format change, so already loaded classes can be retransformed). Built when the bootstrap agent's
 * {@code GuardGate} first meets a class that may need it, so a test JVM that never loads a driver or data source never
 * loads Byte Buddy.
 */
final class Weaving {

    private static final String SHADED = "dev.testguard.shaded.";
    private static final String R2DBC_ADVICE = "dev.testguard.runtime.agent.R2dbcAdvice";

    private Weaving() {
    }

    /** The transformer; called on the first candidate class, possibly from inside another class's loading. */
    static ClassFileTransformer transformer(ConnectionLog log) {
        return agentBuilder(log).makeRaw();
    }

    static AgentBuilder agentBuilder(ConnectionLog log) {
        ClassLoader guardLoader = Weaving.class.getClassLoader();
        return withoutNexus()
                .disableClassFormatChanges()
                // the advice is all the guard adds: decorating skips the method graph redefinition computes
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new WeavingErrors(log))
                .ignore(any(), isBootstrapClassLoader().or(isExtensionClassLoader()).or(is(guardLoader)))
                .or(nameStartsWith("dev.testguard.").or(nameStartsWith("net.bytebuddy."))
                        .or(nameStartsWith(SHADED)).or(nameStartsWith("java.")).or(nameStartsWith("jdk."))
                        .or(nameStartsWith("sun.")).or(isSynthetic()))
                .type(not(isInterface()).and(hasSuperType(named("java.sql.Driver"))))
                .transform((builder, type, loader, module, domain) -> builder.visit(driverConnect())
                        .visit(mariadbConfiguredConnect()))
                // PooledConnection/XAConnection#getConnection: a pooled connection a data source opened without
                // Driver.connect (MariaDB's getPooledConnection) is judged when a handle is taken from it
                .type(not(isInterface()).and(hasSuperType(namedOneOf("javax.sql.DataSource",
                        "javax.sql.XADataSource", "javax.sql.ConnectionPoolDataSource", "javax.sql.PooledConnection"))))
                .transform((builder, type, loader, module, domain) -> builder.visit(dataSourceGet()))
                .type(named("io.r2dbc.spi.ConnectionFactories"))
                .transform((builder, type, loader, module, domain) -> builder.visit(r2dbcFind()))
                // a factory built directly (new PostgresqlConnectionFactory(...)) is judged when it connects
                .type(not(isInterface()).and(hasSuperType(named("io.r2dbc.spi.ConnectionFactory"))))
                .transform((builder, type, loader, module, domain) -> builder.visit(r2dbcCreate()));
    }

    /**
     * A default AgentBuilder prepares Byte Buddy's Nexus (class injection through {@code sun.misc.Unsafe}), which
     * JDK 24+ warns about on stderr. Inlined advice with no class format change never needs it: the builder is
     * created with Nexus disabled, and the property is put back at once so the tests' own Byte Buddy never sees it
     * (relocated, the property name is the shaded one anyway).
     */
    private static AgentBuilder withoutNexus() {
        String before = System.getProperty(Nexus.PROPERTY);
        System.setProperty(Nexus.PROPERTY, "true");
        try {
            return new AgentBuilder.Default();
        } finally {
            if (before == null) {
                System.clearProperty(Nexus.PROPERTY);
            } else {
                System.setProperty(Nexus.PROPERTY, before);
            }
        }
    }

    private static AsmVisitorWrapper driverConnect() {
        ElementMatcher<MethodDescription> connect = named("connect").and(not(isAbstract())).and(takesArguments(2))
                .and(takesArgument(0, String.class)).and(takesArgument(1, Properties.class))
                .and(returns(hasSuperType(named("java.sql.Connection"))));
        return Advice.to(DriverConnectAdvice.class).on(connect);
    }

    /** MariaDB Connector/J's data sources and pools open through its static {@code connect(Configuration)}. */
    private static AsmVisitorWrapper mariadbConfiguredConnect() {
        ElementMatcher<MethodDescription> connect = named("connect").and(isStatic()).and(takesArguments(1))
                .and(takesArgument(0, named("org.mariadb.jdbc.Configuration")))
                .and(returns(hasSuperType(named("java.sql.Connection"))));
        return Advice.to(MariadbConnectAdvice.class, DriverConnectAdvice.class).on(connect);
    }

    private static AsmVisitorWrapper dataSourceGet() {
        ElementMatcher<MethodDescription> get = namedOneOf("getConnection", "getXAConnection", "getPooledConnection")
                .and(not(isAbstract())).and(not(isStatic()));
        return Advice.to(DataSourceAdvice.class).on(get);
    }

    private static AsmVisitorWrapper r2dbcFind() {
        // described from its class file, never loaded: the guard's loader has no R2DBC classes to verify it with
        ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(Weaving.class.getClassLoader());
        TypeDescription advice = TypePool.Default.of(locator).describe(R2DBC_ADVICE).resolve();
        return Advice.to(advice, locator).on(named("find").and(isStatic()).and(takesArguments(1)));
    }

    private static AsmVisitorWrapper r2dbcCreate() {
        return Advice.to(R2dbcCreateAdvice.class).on(named("create").and(takesArguments(0)).and(not(isAbstract()))
                .and(not(isStatic())).and(not(isBridge())));
    }

    /** A class that should be woven and could not be: recorded as an error, which fails the build after the tests. */
    private static final class WeavingErrors extends AgentBuilder.Listener.Adapter {

        private final ConnectionLog log;

        WeavingErrors(ConnectionLog log) {
            this.log = log;
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                Throwable throwable) {
            if (String.valueOf(throwable.getMessage()).startsWith("Cannot resolve type description")) {
                return; // a class whose hierarchy is incomplete cannot be a driver the tests use
            }
            log.weavingError(typeName + ": " + throwable);
        }
    }

}
