package it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The team's shortcut for "run against an in-memory database". */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("ci")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:orders")
public @interface TestDatabase {
}
