package fcperm.sandbox.ram;

/** One version of a policy. */
record PolicyVersion(String versionId, boolean isDefaultVersion, String document, String createDate) {
}
