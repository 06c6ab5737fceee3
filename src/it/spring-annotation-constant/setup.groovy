import dev.testguard.it.ItDatabase

// the real database, with data; the main-source constant that names it is written here (its name is unique per run)
def db = ItDatabase.createPostgres(basedir, 'database.txt', 'orders', 25)
def source = new File(basedir, 'src/main/java/it/DbUrls.java')
source.parentFile.mkdirs() // git keeps no empty directory
source.text = """package it;

/** The application's own database URLs. */
public final class DbUrls {
    private static final String LOCAL = "jdbc:postgresql://localhost:5432/";
    public static final String DEV = LOCAL + "${db.name()}";

    private DbUrls() {
    }
}
"""
true
