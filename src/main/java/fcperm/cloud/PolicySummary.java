package fcperm.cloud;

/** A RAM policy as listed: name, kind, description and the version that is in force. */
public record PolicySummary(String name, PolicyKind kind, String description, String defaultVersion) {
}
