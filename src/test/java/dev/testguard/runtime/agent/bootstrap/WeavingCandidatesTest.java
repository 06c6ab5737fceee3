package dev.testguard.runtime.agent.bootstrap;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class WeavingCandidatesTest {

    /** What Weaving's advice is applied to, by method alone (the type matchers only narrow it further). */
    private static final ElementMatcher<MethodDescription> WOVEN_METHOD = not(isAbstract()).and(
            named("connect").and(takesArguments(2)).and(takesArgument(0, String.class))
                    .and(takesArgument(1, Properties.class))
                    .or(namedOneOf("getConnection", "getXAConnection", "getPooledConnection").and(not(isStatic())))
                    .or(named("setUrl").or(isConstructor()).and(not(isStatic())).and(takesArguments(String.class))
                            .or(named("config").and(not(isStatic())).and(takesArguments(0)))
                            .and(m -> m.getDeclaringType().getTypeName().startsWith("org.mariadb.jdbc.MariaDb")
                                    && m.getDeclaringType().getTypeName().endsWith("DataSource"))));

    /** PGSimpleDataSource is not among them: it inherits BaseDataSource's getConnection, which is woven there. */
    @Test
    void driversDataSourcesAndPoolsAreCandidates() throws Exception {
        for (String name : List.of("org.postgresql.Driver",
                "org.postgresql.ds.common.BaseDataSource", "com.mysql.cj.jdbc.NonRegisteringDriver",
                "com.mysql.cj.jdbc.MysqlDataSource", "org.mariadb.jdbc.Driver", "org.mariadb.jdbc.MariaDbDataSource",
                "org.mariadb.jdbc.MariaDbPoolDataSource", "com.zaxxer.hikari.util.DriverDataSource", "org.h2.Driver",
                "org.sqlite.JDBC")) {
            assertThat(WeavingCandidates.mayNeedWeaving(name.replace('.', '/'), bytesOf(name))).as(name).isTrue();
        }
        assertThat(WeavingCandidates.mayNeedWeaving(WeavingCandidates.R2DBC_FACTORIES, new byte[0])).isTrue();
        for (String urlMasked : List.of("org/mariadb/jdbc/MariaDbDataSource",
                "org/mariadb/jdbc/MariaDbPoolDataSource")) {
            assertThat(WeavingCandidates.mayNeedWeaving(urlMasked, bytesOf(SetUrlOnly.class.getName()))).as(urlMasked)
                    .isTrue();
        }
        assertThat(WeavingCandidates.mayNeedWeaving(SetUrlOnly.class.getName().replace('.', '/'),
                bytesOf(SetUrlOnly.class.getName()))).as("setUrl of another class").isFalse();
    }

    /** Their borrows run unwoven; their physical connections open through a woven driver or data source. */
    @Test
    void theUnwovenPoolsAreNotCandidates() throws Exception {
        for (String name : WovenTypes.UNWOVEN_POOLS) {
            assertThat(WeavingCandidates.mayNeedWeaving(name.replace('.', '/'), bytesOf(name))).as(name).isFalse();
        }
        assertThat(WovenTypes.UNWOVEN_POOLS).containsExactly("com.zaxxer.hikari.HikariDataSource",
                "com.zaxxer.hikari.pool.HikariPool", "org.apache.commons.dbcp2.BasicDataSource",
                "org.apache.commons.dbcp2.PoolingDataSource");
    }

    @Test
    void aClassThatOnlyCallsGetConnectionOrDeclaresItStaticOrAbstractIsNot() throws Exception {
        for (Class<?> type : List.of(CallsGetConnection.class, StaticGetConnection.class, AbstractDataSource.class,
                ConnectReturningInt.class, String.class)) {
            assertThat(WeavingCandidates.mayNeedWeaving(type.getName().replace('.', '/'), bytesOf(type.getName())))
                    .as(type.getName()).isFalse();
        }
    }

    @Test
    void anUnreadableClassFileIsACandidate() throws Exception {
        byte[] driver = bytesOf("org.postgresql.Driver");
        assertThat(WeavingCandidates.mayNeedWeaving("x/Truncated", Arrays.copyOf(driver, driver.length / 2))).isTrue();
        assertThat(WeavingCandidates.mayNeedWeaving("x/Empty", new byte[0])).isTrue();
        byte[] badTag = bytesOf(CallsGetConnection.class.getName());
        badTag[10] = 99; // the first constant's tag
        assertThat(WeavingCandidates.mayNeedWeaving("x/BadTag", badTag)).isTrue();
    }

    /** Every class of the real drivers and pools that declares a woven method passes the filter, but the unwoven pools. */
    @Test
    void neverRejectsAClassWhoseDeclaredMethodsWeavingWouldChange() throws Exception {
        int woven = 0;
        int classes = 0;
        for (String name : List.of("org.postgresql.Driver", "com.mysql.cj.jdbc.Driver", "org.mariadb.jdbc.Driver",
                "com.zaxxer.hikari.HikariDataSource", "org.h2.Driver", "org.sqlite.JDBC")) {
            Path jar = Path.of(Class.forName(name).getProtectionDomain().getCodeSource().getLocation().toURI());
            try (JarFile file = new JarFile(jar.toFile());
                 ClassFileLocator locator = ClassFileLocator.ForJarFile.of(jar.toFile())) {
                TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
                for (JarEntry e : (Iterable<JarEntry>) file.stream()::iterator) {
                    String entry = e.getName();
                    if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("module-info.class")) {
                        continue;
                    }
                    classes++;
                    String internal = entry.substring(0, entry.length() - ".class".length());
                    byte[] bytes;
                    try (InputStream in = file.getInputStream(e)) {
                        bytes = in.readAllBytes();
                    }
                    TypeDescription type = pool.describe(internal.replace('/', '.')).resolve();
                    boolean declaresWoven = !type.getDeclaredMethods().filter(WOVEN_METHOD).isEmpty()
                            && !WovenTypes.UNWOVEN_POOLS_INTERNAL.contains(internal);
                    if (declaresWoven) {
                        woven++;
                        assertThat(WeavingCandidates.mayNeedWeaving(internal, bytes)).as(internal).isTrue();
                    } else {
                        assertThat(WeavingCandidates.mayNeedWeaving(internal, bytes)).as(internal).isFalse();
                    }
                }
            }
        }
        assertThat(classes).isGreaterThan(3000);
        assertThat(woven).isGreaterThan(20);
    }

    private static byte[] bytesOf(String className) throws Exception {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalArgumentException("no class file for " + className);
            }
            return in.readAllBytes();
        }
    }

    static final class CallsGetConnection {
        Connection open(javax.sql.DataSource ds) throws Exception {
            return ds.getConnection();
        }
    }

    static final class StaticGetConnection {
        static Connection getConnection() {
            return null;
        }
    }

    abstract static class AbstractDataSource implements javax.sql.DataSource {
        @Override
        public abstract Connection getConnection();
    }

    static final class ConnectReturningInt {
        int connect(String url, Properties info) {
            return 0;
        }
    }

    /** A setUrl(String) and (String) constructor: woven in MariaDB's data sources only. */
    static final class SetUrlOnly {
        SetUrlOnly(String url) {
        }

        public void setUrl(String url) {
        }
    }
}
