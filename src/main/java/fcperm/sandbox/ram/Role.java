package fcperm.sandbox.ram;

/** A RAM role as RAM reports it. */
record Role(String roleId, String roleName, String arn, String description, String assumeRolePolicyDocument,
            long maxSessionDuration, String createDate, String updateDate) {
}
