package ca.bim.clinic.booking.rest;

import java.util.UUID;

import ca.bim.clinic.booking.domain.Location;

public record LocationResponse(UUID id, String code, String name, String address, String city,
        String province, String phone, String timeZone) {

    static LocationResponse from(Location location) {
        return new LocationResponse(location.id, location.code, location.name, location.address, location.city,
                location.province, location.phone, location.timeZone);
    }
}
