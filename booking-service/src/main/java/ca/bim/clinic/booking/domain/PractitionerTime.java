package ca.bim.clinic.booking.domain;

import java.util.UUID;

import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * A row about some of one practitioner's time: weekly hours, time off, a series, an appointment or a hold. Each of
 * these tables has its own id and a required {@code practitioner_id}.
 */
@MappedSuperclass
public abstract class PractitionerTime {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Practitioner practitioner;
}
