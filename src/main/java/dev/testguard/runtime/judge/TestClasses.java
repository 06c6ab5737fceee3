package dev.testguard.runtime.judge;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Names the test class that opened a connection: the first frame on the stack whose class was loaded from the
 * build's test-classes directory.
 */
public final class TestClasses {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /**
     * A thread walks its stack at most once in this window: a physical connection takes longer, so each one is
     * named exactly; a pool handing out thousands of connections a second pays one walk per window.
     */
    static final long SAMPLE_NANOS = 2_000_000L;

    /** A thread's last walk: when, and what it found. */
    private static final class Sample {
        long at;
        boolean taken;
        String testClass;
    }

    private final ThreadLocal<Sample> samples = ThreadLocal.withInitial(Sample::new);

    private final Path testClasses;
    private final ClassValue<Boolean> fromTests = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isUnder(type);
        }
    };

    public TestClasses(Path testClassesDirectory) {
        this.testClasses = testClassesDirectory.toAbsolutePath().normalize();
    }

    /** The test class on this thread's stack, or null when none is. */
    public String current() {
        return WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(fromTests::get).findFirst().map(TestClasses::outermost).orElse(null));
    }

    /** {@link #current()}, walked at most once per {@link #SAMPLE_NANOS} on a thread; null when none is. */
    public String sampled() {
        Sample sample = samples.get();
        long now = System.nanoTime();
        if (!sample.taken || now - sample.at > SAMPLE_NANOS) {
            sample.testClass = current();
            sample.at = now;
            sample.taken = true;
        }
        return sample.testClass;
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
