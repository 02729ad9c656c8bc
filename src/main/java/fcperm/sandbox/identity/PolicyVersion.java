package fcperm.sandbox.identity;

/** One version of a policy. */
public record PolicyVersion(String versionId, boolean isDefaultVersion, String document, String createDate) {
}
