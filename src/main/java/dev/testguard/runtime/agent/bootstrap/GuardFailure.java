package dev.testguard.runtime.agent.bootstrap;

/**
 * Turns an internal error of the guard into a refusal: an {@code SQLException} (SQLState 28000) that says how to
 * turn the guard off; and withholds a URL message it could not mask (no refusal, no 28000). Built reflectively:
 * {@code java.sql} is not visible to the bootstrap loader.
 */
final class GuardFailure {

    static final String SQL_STATE = "28000";

    private GuardFailure() {
    }

    static boolean isRefusal(Throwable e) {
        if (!(e instanceof Exception) || e instanceof RuntimeException) {
            return false;
        }
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("java.sql.SQLException")) {
                return true;
            }
        }
        return false;
    }

    static String message(Throwable e) {
        return "testguard refused the connection: the runtime guard failed (" + e.getClass().getName() + ": "
                + e.getMessage() + "), and it never lets a connection through unchecked. If the guard itself is "
                + "wrong, turn it off with -Dtestguard.runtime=false and report the problem.";
    }

    static Exception sqlException(String message, Throwable cause) {
        return sqlException(message, SQL_STATE, cause);
    }

    private static Exception sqlException(String message, String sqlState, Throwable cause) {
        try {
            Class<?> type = Class.forName("java.sql.SQLException", false, ClassLoader.getPlatformClassLoader());
            Exception e = (Exception) type.getConstructor(String.class, String.class, Throwable.class)
                    .newInstance(message, sqlState, cause);
            return e;
        } catch (ReflectiveOperationException | LinkageError impossible) {
            return new IllegalStateException(message, cause);
        }
    }

    /**
     * What a data source throws instead of {@code thrown}, an exception about its URL the guard could not mask: no
     * message of the driver's (it may show a password), the same stack; no refusal, so no SQLState 28000: the
     * driver's own SQLState when {@code thrown} is an SQLException, else none.
     */
    static Throwable withheld(Throwable thrown, Throwable failure) {
        String message = "the data source rejected its URL; testguard withheld the driver's message, which may show "
                + "a password, because it could not mask it (" + failure.getClass().getName() + ")";
        Throwable withheld = thrown instanceof RuntimeException ? new IllegalArgumentException(message)
                : sqlException(message, sqlStateOf(thrown), null);
        withheld.setStackTrace(thrown.getStackTrace());
        return withheld;
    }

    /** The SQLState of {@code thrown} when it is an SQLException (read reflectively, as above), else null. */
    private static String sqlStateOf(Throwable thrown) {
        if (!isRefusal(thrown)) {
            return null;
        }
        try {
            Object state = Class.forName("java.sql.SQLException", false, ClassLoader.getPlatformClassLoader())
                    .getMethod("getSQLState").invoke(thrown);
            return state instanceof String s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
