package dev.testguard.runtime.judge;

/**
 * An R2DBC connection factory the tests will use, for the live check over R2DBC itself.
 *
 * @param factory   the {@code io.r2dbc.spi.ConnectionFactory}
 * @param spiLoader the class loader of R2DBC's SPI (that of {@code ConnectionFactories})
 */
public record R2dbcFactory(Object factory, ClassLoader spiLoader) {

    /** The class loader of the {@code io.r2dbc.spi.ConnectionFactory} the object implements; null: it is none. */
    static ClassLoader spiLoader(Object factory) {
        Class<?> spi = spiInterface(factory == null ? null : factory.getClass());
        return spi == null ? null : spi.getClassLoader();
    }

    private static Class<?> spiInterface(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                Class<?> found = "io.r2dbc.spi.ConnectionFactory".equals(i.getName()) ? i : spiInterface(i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
