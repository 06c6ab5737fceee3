import dev.testguard.it.ItDatabase

// the real database, with data; the composed annotation that names it is written here (its name is unique per run)
def db = ItDatabase.createPostgres(basedir, 'database.txt', 'orders', 25)
def source = new File(basedir, 'src/test/java/it/DevDatabase.java')
source.parentFile.mkdirs() // git keeps no empty directory
source.text = """package it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/** The team's shortcut for "run against my local database". */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "spring.datasource.username=postgres",
        "spring.datasource.url=jdbc:postgresql://localhost:5432/${db.name()}"
})
public @interface DevDatabase {
}
"""
true
