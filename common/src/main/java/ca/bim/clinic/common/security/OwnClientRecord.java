package ca.bim.clinic.common.security;

import java.util.UUID;

/**
 * Implemented by a service that keeps the link from a token subject to the caller's own client record
 * (booking-service asks client-service). When a bean of this type exists, {@link RequestCaller} fills in
 * {@link Caller#clientId()} for callers acting as clients; without one it stays empty.
 */
public interface OwnClientRecord {

    /** The client record id of the user with this token subject; throws a domain exception when there is none. */
    UUID of(String subject);
}
