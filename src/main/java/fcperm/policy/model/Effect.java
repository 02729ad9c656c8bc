package fcperm.policy.model;

/** Whether a matching statement grants or refuses. */
public enum Effect {
    ALLOW("Allow"), DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** The spelling in a policy document. */
    public String json() {
        return json;
    }
}
