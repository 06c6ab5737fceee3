package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

/** Byte Buddy three times over in one JVM: Hibernate's proxies, Mockito's inline mock maker, and the guard's own. */
class ShopTest {

    static final String H2 = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";

    @Test
    void hibernateLoadsALazyProxyFromH2() throws Exception {
        try (SessionFactory sessions = new Configuration()
                .addAnnotatedClass(Shop.class)
                .addAnnotatedClass(Customer.class)
                .setProperty("hibernate.connection.url", H2)
                .setProperty("hibernate.hbm2ddl.auto", "create")
                .buildSessionFactory()) {
            sessions.inTransaction(session -> {
                Shop shop = new Shop(1L, "corner shop");
                session.persist(shop);
                session.persist(new Customer(1L, "Ada", shop));
            });
            sessions.inSession(session -> {
                Shop shop = session.find(Customer.class, 1L).getShop();
                assertFalse(Hibernate.isInitialized(shop), "Hibernate should hand out a lazy proxy");
                assertEquals("corner shop", shop.getName());
            });
        }
        try (Connection connection = DriverManager.getConnection(H2);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM Customer")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    @Test
    void mockitoStubsAFinalClass() {
        Prices prices = mock(Prices.class);
        when(prices.withTax(100)).thenReturn(100);
        assertEquals(100, prices.withTax(100));
    }

    @Test
    void mockitoStubsAStaticMethod() {
        try (MockedStatic<Prices> tax = mockStatic(Prices.class)) {
            tax.when(Prices::taxPercent).thenReturn(0);
            assertEquals(0, Prices.taxPercent());
        }
        assertEquals(20, Prices.taxPercent());
    }

    @AfterAll
    static void ran() throws Exception {
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "the tests ran");
    }
}
