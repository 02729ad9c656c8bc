package fcperm.cloud;

/** A RAM role with its trust policy (the document naming who may assume it). */
public record RoleDetails(String name, String arn, String description, String trustPolicy,
                          boolean trustsFunctionCompute) {
}
