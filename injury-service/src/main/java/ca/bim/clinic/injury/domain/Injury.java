package ca.bim.clinic.injury.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of the running-injury catalogue, addressed publicly by its stable slug. The search columns of the table
 * are maintained by a database trigger and are deliberately not mapped.
 */
@Entity
@Table(name = "injury")
public class Injury extends CatalogueEntry {

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> aliases = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> bodyRegions = new ArrayList<>();

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String anatomy;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> symptoms = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> causes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Treatment> treatments = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> selfCare = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Complication> complications = new ArrayList<>();

    /** Named: the naming strategy splits no run of capitals, so it would give seeadoctor_if. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "see_a_doctor_if", nullable = false, columnDefinition = "text[]")
    public List<String> seeADoctorIf = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> recommendedAppointmentTypes = new ArrayList<>();

    /** Null where the catalogue recommends no course. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public RecommendedCourse recommendedCourse;

    @ElementCollection
    @CollectionTable(name = "injury_relation", joinColumns = @JoinColumn(name = "injury_id"))
    public Set<Relation> relations = new HashSet<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ClinicalCode> codes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Source> sources = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InjuryStatus status;

    public boolean isPublished() {
        return status == InjuryStatus.published;
    }
}
