package fcperm.cloud;

/** Who a connection acts as (STS GetCallerIdentity): the account, the kind of principal and its ARN. */
public record Identity(String accountId, String principalType, String arn, String principalId) {
}
