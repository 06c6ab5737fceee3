package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The judged physical connections: found by identity, through a wrapper's unwrap, or by a wrapper's equals; held
 * weakly, their classes too.
 */
class JudgedConnectionsTest {

    private final JudgedConnections judged = new JudgedConnections();

    @Test
    void aJudgedConnectionAndAWrapperThatUnwrapsToItAreRecognised() {
        Connection physical = connection(null, false);
        Decision decision = decision("a");
        judged.put(physical, decision);
        assertThat(judged.of(physical)).isSameAs(decision);
        assertThat(judged.of(connection(physical, false))).isSameAs(decision);
    }

    @Test
    void aWrapperWhoseEqualsNamesTheJudgedConnectionIsRecognisedThoughItUnwrapsToItself() {
        Connection physical = connection(null, false);
        Decision decision = decision("a");
        judged.put(physical, decision);
        assertThat(judged.of(connection(physical, true))).isSameAs(decision);
    }

    @Test
    void aConnectionNeverJudgedIsNotRecognisedNorIsItsWrapper() {
        judged.put(connection(null, false), decision("a"));
        Connection other = connection(null, false);
        assertThat(judged.of(other)).isNull();
        assertThat(judged.of(connection(other, false))).isNull();
    }

    @Test
    void moreConnectionsThanTheCacheHoldsAreEachRecognisedWithTheirOwnDecision() {
        List<Connection> physical = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            physical.add(connection(null, false));
            decisions.add(decision("db" + i));
            judged.put(physical.get(i), decisions.get(i));
        }
        for (int i = 0; i < physical.size(); i++) {
            assertThat(judged.of(connection(physical.get(i), false))).isSameAs(decisions.get(i));
            assertThat(judged.of(physical.get(i))).isSameAs(decisions.get(i));
        }
    }

    /**
     * A test framework that discards a class loader (one per test class or per module) must get its driver classes
     * collected: the guard holds the classes of the connections it judged weakly. Real H2 from a fresh loader, its
     * connection opened and used on a thread of its own (whose thread-locals die with it).
     */
    @Test
    void theDriverClassOfADiscardedClassLoaderIsCollected() throws Exception {
        WeakReference<Class<?>> connectionClass = judgeAConnectionOfAFreshLoader();
        assertThat(judged.of(connection(null, false))).isNull(); // the judged connections are in use still
        for (int i = 0; i < 50 && connectionClass.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(connectionClass.get()).as("the H2 connection class of the discarded loader").isNull();
    }

    private WeakReference<Class<?>> judgeAConnectionOfAFreshLoader() throws Exception {
        URL h2 = org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {h2}, ClassLoader.getPlatformClassLoader())) {
                Class<?> driverClass = Class.forName("org.h2.Driver", true, loader);
                Driver driver = (Driver) driverClass.getDeclaredConstructor().newInstance();
                String url = "jdbc:h2:mem:tg_leak_" + UUID.randomUUID().toString().replace("-", "")
                        + ";DB_CLOSE_ON_EXIT=FALSE";
                try (Connection c = driver.connect(url, new Properties())) {
                    judged.put(c, decision("h2"));
                    assertThat(judged.of(c)).isNotNull();
                    result.set(new WeakReference<Class<?>>(c.getClass()));
                } finally {
                    driverClass.getMethod("unload").invoke(null); // H2 registered itself with DriverManager
                }
            } catch (Exception | AssertionError e) {
                result.set(e);
            }
        }, "tg-discarded-loader");
        thread.start();
        thread.join();
        if (result.get() instanceof Throwable failure) {
            throw new AssertionError("the H2 connection of a fresh class loader could not be judged", failure);
        }
        @SuppressWarnings("unchecked")
        WeakReference<Class<?>> reference = (WeakReference<Class<?>>) result.get();
        return reference;
    }

    private static Decision decision(String database) {
        return new Decision(null, null, new DatabaseKey("postgresql", "localhost:5432", database, null), database,
                null, null);
    }

    /**
     * A connection; with {@code inner}, a wrapper of it that unwraps to it, or (with {@code equalsInner}) one that
     * unwraps to itself and is equal to it, as Commons DBCP's wrappers are.
     */
    private static Connection connection(Connection inner, boolean equalsInner) {
        return (Connection) Proxy.newProxyInstance(JudgedConnectionsTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, method, args) -> switch (method.getName()) {
                    case "unwrap" -> inner == null || equalsInner ? p : inner;
                    case "equals" -> p == args[0] || equalsInner && inner.equals(args[0]);
                    case "hashCode" -> equalsInner ? inner.hashCode() : System.identityHashCode(p);
                    case "toString" -> "connection";
                    default -> throw new SQLException("not in this test");
                });
    }
}
