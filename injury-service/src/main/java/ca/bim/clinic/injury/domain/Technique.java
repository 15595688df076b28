package ca.bim.clinic.injury.domain;


import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A treatment technique (myofascial release, cupping, ...) that injury entries link to by slug. */
@Entity
@Table(name = "technique")
public class Technique extends CatalogueEntry {

    @Column(nullable = false)
    public String description;
}
