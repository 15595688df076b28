package ca.bim.clinic.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.config.BookingRules;
import ca.bim.clinic.booking.domain.Appointment;
import ca.bim.clinic.booking.repository.AppointmentRepository;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

/**
 * A practitioner's upcoming appointments as iCalendar. Events name the service and location and reference the
 * appointment id; nothing about the client's health is included.
 */
@ApplicationScoped
public class CalendarService {

    @Inject AppointmentRepository appointments;
    @Inject BookingRules rules;
    @Inject Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public String upcoming(UUID practitionerId, String practitionerName) {
        Instant now = clock.instant();
        Calendar calendar = new Calendar().withProdId("-//Balance in Motion//Clinic booking//EN").withDefaults()
                .getFluentTarget();
        for (Appointment a : appointments.findUpcoming(practitionerId, now.truncatedTo(ChronoUnit.DAYS),
                now.plus(rules.horizon()).plus(1, ChronoUnit.DAYS))) {
            VEvent event = new VEvent(a.startsAt, a.endsAt, a.type.name + " with " + practitionerName);
            event.replace(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
            event.add(new Uid(a.id + "@booking.balanceinmotion.example"));
            event.add(new Location(a.location.name));
            event.add(new Description("Appointment " + a.id + " (" + a.status + ")"));
            event.add(ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(event);
        }
        return calendar.toString();
    }
}
