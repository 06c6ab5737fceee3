package dev.testguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class TestReasonTest {

    @Property
    void groupsDigitsAsFormatDoes(@ForAll long n) {
        assertThat(TestReason.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }

    @Property
    void groupsSmallCountsAsFormatDoes(@ForAll @LongRange(min = -100_000, max = 100_000) long n) {
        assertThat(TestReason.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }
}
