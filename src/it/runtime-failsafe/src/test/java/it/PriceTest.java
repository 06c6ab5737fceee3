package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A harmless unit test, run by Surefire. */
class PriceTest {

    @Test
    void addsTax() {
        assertEquals(120, 100 * 120 / 100);
    }
}
