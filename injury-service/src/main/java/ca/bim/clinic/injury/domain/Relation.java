package ca.bim.clinic.injury.domain;

import java.util.Objects;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A link from one entry to another; a row of `injury_relation`. */
@Embeddable
public class Relation {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "related_id", nullable = false)
    public Injury related;

    @Convert(converter = KindConverter.class)
    @Column(nullable = false)
    public RelationKind kind;

    protected Relation() {
    }

    public Relation(Injury related, RelationKind kind) {
        this.related = related;
        this.kind = kind;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Relation that && Objects.equals(related.id, that.related.id) && kind == that.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(related.id, kind);
    }

    @Converter
    public static class KindConverter implements AttributeConverter<RelationKind, String> {

        @Override
        public String convertToDatabaseColumn(RelationKind kind) {
            return kind == null ? null : kind.code();
        }

        @Override
        public RelationKind convertToEntityAttribute(String code) {
            return code == null ? null
                    : RelationKind.fromCode(code).orElseThrow(() -> new IllegalStateException("relation kind " + code));
        }
    }
}
