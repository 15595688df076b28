package ca.bim.clinic.fhir.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.bim.clinic.fhir.error.FhirProblem;

/** Reads and writes FHIR resources with HAPI's JSON parser (parsers are cheap; the context is shared). */
@Provider
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@Consumes({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
public class FhirJsonProvider implements MessageBodyWriter<IBaseResource>, MessageBodyReader<IBaseResource> {

    @Inject FhirContext fhir;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(IBaseResource resource, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        fhir.newJsonParser().encodeResourceToWriter(resource, writer);
        writer.flush();
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    public IBaseResource readFrom(Class<IBaseResource> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream in) throws IOException {
        IParser parser = fhir.newJsonParser();
        try {
            return parser.parseResource(type, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw FhirProblem.badRequest("The body is not a FHIR R4 " + type.getSimpleName() + " in JSON: "
                    + e.getMessage());
        }
    }
}
