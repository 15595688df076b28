package ca.bim.clinic.injury.domain;

import java.util.Arrays;
import java.util.Optional;

/** How one entry relates to another. */
public enum RelationKind {
    /** Left untreated, this injury can lead to the other one. */
    MAY_LEAD_TO("may-lead-to"),
    /** The tissues involved are one continuous structure. */
    CONTINUOUS_WITH("continuous-with"),
    /** Shares causes or the region where the dysfunction sits. */
    RELATED("related");

    private final String code;

    RelationKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<RelationKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
