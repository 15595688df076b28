package ca.bim.clinic.injury.domain;

/** The shape of the stable, URL-safe identifiers of entries and techniques. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String MESSAGE = "must be lower-case words joined by single hyphens, e.g. it-band-syndrome";

    private Slugs() {
    }
}
