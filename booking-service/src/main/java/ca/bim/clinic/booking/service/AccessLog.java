package ca.bim.clinic.booking.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.events.service.Outbox;
import ca.bim.clinic.common.security.Caller;

/**
 * Reads of a client's appointments by anyone but the client reach the client's access log in client-service: one
 * {@code client.appointments-read} event per client and request, written through the outbox so it is delivered even
 * if client-service is down right now.
 */
@ApplicationScoped
public class AccessLog {

    /** One appointment that was shown, and whose it is. */
    public record Shown(UUID appointmentId, UUID clientId) {
    }

    @Inject Outbox outbox;

    /** Records what {@code caller} was shown by {@code request} (method and path, no query string). */
    @Transactional
    public void shown(Caller caller, List<Shown> shown, String request) {
        if (caller.isClient() || shown.isEmpty()) {
            return; // a client reading their own appointments is not an access to log
        }
        Map<UUID, List<UUID>> byClient = new LinkedHashMap<>();
        for (Shown s : shown) {
            byClient.computeIfAbsent(s.clientId(), c -> new ArrayList<>()).add(s.appointmentId());
        }
        String role = viewerRole(caller);
        byClient.forEach((client, ids) -> outbox.appointmentsRead(client, caller.subject(), role, ids, request));
    }

    /** The role the caller read in, the most privileged first (contract: therapist, front-desk, admin, partner). */
    static String viewerRole(Caller caller) {
        if (caller.roles().contains(Caller.ADMIN)) {
            return Caller.ADMIN;
        }
        if (caller.roles().contains(Caller.FRONT_DESK)) {
            return Caller.FRONT_DESK;
        }
        if (caller.isTherapist()) {
            return Caller.THERAPIST;
        }
        return Caller.PARTNER;
    }
}
