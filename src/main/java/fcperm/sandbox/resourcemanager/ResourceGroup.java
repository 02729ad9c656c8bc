package fcperm.sandbox.resourcemanager;

/** A resource group of the account. */
record ResourceGroup(String id, String name, String displayName, String status, boolean isDefault, String createDate) {
}
