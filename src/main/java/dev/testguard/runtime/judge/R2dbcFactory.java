package dev.testguard.runtime.judge;

/**
 * The R2DBC connection factory {@code ConnectionFactories} is about to hand the tests, for the live check over
 * R2DBC itself.
 *
 * @param factory   the {@code io.r2dbc.spi.ConnectionFactory}
 * @param spiLoader the class loader of R2DBC's SPI (that of {@code ConnectionFactories})
 */
public record R2dbcFactory(Object factory, ClassLoader spiLoader) {
}
