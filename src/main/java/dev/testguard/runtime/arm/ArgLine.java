package dev.testguard.runtime.arm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent argument of the runtime guard and how it joins a test plugin's argLine property, the way
 * jacoco-maven-plugin's {@code prepare-agent} does it: the agent goes first, what the property held is kept after
 * it, the argument is double-quoted (with {@code "} and {@code \} escaped) when it holds whitespace or a quote, and
 * a property the guard does not arm is defined as empty so that {@code @{argLine}} never reaches the JVM verbatim.
 * <p>
 * The agent is loaded as {@code -agentlib:instrument=<jar>=<options>}: the same JPLIS agent as {@code -javaagent}
 * (same premain, manifest, {@code Boot-Class-Path} and options string), without the {@code --add-modules
 * java.instrument} the JVM adds for {@code -javaagent}, which turns off the CDS archive's full module graph and costs
 * every test JVM start-up time (JDK 17 to 25). {@code java.instrument} is a default root module for a class-path main
 * class, which Surefire's and Failsafe's booter always is (module path or not). JVM arguments that limit the
 * observable modules ({@code --limit-modules}) could leave it out, and the JVM then aborts: with those the agent
 * goes in as {@code -javaagent}.
 * <p>
 * Unlike JaCoCo, the existing value is kept byte for byte (JaCoCo re-quotes every argument); only an earlier copy of
 * this same agent argument (either form) is left out, so arming twice changes nothing.
 */
public final class ArgLine {

    private ArgLine() {
    }

    static final String AGENTLIB = "-agentlib:instrument=";
    static final String JAVAAGENT = "-javaagent:";
    private static final String[] MODULE_LIMITS = {"--limit-modules", "jdk.module.limitmods"};

    /**
     * {@code -agentlib:instrument=<jar>=<options>}, or {@code -javaagent:<jar>=<options>} when {@code jvmArguments}
     * (the other arguments the test JVM gets; null: none known) limit the observable modules; quoted as one argument
     * when needed.
     */
    public static String agentArgument(Path agentJar, Path optionsFile, String jvmArguments) {
        return quote(agentOption(agentJar, optionsFile, jvmArguments));
    }

    /** {@link #agentArgument} unquoted: the one JVM option, as a process builder takes it. */
    public static String agentOption(Path agentJar, Path optionsFile, String jvmArguments) {
        String form = limitsModules(jvmArguments) ? JAVAAGENT : AGENTLIB;
        return form + agentJar.toAbsolutePath() + "=" + optionsFile.toAbsolutePath();
    }

    /**
     * The new property value: the agent argument, then the old value without any earlier copy of this agent (same
     * jar). Arming twice with the same files gives the same value. {@code testArguments}: the test plugins' own
     * {@code <argLine>}s (null: none), read only to choose the agent's form.
     */
    public static String prepend(String oldValue, Path agentJar, Path optionsFile, String testArguments) {
        String rest = withoutAgent(oldValue == null ? "" : oldValue, agentJar);
        String agent = agentArgument(agentJar, optionsFile, rest + " " + (testArguments == null ? "" : testArguments));
        return rest.isBlank() ? agent : agent + " " + rest.strip();
    }

    /** The value of a property the guard does not arm: unchanged when set, empty when absent (JaCoCo's skip). */
    public static String unarmed(String oldValue) {
        return oldValue == null ? "" : oldValue;
    }

    static boolean limitsModules(String jvmArguments) {
        for (String option : MODULE_LIMITS) {
            if (jvmArguments != null && jvmArguments.contains(option)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code value} already carries this guard's agent (any options, either form). */
    public static boolean isArmed(String value, Path agentJar) {
        return value != null && !withoutAgent(value, agentJar).equals(value.strip());
    }

    /** JaCoCo's CommandLineSupport.quote: escape {@code "} and {@code \}, quote when blank or quote inside. */
    static String quote(String argument) {
        StringBuilder escaped = new StringBuilder();
        for (char c : argument.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        if (argument.chars().anyMatch(Character::isWhitespace) || argument.indexOf('"') >= 0) {
            return "\"" + escaped + "\"";
        }
        return argument;
    }

    private static String withoutAgent(String value, Path agentJar) {
        List<String> kept = new ArrayList<>();
        for (String[] token : tokens(value)) {
            if (!isAgent(unquote(token[1]), JAVAAGENT + agentJar.toAbsolutePath())
                    && !isAgent(unquote(token[1]), AGENTLIB + agentJar.toAbsolutePath())) {
                kept.add(token[0]);
            }
        }
        return String.join("", kept).strip();
    }

    private static boolean isAgent(String argument, String plain) {
        return argument.equals(plain) || argument.startsWith(plain + "=");
    }

    /**
     * Splits into arguments keeping each one's original text (with the whitespace before it): {raw, argument}.
     * Quotes group; a backslash escapes a quote or a backslash inside quotes (JaCoCo's rule).
     */
    private static List<String[]> tokens(String value) {
        List<String[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            int start = i;
            while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            int argStart = i;
            boolean quoted = false;
            while (i < value.length() && (quoted || !Character.isWhitespace(value.charAt(i)))) {
                char c = value.charAt(i);
                if (c == '\\' && quoted && i + 1 < value.length()) {
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                }
                i++;
            }
            tokens.add(new String[] {value.substring(start, i), value.substring(argStart, i)});
        }
        return tokens;
    }

    private static String unquote(String argument) {
        if (argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"")) {
            return argument.substring(1, argument.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return argument;
    }
}
