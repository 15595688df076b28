package ca.bim.clinic.client.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.common.security.Caller;

/** Who may do what with one client's record (plain JUnit: no Quarkus, no database). */
class AccessPolicyTest {

    private static final BooleanSupplier IN_CARE = () -> true;
    private static final BooleanSupplier NOT_IN_CARE = () -> false;

    private final AccessPolicy policy = new AccessPolicy();

    private static Caller caller(String subject, String... roles) {
        return new Caller(subject, subject, Set.of(roles));
    }

    private static Client ownedBy(String subject) {
        Client client = new Client();
        client.keycloakSubject = subject;
        return client;
    }

    private String role(Caller caller, Client client, Permission permission, BooleanSupplier inCare) {
        return policy.grantingRole(caller, client, permission, inCare).orElse(null);
    }

    @Test
    void adminsMayDoEverything() {
        for (Permission permission : Permission.values()) {
            assertThat(role(caller("a", Caller.ADMIN), ownedBy("c"), permission, NOT_IN_CARE)).isEqualTo(Caller.ADMIN);
        }
    }

    @Test
    void frontDeskManagesProfilesAndConsentsButNeverReadsClinicalData() {
        Caller desk = caller("d", Caller.FRONT_DESK);

        assertThat(role(desk, ownedBy("c"), Permission.PROFILE_ARCHIVE, NOT_IN_CARE)).isEqualTo(Caller.FRONT_DESK);
        assertThat(role(desk, ownedBy("c"), Permission.CONSENTS_WRITE, NOT_IN_CARE)).isEqualTo(Caller.FRONT_DESK);
        assertThat(role(desk, ownedBy("c"), Permission.NOTES_READ, IN_CARE)).isNull();
        assertThat(role(desk, ownedBy("c"), Permission.INTAKE_READ, IN_CARE)).isNull();
    }

    @Test
    void aTherapistReadsNotesOnlyOfClientsInTheirCare() {
        Caller therapist = caller("t", Caller.THERAPIST);

        assertThat(role(therapist, ownedBy("c"), Permission.NOTES_WRITE, IN_CARE)).isEqualTo(Caller.THERAPIST);
        assertThat(role(therapist, ownedBy("c"), Permission.NOTES_READ, NOT_IN_CARE)).isNull();
        assertThat(role(therapist, ownedBy("c"), Permission.PROFILE_WRITE, IN_CARE)).isNull();
    }

    @Test
    void aClientReachesOnlyTheirOwnRecordAndCannotWriteNotes() {
        Caller client = caller("c", Caller.CLIENT);

        assertThat(role(client, ownedBy("c"), Permission.EXPORT, NOT_IN_CARE)).isEqualTo(Caller.CLIENT);
        assertThat(role(client, ownedBy("c"), Permission.NOTES_WRITE, NOT_IN_CARE)).isNull();
        assertThat(role(client, ownedBy("someone-else"), Permission.PROFILE_READ, NOT_IN_CARE)).isNull();
        assertThat(role(client, ownedBy(null), Permission.PROFILE_READ, NOT_IN_CARE)).isNull();
    }

    @Test
    void partnersAndServicesHaveNoRuleHere() {
        assertThat(role(caller("p", Caller.PARTNER), ownedBy("p"), Permission.PROFILE_READ, IN_CARE)).isNull();
        assertThat(role(caller("s", ServiceRoles.BOOKING_EVENTS_WRITE), ownedBy("c"), Permission.PROFILE_READ,
                IN_CARE)).isNull();
    }

    @Test
    void careIsAskedOnlyWhenTheTherapistRuleCouldGrant() {
        BooleanSupplier mustNotBeAsked = () -> {
            throw new AssertionError("care looked up for a caller the therapist rule cannot help");
        };

        assertThat(role(caller("a", Caller.ADMIN), ownedBy("c"), Permission.NOTES_READ, mustNotBeAsked))
                .isEqualTo(Caller.ADMIN);
        assertThat(role(caller("c", Caller.CLIENT), ownedBy("c"), Permission.NOTES_READ, mustNotBeAsked))
                .isEqualTo(Caller.CLIENT);
    }

    @Test
    void theRoleRecordedForARefusalIsTheMostPrivilegedOrServiceOrNone() {
        assertThat(Actor.roleOf(caller("t", Caller.CLIENT, Caller.THERAPIST))).isEqualTo(Caller.THERAPIST);
        assertThat(Actor.roleOf(caller("s", ServiceRoles.CLIENT_STANDING_READ))).isEqualTo("service");
        assertThat(Actor.roleOf(caller("x"))).isEqualTo("none");
    }
}
