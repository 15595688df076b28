package ca.bim.clinic.booking.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A bookable service: how long it lasts, the buffer kept free after it, its price and who may deliver it. */
@Entity
@Table(name = "appointment_type")
public class AppointmentType {

    @Id
    public UUID id;

    public String code;
    public String name;
    public String description;
    public int durationMinutes;
    public int bufferMinutes;

    @Column(precision = 8, scale = 2)
    public BigDecimal priceCad;

    public boolean onlineBookable;
    public boolean active;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appointment_type_discipline", joinColumns = @JoinColumn(name = "appointment_type_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "discipline")
    public Set<Discipline> disciplines = EnumSet.noneOf(Discipline.class);

    @Version
    public long version;

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public Duration buffer() {
        return Duration.ofMinutes(bufferMinutes);
    }
}
