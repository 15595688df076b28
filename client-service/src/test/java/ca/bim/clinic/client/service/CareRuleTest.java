package ca.bim.clinic.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;

import org.junit.jupiter.api.Test;

/** The care period's calendar arithmetic, without a database. */
class CareRuleTest {

    @Test
    void twelveMonthsBeforeNowIsTheCutoff() {
        assertThat(CareRule.cutoff(Instant.parse("2026-11-30T12:00:00Z"), Period.ofMonths(12)))
                .isEqualTo(Instant.parse("2025-11-30T12:00:00Z"));
    }

    @Test
    void monthsAreCalendarMonthsInUtc() {
        // 31 March minus one month is the last day of February, not a fixed number of days.
        assertThat(CareRule.cutoff(Instant.parse("2026-03-31T08:00:00Z"), Period.ofMonths(1)))
                .isEqualTo(Instant.parse("2026-02-28T08:00:00Z"));
    }
}
