package ca.bim.clinic.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind of domain exception has one status and one usual title, the ones the problem bodies always had. */
class DomainExceptionMapperTest {

    private static DomainExceptionMapper.Kind kind(DomainException e) {
        return DomainExceptionMapper.kindOf(e);
    }

    @Test
    void everyKindHasItsStatusAndTitle() {
        assertThat(kind(new InvalidInput("x"))).isEqualTo(new DomainExceptionMapper.Kind(400, "Bad Request"));
        assertThat(kind(new Forbidden("x"))).isEqualTo(new DomainExceptionMapper.Kind(403, "Forbidden"));
        assertThat(kind(new NotFound("x"))).isEqualTo(new DomainExceptionMapper.Kind(404, "Not Found"));
        assertThat(kind(new Conflict("x"))).isEqualTo(new DomainExceptionMapper.Kind(409, "Conflict"));
        assertThat(kind(new Gone("x"))).isEqualTo(new DomainExceptionMapper.Kind(410, "Gone"));
        assertThat(kind(new PreconditionFailed("x")))
                .isEqualTo(new DomainExceptionMapper.Kind(412, "Precondition Failed"));
        assertThat(kind(new Unprocessable("x")))
                .isEqualTo(new DomainExceptionMapper.Kind(422, "Unprocessable Content"));
        assertThat(kind(new PreconditionRequired("x")))
                .isEqualTo(new DomainExceptionMapper.Kind(428, "Precondition Required"));
        assertThat(kind(new Unavailable("x"))).isEqualTo(new DomainExceptionMapper.Kind(503, "Service Unavailable"));
    }

    @Test
    void aConflictMayNameItselfMorePrecisely() {
        Conflict taken = new Conflict("Slot not available", "Another booking took this slot");

        assertThat(taken.title()).contains("Slot not available");
        assertThat(new Conflict("x").title()).isEmpty();
        assertThat(kind(taken).status()).isEqualTo(409);
    }
}
