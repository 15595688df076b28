package ca.bim.clinic.booking.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.common.security.Caller;

/** The role an appointments-read event names for its reader (plain JUnit). */
class ViewerRoleTest {

    private static String roleOf(String... roles) {
        return AccessLog.viewerRole(new Caller("s", "u", Set.of(roles)));
    }

    @Test
    void theMostPrivilegedStaffRoleIsNamed() {
        assertThat(roleOf(Caller.FRONT_DESK, Caller.ADMIN)).isEqualTo(Caller.ADMIN);
        assertThat(roleOf(Caller.THERAPIST, Caller.FRONT_DESK)).isEqualTo(Caller.FRONT_DESK);
        assertThat(roleOf(Caller.THERAPIST)).isEqualTo(Caller.THERAPIST);
    }

    @Test
    void anyOtherReaderIsAPartner() {
        assertThat(roleOf(Caller.PARTNER)).isEqualTo(Caller.PARTNER);
    }
}
