package ca.bim.clinic.booking.service;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.service.AppointmentService.Resolved;
import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** The one-query read of what a booking names: all three active, the location by code or by id. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class CatalogLookupTest {

    private static final String MASSAGE = "sports-massage-60";

    @Inject CatalogLookup catalog;

    @Test
    void findsTheTypeWithItsDisciplinesThePractitionerAndTheLocationByCodeOrId() {
        UUID practitioner = Fixtures.practitioner(Fixtures.unique("lookup"));

        Resolved byCode = bookable(MASSAGE, practitioner, RICHMOND).orElseThrow();
        Resolved byId = bookable(MASSAGE, practitioner, byCode.location().id.toString()).orElseThrow();

        assertThat(byCode.type().code).isEqualTo(MASSAGE);
        assertThat(byCode.type().disciplines).contains(byCode.practitioner().discipline);
        assertThat(byCode.practitioner().id).isEqualTo(practitioner);
        assertThat(byCode.location().code).isEqualTo(RICHMOND);
        assertThat(byId.location().id).isEqualTo(byCode.location().id);
    }

    @Test
    void findsNothingWhenAnyOfTheThreeIsUnknownOrInactive() {
        UUID practitioner = Fixtures.practitioner(Fixtures.unique("lookup"));

        assertThat(bookable("no-such-type", practitioner, RICHMOND)).isEmpty();
        assertThat(bookable(MASSAGE, UUID.randomUUID(), RICHMOND)).isEmpty();
        assertThat(bookable(MASSAGE, practitioner, "no-such-location")).isEmpty();
        assertThat(bookable(MASSAGE, practitioner, UUID.randomUUID().toString())).isEmpty();
        assertThat(bookable(MASSAGE, practitioner, " ")).isEmpty();

        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("keycloakUsername", Fixtures.unique("gone"), "name", "Gone", "discipline",
                        "massage-therapy", "credentials", "RMT", "bio", "Left", "active", false))
                .put("/api/v1/practitioners/{id}", practitioner).then().statusCode(200);
        assertThat(bookable(MASSAGE, practitioner, RICHMOND)).isEmpty();
    }

    private Optional<Resolved> bookable(String type, UUID practitioner, String location) {
        return QuarkusTransaction.requiringNew().call(() -> catalog.bookable(type, practitioner, location));
    }
}
