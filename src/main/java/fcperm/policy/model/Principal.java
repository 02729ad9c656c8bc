package fcperm.policy.model;

import java.util.List;

/**
 * Who a trust policy (or a bucket policy) speaks of: RAM identities ({@code acs:ram::<uid>:root|user/…|role/…}),
 * cloud services ({@code fc.aliyuncs.com}) and federated identity providers. {@code "*"} as a RAM entry means anyone.
 */
public record Principal(List<String> ram, List<String> service, List<String> federated) {

    public Principal {
        ram = List.copyOf(ram);
        service = List.copyOf(service);
        federated = List.copyOf(federated);
    }
}
