package ca.bim.clinic.booking.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A period in which a practitioner takes no appointments, whatever the weekly schedule says. */
@Entity
@Table(name = "time_off")
public class TimeOff extends PractitionerTime {

    public Instant startsAt;
    public Instant endsAt;
    public String reason;
}
