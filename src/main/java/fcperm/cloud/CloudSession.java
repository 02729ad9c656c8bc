package fcperm.cloud;

import java.util.List;

/**
 * An open connection: who we are, where the services answer, and the ports to each service. Opened by
 * {@code fcperm.cloud.session.SdkSession.open}.
 */
public interface CloudSession extends AutoCloseable {

    /** The name of the connection it was opened with. */
    String connectionName();

    Identity identity();

    ServiceEndpoints endpoints();

    String defaultRegion();

    /** The regions where Function Compute 2.0 runs. */
    default List<FcRegion> regions() {
        return FcRegion.ALL;
    }

    FunctionCompute functionCompute(String region);

    Roles roles();

    Policies policies();

    ResourceGroups resourceGroups();

    ObjectStorage objects();

    /** The OSS endpoint a function in {@code region} writes to. */
    String ossEndpointFor(String region);

    /** The trust policy of a role made for Function Compute. */
    default String functionComputeTrustPolicy() {
        return TrustPolicies.FUNCTION_COMPUTE;
    }

    /** Releases the SDK clients' connection pools. */
    @Override
    void close();
}
