package ca.bim.clinic.injury.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every entry of the catalogue has (injuries and techniques): an id, the stable public slug it is addressed by,
 * a name, and the version and time of its last change (optimistic locking, ETag).
 */
@MappedSuperclass
public abstract class CatalogueEntry {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Version
    public long version;

    @Column(nullable = false)
    public Instant updatedAt;
}
