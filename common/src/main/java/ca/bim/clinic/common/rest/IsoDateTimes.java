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

    /**
     * Whether {@code provider} writes an {@link OffsetDateTime} as the text {@link #format} gives. Other settings
     * (timestamps, the context's time zone) are not used by these services; Jackson writes something else for them.
     */
    public static boolean writesText(SerializerProvider provider) {
        return !provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                && !(provider.getConfig().hasExplicitTimeZone()
                        && provider.isEnabled(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE));
    }

    /** {@code value} as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it. */
    public static String format(OffsetDateTime value) {
        int year = value.getYear();
        ZoneOffset offset = value.getOffset();
        int offsetSeconds = offset.getTotalSeconds();
        if (year < 0 || year > 9999 || value.getNano() != 0 || offsetSeconds % 60 != 0) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
        }
        char[] out = new char[offsetSeconds == 0 ? 20 : 25];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, value.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, value.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, value.getHour(), 2);
        out[13] = ':';
        digits(out, 14, value.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, value.getSecond(), 2);
        if (offsetSeconds == 0) {
            out[19] = 'Z';
        } else {
            int minutes = Math.abs(offsetSeconds) / 60;
            out[19] = offsetSeconds < 0 ? '-' : '+';
            digits(out, 20, minutes / 60, 2);
            out[22] = ':';
            digits(out, 23, minutes % 60, 2);
        }
        return new String(out);
    }

    /** Writes {@code value} (0 to 10^width - 1) as {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static final class Serializer extends StdScalarSerializer<OffsetDateTime> {

        Serializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            if (!writesText(provider)) {
                OffsetDateTimeSerializer.INSTANCE.serialize(value, generator, provider);
                return;
            }
            generator.writeString(format(value));
        }
    }
}
