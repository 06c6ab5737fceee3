package dev.testguard.runtime.judge;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Names the test class that opened a connection: the first frame on the stack whose class was loaded from the
 * build's test-classes directory, or, on a thread judging for another ({@link #onBehalfOfCaller}), the test class
 * of the thread that asked.
 */
public final class TestClasses {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /**
     * A thread walks its stack at most once in this window: a physical connection takes longer, so each one is
     * named exactly; a pool handing out thousands of connections a second pays one walk per window.
     */
    static final long SAMPLE_NANOS = 2_000_000L;

    /** A thread's last walk: when, and what it found; and the test class it judges for, when it judges for another. */
    private static final class Sample {
        long at;
        boolean taken;
        String testClass;
        String actingFor;
    }

    private final ThreadLocal<Sample> samples = new ThreadLocal<>() {
        @Override
        protected Sample initialValue() {
            return new Sample();
        }
    };

    private final Path testClasses;
    private final ClassValue<Boolean> fromTests = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isUnder(type);
        }
    };

    /**
     * The outermost class of the first frame from the tests: a plain loop, not a stream pipeline of lambdas, which
     * would spin a dozen classes at the test JVM's first connection.
     */
    private final Function<Stream<StackWalker.StackFrame>, String> firstTestClass = new FirstTestClass();

    private final class FirstTestClass implements Function<Stream<StackWalker.StackFrame>, String> {

        @Override
        public String apply(Stream<StackWalker.StackFrame> frames) {
            Iterator<StackWalker.StackFrame> it = frames.iterator();
            while (it.hasNext()) {
                Class<?> type = it.next().getDeclaringClass();
                if (fromTests.get(type)) {
                    return outermost(type);
                }
            }
            return null;
        }
    }

    public TestClasses(Path testClassesDirectory) {
        this.testClasses = testClassesDirectory.toAbsolutePath().normalize();
    }

    /** The test class on this thread's stack (or the one it judges for), or null when none is. */
    public String current() {
        String actingFor = samples.get().actingFor;
        return actingFor != null ? actingFor : WALKER.walk(firstTestClass);
    }

    /** {@link #current()}, walked at most once per {@link #SAMPLE_NANOS} on a thread; null when none is. */
    public String sampled() {
        Sample sample = samples.get();
        if (sample.actingFor != null) {
            return sample.actingFor;
        }
        long now = System.nanoTime();
        if (!sample.taken || now - sample.at > SAMPLE_NANOS) {
            sample.testClass = current();
            sample.at = now;
            sample.taken = true;
        }
        return sample.testClass;
    }

    /**
     * {@code judgement}, to run later and maybe on another thread (R2DBC's, judged at subscription on the guard's own
     * thread), naming in what it records the test class on the caller's stack now, which that thread's stack lacks.
     */
    public <T> Callable<T> onBehalfOfCaller(Callable<T> judgement) {
        String caller = current();
        if (caller == null) {
            return judgement;
        }
        return () -> {
            Sample sample = samples.get();
            String before = sample.actingFor;
            sample.actingFor = caller;
            try {
                return judgement.call();
            } finally {
                sample.actingFor = before;
            }
        };
    }

    private static String outermost(Class<?> type) {
        Class<?> c = type;
        while (c.getEnclosingClass() != null) {
            c = c.getEnclosingClass();
        }
        return c.getName();
    }

    private boolean isUnder(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                return false;
            }
            return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize().startsWith(testClasses);
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }
}
