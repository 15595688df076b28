package ca.bim.clinic.common.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The 201 answer of an endpoint that creates a resource below the collection it was posted to. */
public final class Created {

    private Created() {
    }

    /** 201 with {@code Location} = the request's URL plus {@code /id}, and {@code body}; add headers, then build. */
    public static Response.ResponseBuilder at(UriInfo uri, Object id, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build()).entity(body);
    }
}
