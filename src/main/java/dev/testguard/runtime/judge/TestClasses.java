package dev.testguard.runtime.judge;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Names the test class that opened a connection: the first frame on the stack whose class was loaded from the
 * build's test-classes directory, or, on a thread judging for another ({@link #onBehalfOfCaller}), the test class
 * of the thread that asked.
 */
public final class TestClasses {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final ThreadLocal<ThreadSample> samples = new ThreadLocal<>() {
        @Override
        protected ThreadSample initialValue() {
            return new ThreadSample(TestClasses.this);
        }
    };

    /** The threads that counted repeat borrows in their {@link ThreadSample} (a dead thread's count stays). */
    private final Queue<ThreadSample> borrowing = new ConcurrentLinkedQueue<>();
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
        return actingFor != null ? actingFor : walk();
    }

    /** The test class on this thread's stack, or null when none is. */
    String walk() {
        return WALKER.walk(firstTestClass);
    }

    /** {@link #current()}, walked at most once per {@link ThreadSample#SAMPLE_NANOS} on a thread; null when none is. */
    public String sampled() {
        return samples.get().sampled();
    }

    /** {@code sample} counts repeat borrows: {@link #flushBorrows} adds them to their tallies. */
    void borrowing(ThreadSample sample) {
        borrowing.add(sample);
    }

    /** Adds every thread's repeat borrows counted so far to their tallies. */
    void flushBorrows() {
        for (ThreadSample sample : borrowing) {
            sample.flush();
        }
    }

    /** This thread's sample, and its last borrow. */
    ThreadSample thread() {
        return samples.get();
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
            ThreadSample sample = samples.get();
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
