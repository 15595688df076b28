package ca.bim.clinic.common.rest;

import java.io.IOException;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonProcessingException;

import ca.bim.clinic.common.error.UnreadableBodyException;

/**
 * Quarkus' JSON reader lets a type mismatch escape as itself (answered with an empty 400) and wraps malformed JSON in
 * a bare WebApplicationException: both become one {@link UnreadableBodyException}, so one mapper answers them.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class JsonBodyReaderInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (JsonProcessingException unreadable) {
            throw new UnreadableBodyException(unreadable);
        } catch (WebApplicationException wrapped) {
            if (wrapped.getCause() instanceof JsonProcessingException unreadable) {
                throw new UnreadableBodyException(unreadable);
            }
            throw wrapped;
        }
    }
}
