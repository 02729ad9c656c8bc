package fcperm.sandbox.identity;

/** A resource group of the account. */
public record ResourceGroupRecord(String id, String name, String displayName, String status, boolean isDefault, String createDate) {
}
