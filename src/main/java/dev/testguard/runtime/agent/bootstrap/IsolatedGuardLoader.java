package dev.testguard.runtime.agent.bootstrap;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class loader of the guard: the plugin jar and its libraries (never a JDBC driver), invisible to the tests.
 * Its parent is the platform loader, so the guard sees the JDK ({@code java.sql} included) and the bootstrap
 * classes of the agent, and nothing of the test class path: the tests' own Byte Buddy, Jackson or drivers never
 * meet the guard's.
 */
public final class IsolatedGuardLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    public IsolatedGuardLoader(List<Path> classpath) {
        super("testguard-guard", urls(classpath), ClassLoader.getPlatformClassLoader());
    }

    /** The entries of a class path joined with the platform's path separator. */
    public static List<Path> split(String joined) {
        List<Path> paths = new ArrayList<>();
        char separator = File.pathSeparatorChar;
        int start = 0;
        while (start <= joined.length()) {
            int end = joined.indexOf(separator, start);
            if (end < 0) {
                end = joined.length();
            }
            if (end > start) {
                paths.add(Path.of(joined.substring(start, end)));
            }
            start = end + 1;
        }
        return paths; // no String.split: a regular expression would cost the JVM's start-up
    }

    private static URL[] urls(List<Path> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a class path entry: " + classpath.get(i), e);
            }
        }
        return urls;
    }
}
