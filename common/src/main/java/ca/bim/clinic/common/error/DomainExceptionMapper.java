package ca.bim.clinic.common.error;

import java.net.URI;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;

/** The one place a domain exception becomes an HTTP answer: its kind gives status and title. */
public class DomainExceptionMapper {

    /** The status and usual title of one kind of domain exception. */
    public record Kind(int status, String title) {
    }

    @ServerExceptionMapper
    public Response toProblem(DomainException exception, UriInfo uriInfo) {
        Kind kind = kindOf(exception);
        return HttpProblem.builder()
                .withStatus(kind.status())
                .withTitle(exception.title().orElse(kind.title()))
                .withDetail(exception.getMessage())
                .withInstance(URI.create(uriInfo.getPath()))
                .build()
                .toResponse();
    }

    public static Kind kindOf(DomainException exception) {
        return switch (exception) {
            case InvalidInput e -> new Kind(400, "Bad Request");
            case Forbidden e -> new Kind(403, "Forbidden");
            case NotFound e -> new Kind(404, "Not Found");
            case Conflict e -> new Kind(409, "Conflict");
            case Gone e -> new Kind(410, "Gone");
            case PreconditionFailed e -> new Kind(412, "Precondition Failed");
            case Unprocessable e -> new Kind(422, "Unprocessable Content");
            case PreconditionRequired e -> new Kind(428, "Precondition Required");
            case Unavailable e -> new Kind(503, "Service Unavailable");
        };
    }
}
