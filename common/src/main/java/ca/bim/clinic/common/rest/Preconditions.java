package ca.bim.clinic.common.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import ca.bim.clinic.common.error.PreconditionFailed;
import ca.bim.clinic.common.error.PreconditionRequired;

/**
 * HTTP conditional requests (RFC 9110) on top of JAX-RS' own evaluation, answering with problem details: the one
 * place {@code If-Match} and {@code If-None-Match} are read. A resource whose ETag is a hash of its representation
 * uses {@link #requireMatch}; one whose ETag is a version number the service compares itself (in its transaction)
 * uses {@link #expectedVersion}.
 */
public final class Preconditions {

    private Preconditions() {
    }

    /** If-Match: 428 when required and missing, 412 when it names another representation than the current one. */
    public static void requireMatch(Request request, String ifMatch, boolean required, EntityTag current) {
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
    public static Response.ResponseBuilder notModified(Request request, EntityTag current) {
        Response.ResponseBuilder builder = request.evaluatePreconditions(current);
        if (builder == null) {
            return null;
        }
        if (builder.build().getStatus() == Response.Status.NOT_MODIFIED.getStatusCode()) {
            return builder;
        }
        throw new PreconditionFailed("The resource does not match the If-Match given");
    }

    /**
     * The version named by If-Match ("3" or W/"3") for a resource tagged with its version number; absence is 428,
     * anything unreadable can never match (412). {@code what} names the resource in the messages.
     */
    public static long expectedVersion(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("Send If-Match with the ETag of the " + what + " you read");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new PreconditionFailed("If-Match does not name a version of this " + what);
        }
    }
}
