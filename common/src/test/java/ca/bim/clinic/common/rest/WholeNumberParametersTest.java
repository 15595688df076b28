package ca.bim.clinic.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.annotation.Annotation;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.common.error.InvalidParameterException;

class WholeNumberParametersTest {

    @QueryParam("size")
    @DefaultValue("20")
    int size;

    @PathParam("year")
    long year;

    private final WholeNumberParameters provider = new WholeNumberParameters();

    private static Annotation[] annotationsOf(String field) throws NoSuchFieldException {
        return WholeNumberParametersTest.class.getDeclaredField(field).getAnnotations();
    }

    @Test
    void convertsWholeNumbers() throws Exception {
        assertThat(provider.getConverter(int.class, int.class, annotationsOf("size")).fromString("42")).isEqualTo(42);
        assertThat(provider.getConverter(Long.class, Long.class, annotationsOf("year")).fromString("-7")).isEqualTo(-7L);
    }

    @Test
    void aHugeNumberIsAnInvalidParameterNamedFromItsAnnotation() throws Exception {
        ParamConverter<Integer> converter = provider.getConverter(int.class, int.class, annotationsOf("size"));

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> converter.fromString("99999999999999999999"));

        assertThat(error.name()).isEqualTo("size");
        assertThat(error.in()).isEqualTo("query");
        assertThat(error.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void textIsAnInvalidPathParameter() throws Exception {
        ParamConverter<Long> converter = provider.getConverter(long.class, long.class, annotationsOf("year"));

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> converter.fromString("abc"));

        assertThat(error.name()).isEqualTo("year");
        assertThat(error.in()).isEqualTo("path");
    }

    @Test
    void otherTypesAreLeftToTheDefaults() {
        assertThat(provider.getConverter(String.class, String.class, new Annotation[0])).isNull();
    }
}
