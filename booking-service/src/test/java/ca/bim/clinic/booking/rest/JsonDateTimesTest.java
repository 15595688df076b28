package ca.bim.clinic.booking.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.common.rest.IsoDateTimes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The answers' date-times go through the kit's fast writer, and read exactly as Jackson's own would write them. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class JsonDateTimesTest {

    @Inject ObjectMapper mapper;

    @Test
    void offsetDateTimesAreWrittenByTheKitWithTheirOffset() throws Exception {
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class))
                .isInstanceOf(IsoDateTimes.Serializer.class);
        assertThat(mapper.writeValueAsString(OffsetDateTime.parse("2026-12-01T09:00:00-08:00")))
                .isEqualTo("\"2026-12-01T09:00:00-08:00\"");
        assertThat(mapper.writeValueAsString(OffsetDateTime.parse("2026-12-01T09:00:00.5Z")))
                .isEqualTo("\"2026-12-01T09:00:00.5Z\"");
    }
}
