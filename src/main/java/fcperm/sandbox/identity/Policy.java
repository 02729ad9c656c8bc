package fcperm.sandbox.identity;

/** A RAM policy (System or Custom) with its default version's document. */
public record Policy(String policyName, String policyType, String description, String defaultVersion, String document,
              String createDate, String updateDate, long attachmentCount) {
}
