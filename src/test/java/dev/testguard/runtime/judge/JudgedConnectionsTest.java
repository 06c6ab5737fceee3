package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judged physical connections: found by identity, through a wrapper's unwrap, or by a wrapper's equals. */
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
