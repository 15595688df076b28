package ca.bim.clinic.injury.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import ca.bim.clinic.common.error.PreconditionFailed;
import ca.bim.clinic.common.error.PreconditionRequired;


/** HTTP conditional requests (RFC 9110) on top of JAX-RS' own evaluation, answering with problem details. */
final class Preconditions {

    private Preconditions() {
    }

    /** If-Match: 428 when required and missing, 412 when it names another representation than the current one. */
    static void requireMatch(Request request, String ifMatch, boolean required, EntityTag current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new PreconditionRequired("Send If-Match with the ETag you last read, so a concurrent change is not overwritten");
            }
            return;
        }
        if (request.evaluatePreconditions(current) != null) {
            throw new PreconditionFailed("The resource has changed since ETag " + ifMatch + " was read (now " + current
                            + "); fetch it again and reapply your change");
        }
    }

    /** If-None-Match on a read: the 304 to send, or null when the caller needs the full representation. */
    static Response.ResponseBuilder notModified(Request request, EntityTag current) {
        Response.ResponseBuilder builder = request.evaluatePreconditions(current);
        if (builder == null) {
            return null;
        }
        if (builder.build().getStatus() == Response.Status.NOT_MODIFIED.getStatusCode()) {
            return builder;
        }
        throw new PreconditionFailed("The resource does not match the If-Match given");
    }
}
