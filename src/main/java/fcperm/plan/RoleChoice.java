package fcperm.plan;

/** Which role the service gets: a new one (created with the given trust policy) or an existing one. */
public sealed interface RoleChoice {

    String name();

    /** A role to create. {@code trustPolicy} is the document as the user saw it (FC's by default). */
    record NewRole(String name, String description, String trustPolicy) implements RoleChoice {
    }

    /** A role that exists; {@code fixTrust}: also let FC assume it (the user accepted the one-click fix). */
    record ExistingRole(String name, String arn, boolean fixTrust) implements RoleChoice {
    }
}
