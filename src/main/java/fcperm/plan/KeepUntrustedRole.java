package fcperm.plan;

import java.util.List;

/**
 * The user's explicit choice to give the service a role Function Compute may not assume, as a step of its own: it
 * changes nothing in the cloud, but the plan shows it and applying it writes it to the audit journal, so the choice
 * is on record next to the changes it led to.
 */
record KeepUntrustedRole(String role, List<String> trustedPrincipals) implements PlanStep {

    /** The app's own entry in the journal's operation column: no cloud call is made. */
    static final String OPERATION = "fcperm:AcceptUntrustedRole";

    @Override
    public Change change() {
        String trusted = trustedPrincipals.isEmpty() ? "-" : String.join(", ", trustedPrincipals);
        return new Change(Change.Kind.KEEP_UNTRUSTED_ROLE, List.of(role, trusted), OPERATION, OPERATION);
    }

    @Override
    public String apply() {
        return "";
    }

    @Override
    public String undo() {
        return "";
    }
}
