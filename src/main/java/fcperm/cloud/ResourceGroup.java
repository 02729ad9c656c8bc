package fcperm.cloud;

/** A Resource Manager resource group of the account. */
public record ResourceGroup(String id, String name, String displayName, String status) {
}
