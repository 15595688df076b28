package ca.bim.clinic.booking.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * What a client booked with a practitioner, whether one slot ({@link SlotClaim}) or a recurring
 * {@link AppointmentSeries}: which type, where, for whom, by whom and when.
 */
@MappedSuperclass
public abstract class ClientBooking extends PractitionerTime {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_type_id")
    public AppointmentType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Location location;

    /** The client's record id in client-service. */
    public UUID clientId;

    /** Subject of the token that booked (or held) it: a client, staff member or partner. */
    public String bookedBy;

    public Instant createdAt;
}
