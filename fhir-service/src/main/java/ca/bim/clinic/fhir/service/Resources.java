package ca.bim.clinic.fhir.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Location.LocationMode;
import org.hl7.fhir.r4.model.Location.LocationStatus;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Slot.SlotStatus;

import ca.bim.clinic.fhir.client.Native;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/** Maps booking-service's and client-service's native records onto FHIR R4 resources; no state of its own. */
public final class Resources {

    /** Naming systems of the clinic's own codes (stable URIs; not resolvable documents). */
    public static final String LOCATION_CODE_SYSTEM = "https://balanceinmotion.example/fhir/NamingSystem/location-code";
    public static final String APPOINTMENT_TYPE_SYSTEM = "https://balanceinmotion.example/fhir/CodeSystem/appointment-type";
    public static final String DISCIPLINE_SYSTEM = "https://balanceinmotion.example/fhir/CodeSystem/discipline";
    public static final String DURATION_EXTENSION = "https://balanceinmotion.example/fhir/StructureDefinition/duration";
    public static final String PRICE_EXTENSION = "https://balanceinmotion.example/fhir/StructureDefinition/price";

    private Resources() {
    }

    public static Location location(Native.Location l) {
        Location location = new Location();
        location.setId(l.id().toString());
        location.addIdentifier().setSystem(LOCATION_CODE_SYSTEM).setValue(l.code());
        location.setStatus(LocationStatus.ACTIVE);
        location.setMode(LocationMode.INSTANCE);
        location.setName(l.name());
        if (l.phone() != null) {
            location.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(l.phone()).setUse(ContactPointUse.WORK);
        }
        Address address = new Address().setUse(Address.AddressUse.WORK).setType(Address.AddressType.PHYSICAL)
                .setCity(l.city()).setState(l.province()).setCountry("CA");
        if (l.address() != null) {
            address.addLine(l.address());
        }
        location.setAddress(address);
        return location;
    }

    public static Practitioner practitioner(Native.Practitioner p) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(p.id().toString());
        practitioner.setActive(p.active());
        practitioner.addName(name(p.name()));
        if (p.credentials() != null && !p.credentials().isBlank()) {
            practitioner.addQualification().setCode(new CodeableConcept().setText(p.credentials()));
        }
        return practitioner;
    }

    /** The practitioner's single role: their discipline, where they work and what they deliver. */
    public static PractitionerRole practitionerRole(Native.Practitioner p, Collection<Native.Location> workplaces,
            Collection<Native.AppointmentType> delivered) {
        PractitionerRole role = new PractitionerRole();
        role.setId(p.id().toString());
        role.setActive(p.active());
        role.setPractitioner(reference("Practitioner", p.id().toString(), p.name()));
        if (p.discipline() != null) {
            role.addSpecialty(discipline(p.discipline()));
        }
        workplaces.forEach(l -> role.addLocation(reference("Location", l.id().toString(), l.name())));
        delivered.forEach(t -> role.addHealthcareService(reference("HealthcareService", t.code(), t.name())));
        return role;
    }

    /** One appointment type: what it is, how long it takes and what it costs (also in words for people). */
    public static HealthcareService healthcareService(Native.AppointmentType t) {
        HealthcareService service = new HealthcareService();
        service.setId(t.code());
        service.addIdentifier().setSystem(APPOINTMENT_TYPE_SYSTEM).setValue(t.code());
        service.setActive(t.active());
        service.addType(serviceType(t.code(), t.name()));
        if (t.disciplines() != null) {
            t.disciplines().forEach(d -> service.addSpecialty(discipline(d)));
        }
        service.setName(t.name());
        if (t.description() != null && !t.description().isBlank()) {
            service.setComment(t.description());
        }
        String currency = t.currency() == null ? "CAD" : t.currency();
        service.setExtraDetails(t.durationMinutes() + " minutes, " + currency + " " + t.priceCad().toPlainString()
                + (t.onlineBookable() ? "" : "; booked by the clinic only"));
        service.setAppointmentRequired(true);
        service.addExtension(DURATION_EXTENSION, new org.hl7.fhir.r4.model.Duration()
                .setValue(t.durationMinutes()).setUnit("min").setSystem("http://unitsofmeasure.org").setCode("min"));
        service.addExtension(PRICE_EXTENSION, new Money().setValue(t.priceCad()).setCurrency(currency));
        return service;
    }

    public static Schedule schedule(Native.Practitioner p, Native.Location l,
            Collection<Native.AppointmentType> delivered) {
        Schedule schedule = new Schedule();
        schedule.setId(new ScheduleId(p.id(), l.code()).value());
        schedule.setActive(p.active());
        delivered.forEach(t -> schedule.addServiceType(serviceType(t.code(), t.name())));
        if (p.discipline() != null) {
            schedule.addSpecialty(discipline(p.discipline()));
        }
        schedule.addActor(reference("Practitioner", p.id().toString(), p.name()));
        schedule.addActor(reference("Location", l.id().toString(), l.name()));
        schedule.setComment(p.name() + " at " + l.name());
        return schedule;
    }

    public static Slot slot(Native.Slot s, Native.AppointmentType type, SlotStatus status) {
        Slot slot = new Slot();
        slot.setId(SlotId.of(type.id(), s.locationId(), s.practitionerId(), s.start().toInstant()).value());
        slot.addServiceType(serviceType(type.code(), type.name()));
        slot.setSchedule(new Reference("Schedule/" + new ScheduleId(s.practitionerId(), s.locationCode()).value()));
        slot.setStatus(status);
        slot.setStartElement(instant(s.start()));
        slot.setEndElement(instant(s.end()));
        return slot;
    }

    public static Appointment appointment(Native.Appointment a) {
        Appointment appointment = new Appointment();
        appointment.setId(a.id().toString());
        appointment.getMeta().setVersionId(Long.toString(a.version()));
        appointment.setStatus(status(a.status()));
        appointment.addServiceType(serviceType(a.appointmentType(), a.appointmentTypeName()));
        appointment.setDescription(a.appointmentTypeName());
        appointment.setStartElement(instant(a.start()));
        appointment.setEndElement(instant(a.end()));
        appointment.setMinutesDuration((int) Duration.between(a.start(), a.end()).toMinutes());
        if (a.createdAt() != null) {
            DateTimeType created = new DateTimeType(Date.from(a.createdAt().toInstant()), TemporalPrecisionEnum.SECOND);
            created.setTimeZoneZulu(true);
            appointment.setCreatedElement(created);
        }
        if (a.cancellationReason() != null) {
            appointment.setCancelationReason(new CodeableConcept().setText(a.cancellationReason()));
        }
        appointment.addParticipant().setActor(new Reference("Patient/" + a.clientId()))
                .setRequired(ParticipantRequired.REQUIRED).setStatus(ParticipationStatus.ACCEPTED);
        appointment.addParticipant()
                .setActor(reference("Practitioner", a.practitionerId().toString(), a.practitionerName()))
                .setRequired(ParticipantRequired.REQUIRED).setStatus(ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(reference("Location", a.locationId().toString(), null))
                .setRequired(ParticipantRequired.REQUIRED).setStatus(ParticipationStatus.ACCEPTED);
        return appointment;
    }

    /** Demographics only: name, birth date, telecom. No intake, notes or consents ever leave client-service here. */
    public static Patient patient(Native.Demographics d) {
        Patient patient = new Patient();
        patient.setId(d.id().toString());
        patient.setActive(true);
        HumanName official = new HumanName().setUse(NameUse.OFFICIAL).setFamily(d.lastName()).addGiven(d.firstName());
        patient.addName(official);
        if (d.preferredName() != null && !d.preferredName().isBlank()) {
            patient.addName(new HumanName().setUse(NameUse.USUAL).addGiven(d.preferredName()));
        }
        if (d.dateOfBirth() != null) {
            patient.setBirthDateElement(new DateType(d.dateOfBirth().toString()));
        }
        if (d.phone() != null && !d.phone().isBlank()) {
            patient.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(d.phone());
        }
        if (d.email() != null && !d.email().isBlank()) {
            patient.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(d.email());
        }
        return patient;
    }

    /** Instants to the second, in UTC ("Z"), as booking-service keeps them. */
    static InstantType instant(OffsetDateTime time) {
        InstantType instant = new InstantType(Date.from(time.toInstant()), TemporalPrecisionEnum.SECOND);
        instant.setTimeZoneZulu(true);
        return instant;
    }

    static AppointmentStatus status(String nativeStatus) {
        // booking-service speaks lower-kebab-case (`checked-in`); older answers were upper snake case.
        return switch (nativeStatus == null ? "" : nativeStatus.toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "BOOKED" -> AppointmentStatus.BOOKED;
            case "CHECKED_IN" -> AppointmentStatus.CHECKEDIN;
            case "COMPLETED" -> AppointmentStatus.FULFILLED;
            case "CANCELLED" -> AppointmentStatus.CANCELLED;
            case "NO_SHOW" -> AppointmentStatus.NOSHOW;
            default -> AppointmentStatus.NULL;
        };
    }

    public static CodeableConcept serviceType(String code, String name) {
        return new CodeableConcept(new Coding(APPOINTMENT_TYPE_SYSTEM, code, name)).setText(name);
    }

    static CodeableConcept discipline(String nativeDiscipline) {
        String discipline = nativeDiscipline.toUpperCase(Locale.ROOT).replace('-', '_');
        String display = switch (discipline) {
            case "MASSAGE_THERAPY" -> "Registered massage therapy";
            case "KINESIOLOGY" -> "Kinesiology";
            default -> discipline;
        };
        return new CodeableConcept(new Coding(DISCIPLINE_SYSTEM, discipline.toLowerCase(Locale.ROOT).replace('_', '-'),
                display)).setText(display);
    }

    static Reference reference(String type, String id, String display) {
        Reference reference = new Reference(type + "/" + id);
        if (display != null) {
            reference.setDisplay(display);
        }
        return reference;
    }

    /** A display name as written ("Lawrence Lam, RMT" stays whole); the family name is its last word. */
    static HumanName name(String displayName) {
        HumanName name = new HumanName().setUse(NameUse.OFFICIAL).setText(displayName);
        List<String> words = List.of(displayName.trim().split("\\s+"));
        if (words.size() > 1) {
            words.subList(0, words.size() - 1).forEach(name::addGiven);
            name.setFamily(words.get(words.size() - 1));
        }
        return name;
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
