package dev.testguard.jdbc;

/** A user name and password for one database; either may be null. {@link #toString()} masks the password. */
public record Credentials(String username, String password) {

    public static final Credentials NONE = new Credentials(null, null);

    public boolean isEmpty() {
        return username == null && password == null;
    }

    /** This, with any missing part taken from {@code fallback}. */
    public Credentials orElse(Credentials fallback) {
        if (fallback == null) {
            return this;
        }
        return new Credentials(username != null ? username : fallback.username,
                password != null ? password : fallback.password);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
