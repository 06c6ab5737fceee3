package dev.testguard.discovery;

import java.nio.file.Path;

/**
 * Where a value came from, precisely enough for a user to go and change it.
 *
 * @param kind        the sort of place
 * @param location    human-readable place: {@code src/main/resources/application.properties:3},
 *                    {@code pom.xml:48 maven-surefire-plugin (default-test) <systemPropertyVariables>},
 *                    {@code environment variable SPRING_DATASOURCE_URL}, {@code command line -Dfoo}
 * @param file        the file, when there is one (else null)
 * @param line        1-based line in {@code file}, or 0 when unknown
 * @param howToChange one sentence telling the user how to point this source elsewhere, or null
 */
public record Provenance(Kind kind, String location, Path file, int line, String howToChange) {

    public enum Kind {
        /** A configuration file of the project (properties, YAML, XML). */
        FILE,
        /** A plugin's configuration in the POM. */
        POM,
        /** A user property given on the mvn command line with -D. */
        COMMAND_LINE,
        /** An environment variable of the build, or one set by a plugin for its fork. */
        ENVIRONMENT,
        /** A project property (for example one set by another plugin during the build). */
        PROJECT_PROPERTY
    }

    public static Provenance file(Path file, String displayPath, int line, String howToChange) {
        String where = line > 0 ? displayPath + ":" + line : displayPath;
        return new Provenance(Kind.FILE, where, file, line, howToChange);
    }

    public static Provenance environment(String variable, String howToChange) {
        return new Provenance(Kind.ENVIRONMENT, "environment variable " + variable, null, 0, howToChange);
    }

    public static Provenance commandLine(String property) {
        return new Provenance(Kind.COMMAND_LINE, "command line -D" + property, null, 0,
                "drop -D" + property + " from the mvn command line, or point it at a test database");
    }

    public Provenance withHowToChange(String newHowToChange) {
        return new Provenance(kind, location, file, line, newHowToChange);
    }

    @Override
    public String toString() {
        return location;
    }
}
