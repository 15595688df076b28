package ca.bim.clinic.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The role vocabulary every service reads the same way. */
class CallerTest {

    private static Caller with(String... roles) {
        return new Caller("sub", "user", Set.of(roles));
    }

    @Test
    void staffAreAdminsAndFrontDeskNotTherapists() {
        assertThat(with(Caller.ADMIN).isStaff()).isTrue();
        assertThat(with(Caller.FRONT_DESK).isStaff()).isTrue();
        assertThat(with(Caller.THERAPIST).isStaff()).isFalse();
        assertThat(with(Caller.THERAPIST).isTherapist()).isTrue();
        assertThat(with(Caller.CLIENT, Caller.PARTNER).isStaff()).isFalse();
    }

    @Test
    void staffHoldingTheClientRoleStillActAsStaff() {
        Caller caller = with(Caller.FRONT_DESK, Caller.CLIENT);

        assertThat(caller.isClient()).isFalse();
        assertThat(caller.isStaff()).isTrue();
    }

    @Test
    void aPartnerIsNeitherStaffNorAClient() {
        assertThat(with(Caller.PARTNER).isPartner()).isTrue();
        assertThat(with(Caller.PARTNER, Caller.CLIENT).isPartner()).isFalse();
        assertThat(with(Caller.PARTNER, Caller.ADMIN).isPartner()).isFalse();
    }

    @Test
    void thePrimaryRoleIsTheMostPrivilegedOneHeld() {
        assertThat(with(Caller.CLIENT, Caller.THERAPIST).primaryRole()).contains(Caller.THERAPIST);
        assertThat(with(Caller.PARTNER, Caller.FRONT_DESK, Caller.ADMIN).primaryRole()).contains(Caller.ADMIN);
        assertThat(with("booking-events:write").primaryRole()).isEmpty();
    }

    @Test
    void aClientIdIsThereOnlyOnceResolved() {
        Caller caller = with(Caller.CLIENT);
        UUID id = UUID.randomUUID();

        assertThat(caller.clientId()).isEqualTo(Optional.empty());
        assertThatThrownBy(caller::requireClientId).isInstanceOf(IllegalStateException.class);
        assertThat(caller.withClientId(id).requireClientId()).isEqualTo(id);
    }
}
