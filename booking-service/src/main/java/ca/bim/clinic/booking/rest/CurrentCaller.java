package ca.bim.clinic.booking.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.common.security.RequestCaller;

/** Transitional alias of {@link RequestCaller} (which now resolves the client id) for the resources not moved yet. */
@RequestScoped
public class CurrentCaller {

    @Inject RequestCaller request;

    public Caller get() {
        return request.get();
    }
}
