package fcperm.cloud;

/**
 * A RAM role as listed, with its trust policy and whether that lets Function Compute assume it (judged when
 * listed).
 */
public record RoleSummary(String name, String arn, String description, String trustPolicy,
                          boolean trustsFunctionCompute) {
}
