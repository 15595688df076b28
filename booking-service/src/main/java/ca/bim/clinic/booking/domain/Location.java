package ca.bim.clinic.booking.domain;

import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A clinic location; its zone decides how local schedule times map to instants. */
@Entity
@Table(name = "location")
public class Location {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false)
    public String province;

    @Column(nullable = false)
    public String phone;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
