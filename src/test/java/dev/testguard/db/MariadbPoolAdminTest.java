package dev.testguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrlParser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spares of sets as {@link MariadbPoolAdmin#setMembers} reads them, on the real local MariaDB. */
class MariadbPoolAdminTest {

    private final String run = "tgpooladm" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final DatabaseTarget server = new DatabaseTarget(JdbcUrlParser.parse("jdbc:mariadb://localhost:3306/"),
            new Credentials("root", ""));
    private Connection c;

    @BeforeEach
    void connect() throws Exception {
        c = Connections.open(server, Duration.ofSeconds(10));
    }

    @AfterEach
    void dropOurs() throws Exception {
        List<String> ours = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '" + run + "%'")) {
            while (rs.next()) {
                ours.add(rs.getString(1));
            }
        }
        for (String name : ours) {
            MariadbPoolAdmin.drop(c, name);
        }
        c.close();
    }

    @Test
    void sparesDroppedWhileTheyAreReadAreLeftOutAndTheReadDoesNotFail() throws Exception {
        List<String> spares = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            spares.add(run + "_set_" + k);
            MariadbPoolAdmin.startSetMember(c, spares.get(k - 1), run + "_base", run + "_base", 4, k);
        }
        // other builds' releases: before each of the first three reads of marker rows, one more spare goes
        Deque<String> released = new ArrayDeque<>(spares.subList(0, 3));
        Connection churning = droppingBeforeMarkerReads(c, released);

        List<MariadbPoolAdmin.SetMember> read = MariadbPoolAdmin.setMembers(churning, run + "_set_");

        assertThat(released).as("the test dropped three while they were read").isEmpty();
        assertThat(read).extracting(MariadbPoolAdmin.SetMember::database).containsExactly(spares.get(3));
    }

    @Test
    void anUnderscoreInThePrefixIsLiteralNotAnyCharacter() throws Exception {
        MariadbPoolAdmin.startSetMember(c, run + "_a_1", run + "_base", run + "_base", 1, 1);
        MariadbPoolAdmin.startSetMember(c, run + "xaxother", run + "_base", run + "_base", 1, 1);

        assertThat(MariadbPoolAdmin.setMembers(c, run + "_a_")).extracting(MariadbPoolAdmin.SetMember::database)
                .containsExactly(run + "_a_1");
    }

    /** {@code real}, dropping the next of {@code toDrop} before each query of marker rows is prepared. */
    private static Connection droppingBeforeMarkerReads(Connection real, Deque<String> toDrop) {
        return (Connection) Proxy.newProxyInstance(MariadbPoolAdminTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && String.valueOf(args[0]).contains("SELECT ?, baseline")
                            && !toDrop.isEmpty()) {
                        try (Statement st = real.createStatement()) {
                            st.execute("DROP DATABASE " + MysqlAdmin.quote(toDrop.poll()));
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
