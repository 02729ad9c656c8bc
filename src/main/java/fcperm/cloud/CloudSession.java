package fcperm.cloud;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An open connection: who we are, where the services answer, and the ports to each service. Opened by
 * {@code fcperm.cloud.session.SdkSession.open}.
 */
public interface CloudSession extends AutoCloseable {

    /** The name of the connection it was opened with. */
    String connectionName();

    Identity identity();

    /** The aliyun CLI's name of how the connection gets its keys (AK, StsToken, RamRoleArn, ...). */
    String mode();

    /** When the key in use expires (an STS token, a role's key); empty for a long-term AccessKey. */
    Optional<Instant> keyExpiry();

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

    /** Releases the SDK clients' connection pools. */
    @Override
    void close();
}
