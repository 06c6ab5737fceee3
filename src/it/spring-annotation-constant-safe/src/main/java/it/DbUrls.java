package it;

/** The database URLs the project knows. */
public final class DbUrls {
    public static final String IN_MEMORY = "jdbc:h2:" + "mem:";

    private DbUrls() {
    }
}
