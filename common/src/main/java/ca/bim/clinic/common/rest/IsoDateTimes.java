package ca.bim.clinic.common.rest;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Writes {@link OffsetDateTime} exactly as Jackson's JSR-310 module does
 * ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, e.g. {@code 2026-12-01T09:00:00-08:00}), without going through the
 * formatter for the common case. The formatter was 19% of booking-service's CPU for a 14-day availability answer
 * (622 slots, JFR, docs/benchmarks.md). Whole seconds in years 0-9999 with an offset in whole minutes are written
 * directly; anything else still goes to the formatter.
 */
@Singleton
public class IsoDateTimes implements ObjectMapperCustomizer {

    /** After Quarkus' own customizers, which register the JSR-310 module: the serializer added last wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("iso-date-times").addSerializer(OffsetDateTime.class, new Serializer()));
    }

    static String format(OffsetDateTime value) {
        int year = value.getYear();
        ZoneOffset offset = value.getOffset();
        int offsetSeconds = offset.getTotalSeconds();
        if (year < 0 || year > 9999 || value.getNano() != 0 || offsetSeconds % 60 != 0) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
        }
        StringBuilder out = new StringBuilder(25);
        digits(out, year, 4).append('-');
        digits(out, value.getMonthValue(), 2).append('-');
        digits(out, value.getDayOfMonth(), 2).append('T');
        digits(out, value.getHour(), 2).append(':');
        digits(out, value.getMinute(), 2).append(':');
        digits(out, value.getSecond(), 2);
        if (offsetSeconds == 0) {
            return out.append('Z').toString();
        }
        int minutes = Math.abs(offsetSeconds) / 60;
        out.append(offsetSeconds < 0 ? '-' : '+');
        digits(out, minutes / 60, 2).append(':');
        return digits(out, minutes % 60, 2).toString();
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int pad = text.length(); pad < width; pad++) {
            out.append('0');
        }
        return out.append(text);
    }

    public static final class Serializer extends StdScalarSerializer<OffsetDateTime> {

        Serializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    || provider.getConfig().hasExplicitTimeZone()
                            && provider.isEnabled(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)) {
                // Settings this service does not use, where Jackson writes something else: leave it to Jackson.
                OffsetDateTimeSerializer.INSTANCE.serialize(value, generator, provider);
                return;
            }
            generator.writeString(format(value));
        }
    }
}
