package ca.bim.clinic.booking.domain;

import static ca.bim.clinic.booking.domain.AppointmentStatus.BOOKED;
import static ca.bim.clinic.booking.domain.AppointmentStatus.CANCELLED;
import static ca.bim.clinic.booking.domain.AppointmentStatus.CHECKED_IN;
import static ca.bim.clinic.booking.domain.AppointmentStatus.COMPLETED;
import static ca.bim.clinic.booking.domain.AppointmentStatus.NO_SHOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The whole transition table: every pair of statuses, allowed or not. */
class AppointmentStatusTest {

    private static final Map<AppointmentStatus, Set<AppointmentStatus>> ALLOWED = Map.of(
            BOOKED, EnumSet.of(CHECKED_IN, CANCELLED, NO_SHOW),
            CHECKED_IN, EnumSet.of(COMPLETED),
            COMPLETED, EnumSet.noneOf(AppointmentStatus.class),
            CANCELLED, EnumSet.noneOf(AppointmentStatus.class),
            NO_SHOW, EnumSet.noneOf(AppointmentStatus.class));

    @Test
    void everyStatusIsInTheTable() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(AppointmentStatus.values());
    }

    @Test
    void exactlyTheListedTransitionsAreAllowed() {
        for (AppointmentStatus from : AppointmentStatus.values()) {
            for (AppointmentStatus to : AppointmentStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void noStatusBecomesItselfAndFinalStatusesStayFinal() {
        for (AppointmentStatus status : AppointmentStatus.values()) {
            assertThat(status.canBecome(status)).as(status.name()).isFalse();
        }
        for (AppointmentStatus done : EnumSet.of(COMPLETED, CANCELLED, NO_SHOW)) {
            assertThat(EnumSet.allOf(AppointmentStatus.class)).noneMatch(done::canBecome);
        }
    }

    @Test
    void aCheckedInAppointmentCanNoLongerBeCancelledOrMissed() {
        assertThat(CHECKED_IN.canBecome(CANCELLED)).isFalse();
        assertThat(CHECKED_IN.canBecome(NO_SHOW)).isFalse();
        assertThat(CHECKED_IN.canBecome(BOOKED)).isFalse();
    }
}
