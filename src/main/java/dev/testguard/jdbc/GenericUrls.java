package dev.testguard.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any other driver: reads what the common {@code jdbc:<sub>://host[:port][,host...]/db[?k=v|;k=v]} shape offers and
 * never fails, since the URL is valid for a driver testguard does not know.
 */
final class GenericUrls {

    static final Pattern SERVER_SHAPE = Pattern.compile("jdbc:[^/]*?://([^/?;]*)(?:/([^?;]*))?(?:[?;](.*))?");

    private GenericUrls() {
    }

    static JdbcUrl parse(String url) {
        UrlBuilder b = new UrlBuilder(url, Vendor.UNKNOWN);
        Matcher m = SERVER_SHAPE.matcher(url);
        if (!m.matches()) {
            return b.build();
        }
        try {
            String authority = m.group(1);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                UrlText.userInfo(url, authority.substring(0, at), b);
                authority = authority.substring(at + 1);
            }
            for (String spec : UrlText.splitTopLevel(url, authority, ',')) {
                if (!spec.isEmpty()) {
                    b.hosts.add(UrlText.hostPort(url, spec, null));
                }
            }
            b.storage(b.hosts.isEmpty() ? Storage.UNKNOWN : Storage.SERVER);
        } catch (JdbcUrlException unreadableHosts) {
            b.hosts.clear();
        }
        b.databaseName = UrlText.decode(m.group(2));
        if (m.group(3) != null) {
            if (url.charAt(m.end(2) < 0 ? m.end(1) : m.end(2)) == '?') {
                UrlText.queryParameters(m.group(3), b.parameters);
            } else {
                UrlText.semicolonSettings(m.group(3), b.parameters);
            }
        }
        b.credentialsFromParameters("user", "password");
        return b.build();
    }
}
