package ca.bim.clinic.client.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.client.service.RecordService;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import io.quarkus.security.Authenticated;

@Path("/api/v1/clients/{id}")
@Tag(name = "Right of access")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "403", description = "Staff role other than admin")
@APIResponse(responseCode = "404", description = "No such client, or not the caller's own record")
public class RecordResource {

    @Inject RecordService records;

    @GET
    @Path("/access-log")
    @Operation(operationId = "listClientAccessLog", summary = "Who read or changed this client's record", description = "The client themselves and "
            + "admins. Every read and change is listed, refused ones too, newest first, with the request id.")
    @APIResponse(responseCode = "200", description = "One page of access log entries")
    public PageResponse<AccessLogResponse> accessLog(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return records.accessLog(id, page).map(AccessLogResponse::from);
    }

    @GET
    @Path("/export")
    @Operation(operationId = "exportClientRecords", summary = "Everything held about the client, as one JSON document", description = "Profile, "
            + "every intake version, consents with history, notes with amendments, care team and access log. "
            + "The client themselves and admins.")
    @APIResponse(responseCode = "200", description = "The export")
    public ExportResponse export(@PathParam("id") UUID id) {
        return ExportResponse.from(records.export(id));
    }
}
