package ca.bim.clinic.client.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.client.domain.ConsentType;

/** Grant or withdraw one consent. */
public record ConsentRequest(@NotNull ConsentType consent, @NotNull Action action) {

    @Schema(name = "ConsentAction")
    public enum Action {
        grant,
        withdraw
    }
}
