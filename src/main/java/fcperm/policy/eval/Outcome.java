package fcperm.policy.eval;

/** The three outcomes of RAM's evaluation. */
public enum Outcome {
    ALLOW("Allow"), IMPLICIT_DENY("ImplicitDeny"), EXPLICIT_DENY("ExplicitDeny");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** As Alibaba's diagnostics print it. */
    public String label() {
        return label;
    }
}
