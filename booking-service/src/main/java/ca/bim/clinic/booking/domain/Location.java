package ca.bim.clinic.booking.domain;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

    public String code;
    public String name;
    public String address;
    public String city;
    public String province;
    public String phone;
    public String timeZone;
    public boolean active;

    @Version
    public long version;

    // ZoneId.of checks the name's syntax on every call; an availability answer asks once per schedule.
    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

    public ZoneId zone() {
        return ZONES.computeIfAbsent(timeZone, ZoneId::of);
    }
}
