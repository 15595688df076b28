package ca.bim.clinic.booking.rest;

import jakarta.enterprise.context.RequestScoped;

import ca.bim.clinic.booking.service.ClientIds;
import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.common.security.RequestCaller;

/** The {@link Caller} of the current request; the client id is fetched only for callers acting as clients. */
@RequestScoped
public class CurrentCaller {

    private final RequestCaller request;
    private final ClientIds clientIds;

    CurrentCaller(RequestCaller request, ClientIds clientIds) {
        this.request = request;
        this.clientIds = clientIds;
    }

    public Caller get() {
        Caller caller = request.get();
        return caller.isClient() ? caller.withClientId(clientIds.of(caller.subject())) : caller;
    }
}
