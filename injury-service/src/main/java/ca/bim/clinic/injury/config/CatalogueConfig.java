package ca.bim.clinic.injury.config;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "catalogue")
public interface CatalogueConfig {

    /** Booking codes an entry may recommend; the booking service seeds exactly these appointment types. */
    @WithDefault("sports-massage-30,sports-massage-60,sports-massage-90,plantar-fasciitis-massage-60,"
            + "mobility-maker-75,massage-therapy-60,kinesiology-assessment-60")
    Set<String> appointmentTypes();

    /** How long shared caches may keep a published entry or page. */
    @WithDefault("PT5M")
    Duration publicMaxAge();
}
