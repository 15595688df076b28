package ca.bim.clinic.client.domain;

import java.time.LocalDate;

/** What staff may search by; null fields are not criteria. */
public record ClientSearch(String lastName, String firstName, String email, String phoneDigits, LocalDate dateOfBirth,
        boolean includeArchived) {
}
