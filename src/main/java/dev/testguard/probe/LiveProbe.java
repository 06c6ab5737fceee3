package dev.testguard.probe;

import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;

/** Connects briefly, read-only, to learn a database's stamp, size and identity. */
public interface LiveProbe {

    LiveFacts inspect(JdbcUrl url, Credentials credentials);

    /** The probe used in offline mode: learns nothing, touches nothing. */
    LiveProbe OFFLINE = (url, credentials) -> LiveFacts.notChecked();
}
