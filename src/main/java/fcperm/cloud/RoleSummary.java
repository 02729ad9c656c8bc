package fcperm.cloud;

/** A RAM role as listed, with whether its trust policy lets Function Compute assume it. */
public record RoleSummary(String name, String arn, String description, boolean trustsFunctionCompute) {
}
