package dev.testguard.maven;

/**
 * One entry of {@code <protectedDatabases>}:
 * <pre>{@code
 * <protectedDatabases>
 *   <database>
 *     <url>jdbc:postgresql://localhost:5432/orders</url>
 *     <serverId>orders-db</serverId>   <!-- or <username>/<password> -->
 *   </database>
 *   <database>jdbc:postgresql://localhost:5432/billing</database>   <!-- a plain URL works too -->
 * </protectedDatabases>
 * }</pre>
 */
public class ProtectedDatabase {

    private String url;
    private String username;
    private String password;
    private String serverId;

    public ProtectedDatabase() {
    }

    /** Lets {@code <database>jdbc:...</database>} (text only) configure the URL alone. */
    public void set(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    @Override
    public String toString() {
        return url == null ? "(no url)" : dev.testguard.jdbc.Secrets.maskUrl(url);
    }
}
