package dev.testguard.discovery.surefire;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.SourcedValue;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.config.ConfigDocument;
import dev.testguard.discovery.config.ConfigEntry;
import dev.testguard.discovery.config.ConfigLimits;
import dev.testguard.discovery.config.ConfigPaths;
import dev.testguard.discovery.config.PropertiesFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.plexus.util.cli.CommandLineUtils;

/**
 * Works out what one Surefire or Failsafe fork will see, the way the plugin itself assembles it:
 * <ol>
 *   <li>{@code -D} flags of the effective {@code argLine} (the {@code argLine} property when the element is absent),
 *       after {@code @{...}} late replacement from project properties: set first, on the JVM command line;</li>
 *   <li>then, overriding them, {@code systemProperties} &lt; {@code systemPropertiesFile} &lt;
 *       {@code systemPropertyVariables} &lt; command-line user properties (Surefire's own order);</li>
 *   <li>the environment: the build's, minus {@code excludedEnvironmentVariables}, plus {@code environmentVariables}.</li>
 * </ol>
 */
public final class TestRuntimeResolver {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern LATE_EXPRESSION = Pattern.compile("@\\{([^}]+)}");
    /** Surefire replaces these per fork; the first fork is representative. */
    private static final Map<String, String> FORK_PLACEHOLDERS = Map.of(
            "${surefire.forkNumber}", "1", "${surefire.threadNumber}", "1");

    private final BuildProperties build;
    private final Path basedir;
    private final Consumer<String> warnings;

    public TestRuntimeResolver(BuildProperties build, Path basedir, Consumer<String> warnings) {
        this.build = build;
        this.basedir = basedir;
        this.warnings = warnings;
    }

    /** The parameter that keeps this execution from running any test ({@code skipTests=true}), or null. */
    public String skippedBy(TestPluginExecution execution) {
        return Skips.skippedBy(execution.plugin(), execution.skipParameters(), build, this::interpolate);
    }

    public TestRuntime resolve(TestPluginExecution execution) {
        Map<String, SourcedValue> props = new LinkedHashMap<>();
        argLineProperties(execution, props);
        for (ConfiguredValue v : execution.systemProperties()) {
            props.put(v.name(), pomValue(execution, v, "<systemProperties> " + v.name()));
        }
        systemPropertiesFile(execution, props);
        for (ConfiguredValue v : execution.systemPropertyVariables()) {
            props.put(v.name(), pomValue(execution, v, "<systemPropertyVariables><" + v.name() + ">"));
        }
        if (execution.promoteUserProperties()) {
            build.userProperties().forEach((k, v) -> props.put(k, new SourcedValue(v, build.userPropertyOrigin(k))));
        }
        return new TestRuntime(execution.runName(), props, environment(execution));
    }

    private void argLineProperties(TestPluginExecution execution, Map<String, SourcedValue> props) {
        String raw;
        Provenance where;
        if (execution.argLine() != null) {
            raw = execution.argLine().value();
            where = pomProvenance(execution, execution.argLine(), "<argLine>");
        } else if (build.evaluate("argLine") != null) {
            raw = build.evaluate("argLine");
            boolean fromCli = build.userProperties().containsKey("argLine");
            where = fromCli ? build.userPropertyOrigin("argLine")
                    : new Provenance(Provenance.Kind.PROJECT_PROPERTY, "property argLine (no <argLine> in "
                            + execution.plugin() + ", so Surefire uses the argLine property)", null, 0,
                            "change the argLine property in the <properties> of pom.xml, or the plugin that sets it");
        } else {
            return;
        }
        String line = lateReplace(interpolate(raw));
        String[] tokens;
        try {
            tokens = CommandLineUtils.translateCommandline(line);
        } catch (Exception e) {
            warnings.accept(where.location() + ": cannot split the argLine into arguments (" + e.getMessage()
                    + "); its -D flags are not checked");
            return;
        }
        for (String token : tokens) {
            if (token.startsWith("-D") && token.length() > 2) {
                int eq = token.indexOf('=');
                String key = eq < 0 ? token.substring(2) : token.substring(2, eq);
                String value = eq < 0 ? "" : token.substring(eq + 1);
                props.put(key, new SourcedValue(value, where.withHowToChange(
                        "change or remove the -D" + key + "=... flag there")));
            }
        }
    }

    private void systemPropertiesFile(TestPluginExecution execution, Map<String, SourcedValue> props) {
        ConfiguredValue configured = execution.systemPropertiesFile();
        if (configured == null || configured.value() == null || configured.value().isBlank()) {
            return;
        }
        Path file = basedir.resolve(interpolate(configured.value().trim())).normalize();
        Optional<String> notAFile = ConfigPaths.problem(file);
        if (notAFile.isPresent()) {
            warnings.accept(execution.locate(configured, "<systemPropertiesFile>") + " names " + file + ", which is "
                    + notAFile.get() + ", not a properties file; testguard did not read it (and never opens such a file)");
            return;
        }
        if (!Files.isRegularFile(file)) {
            warnings.accept(execution.locate(configured, "<systemPropertiesFile>") + " names " + file
                    + ", which does not exist; " + execution.plugin() + " will run without it");
            return;
        }
        String display = basedir.relativize(file.toAbsolutePath()).toString();
        List<ConfigDocument> documents;
        try {
            // Surefire reads the file as java.util.Properties does: ISO-8859-1, and "#---" is only a comment
            ConfigLimits.checkSize(file);
            documents = PropertiesFile.parse(file, Files.readString(file, StandardCharsets.ISO_8859_1)).documents();
        } catch (IOException | ConfigFileException e) {
            throw new ConfigFileException("Cannot read " + file + " (the <systemPropertiesFile> of "
                    + execution.runName() + "): " + e.getMessage());
        }
        for (ConfigDocument document : documents) {
            for (ConfigEntry entry : document.entries()) {
                props.put(entry.key(), new SourcedValue(entry.value(), Provenance.file(file, display, entry.line(),
                        "change " + entry.key() + " in " + display)));
            }
        }
    }

    private Map<String, SourcedValue> environment(TestPluginExecution execution) {
        Map<String, SourcedValue> env = new LinkedHashMap<>();
        build.environment().forEach((k, v) -> {
            if (!execution.excludedEnvironmentVariables().contains(k)) {
                env.put(k, new SourcedValue(v, Provenance.environment(k,
                        "unset " + k + " in the shell that runs mvn (or override it in <environmentVariables> of "
                                + execution.plugin() + ")")));
            }
        });
        for (ConfiguredValue v : execution.environmentVariables()) {
            env.put(v.name(), pomValue(execution, v, "<environmentVariables><" + v.name() + ">"));
        }
        return env;
    }

    private SourcedValue pomValue(TestPluginExecution execution, ConfiguredValue v, String element) {
        String value = lateReplace(interpolate(v.value() == null ? "" : v.value()));
        return new SourcedValue(value, pomProvenance(execution, v, element));
    }

    private static Provenance pomProvenance(TestPluginExecution execution, ConfiguredValue v, String element) {
        return new Provenance(Provenance.Kind.POM, execution.locate(v, element), null, v == null ? 0 : v.line(),
                "change " + element + " of " + execution.plugin() + " in " + execution.pom());
    }

    /** {@code ${...}} that Maven evaluates when the mojo runs (the model interpolator left them alone). */
    private static String forkPlaceholders(String value) {
        String out = value;
        for (Map.Entry<String, String> e : FORK_PLACEHOLDERS.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    String interpolate(String value) {
        String out = forkPlaceholders(value);
        for (int round = 0; round < 10 && out.contains("${"); round++) {
            // a property's value may itself hold the fork placeholders (testguard:provision's URL does)
            String next = forkPlaceholders(replace(EXPRESSION, out, build::evaluate));
            if (next.equals(out)) {
                break;
            }
            out = next;
        }
        return out;
    }

    /** Surefire's {@code @{...}}: replaced from project properties only, as they are when the tests start. */
    String lateReplace(String value) {
        return replace(LATE_EXPRESSION, value, name -> build.projectProperties().get(name));
    }

    private static String replace(Pattern pattern, String value, java.util.function.Function<String, String> lookup) {
        Matcher m = pattern.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = lookup.apply(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
