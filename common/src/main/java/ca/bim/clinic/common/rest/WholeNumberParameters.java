package ca.bim.clinic.common.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import ca.bim.clinic.common.error.InvalidParameterException;
import ca.bim.clinic.common.error.ViolationProblem;

/**
 * Converts int and long parameters so that {@code page=abc} or {@code size=99999999999999999999} is a 400 problem
 * naming the parameter; the built-in conversion turns such values into an anonymous 404.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class WholeNumberParameters implements ParamConverterProvider {

    static final String MESSAGE_INT = "must be a whole number between -2147483648 and 2147483647";
    static final String MESSAGE_LONG = "must be a whole number between -9223372036854775808 and 9223372036854775807";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(annotations, Integer::valueOf, MESSAGE_INT);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(annotations, Long::valueOf, MESSAGE_LONG);
        }
        return null;
    }

    private static final class Converter<N extends Number> implements ParamConverter<N> {

        private final String name;
        private final String in;
        private final Function<String, N> parse;
        private final String message;

        Converter(Annotation[] annotations, Function<String, N> parse, String message) {
            Source source = source(annotations);
            this.name = source.name();
            this.in = source.in();
            this.parse = parse;
            this.message = message;
        }

        @Override
        public N fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(name, in, message);
            }
        }

        @Override
        public String toString(N value) {
            return value == null ? null : value.toString();
        }
    }

    record Source(String name, String in) {
    }

    /** The parameter's name and where it comes from, read from its annotation. */
    static Source source(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    return new Source(query.value(), ViolationProblem.IN_QUERY);
                }
                if (annotation instanceof RestQuery query && !query.value().isEmpty()) {
                    return new Source(query.value(), ViolationProblem.IN_QUERY);
                }
                if (annotation instanceof PathParam path) {
                    return new Source(path.value(), ViolationProblem.IN_PATH);
                }
                if (annotation instanceof RestPath path && !path.value().isEmpty()) {
                    return new Source(path.value(), ViolationProblem.IN_PATH);
                }
                if (annotation instanceof HeaderParam header) {
                    return new Source(header.value(), ViolationProblem.IN_HEADER);
                }
                if (annotation instanceof RestHeader header && !header.value().isEmpty()) {
                    return new Source(header.value(), ViolationProblem.IN_HEADER);
                }
            }
        }
        return new Source("", ViolationProblem.IN_QUERY);
    }
}
