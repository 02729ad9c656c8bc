package fcperm.cloud.session;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import fcperm.cloud.CloudException;
import fcperm.cloud.CloudSession;
import fcperm.cloud.Connection;
import fcperm.cloud.Credentials;
import fcperm.cloud.Endpoints;
import fcperm.cloud.FunctionCompute;
import fcperm.cloud.Identity;
import fcperm.cloud.ObjectStorage;
import fcperm.cloud.Policies;
import fcperm.cloud.ResourceGroups;
import fcperm.cloud.Roles;
import fcperm.cloud.ServiceEndpoints;
import fcperm.cloud.fc.Fc2FunctionCompute;
import fcperm.cloud.oss.OssObjectStorage;
import fcperm.cloud.ram.RamPolicies;
import fcperm.cloud.ram.RamRoles;
import fcperm.cloud.resourcemanager.GroupPolicyAttachments;
import fcperm.cloud.resourcemanager.RmResourceGroups;
import fcperm.cloud.sdk.RpcClient;
import fcperm.cloud.sts.CallerIdentity;
import fcperm.cloud.sts.SigningKeys;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session over the official SDKs. Opening it asks STS who the key belongs to, which proves the key and the
 * endpoints work before anything else is tried; the FC endpoint of the public cloud needs that account id too.
 */
public final class SdkSession implements CloudSession {

    /** How a session pages and tells time; tests make pages small and move the clock. */
    public record Settings(int pageSize, Clock clock) {

        public static Settings defaults() {
            return new Settings(100, Clock.systemUTC());
        }
    }

    private final Connection connection;
    private final Settings settings;
    private final AlibabaCloudCredentialsProvider keys;
    private final RpcClient rpc;
    private final Identity identity;
    private final Roles roles;
    private final Policies policies;
    private final ResourceGroups resourceGroups;
    private final OssObjectStorage objects;
    private final Map<String, FunctionCompute> functionCompute = new ConcurrentHashMap<>();

    private SdkSession(Connection connection, Settings settings, AlibabaCloudCredentialsProvider keys, RpcClient rpc,
                       Identity identity) {
        this.connection = connection;
        this.settings = settings;
        this.keys = keys;
        this.rpc = rpc;
        this.identity = identity;
        Endpoints endpoints = connection.endpoints();
        this.roles = new RamRoles(rpc, endpoints.ram(), identity.accountId(), settings.pageSize());
        this.policies = new RamPolicies(rpc, endpoints.ram(), new GroupPolicyAttachments(rpc,
                endpoints.resourceManager(), identity.accountId(), settings.pageSize()), settings.pageSize());
        this.resourceGroups = new RmResourceGroups(rpc, endpoints.resourceManager(), settings.pageSize());
        this.objects = new OssObjectStorage(endpoints::oss, connection.region(), keys, settings.pageSize());
    }

    public static CloudSession open(Connection connection) throws CloudException {
        return open(connection, Settings.defaults());
    }

    public static SdkSession open(Connection connection, Settings settings) throws CloudException {
        if (connection.unsupportedReason().isPresent()) {
            String code = connection.credentials() instanceof Credentials.Incomplete ? "IncompleteProfile"
                    : "UnsupportedProfileMode";
            throw new CloudException("connect", code, 0, "",
                    connection.unsupportedReason().get(), null);
        }
        AlibabaCloudCredentialsProvider keys = SigningKeys.of(connection.credentials(),
                connection.endpoints().sts(), connection.region(), settings.clock());
        RpcClient rpc = new RpcClient(connection.region(), keys);
        try {
            Identity identity = CallerIdentity.of(rpc, connection.endpoints().sts());
            return new SdkSession(connection, settings, keys, rpc, identity);
        } catch (CloudException | RuntimeException e) {
            rpc.close();
            closeKeys(keys);
            throw e;
        }
    }

    @Override
    public String connectionName() {
        return connection.name();
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public ServiceEndpoints endpoints() {
        Endpoints endpoints = connection.endpoints();
        return new ServiceEndpoints(endpoints.ram(), endpoints.sts(), endpoints.resourceManager(),
                endpoints.fc(identity.accountId(), connection.region()), endpoints.oss(connection.region()));
    }

    @Override
    public String defaultRegion() {
        return connection.region();
    }

    @Override
    public FunctionCompute functionCompute(String region) {
        return functionCompute.computeIfAbsent(region, r -> new Fc2FunctionCompute(identity.accountId(), r,
                connection.endpoints().fc(identity.accountId(), r), keys, settings.pageSize()));
    }

    @Override
    public Roles roles() {
        return roles;
    }

    @Override
    public Policies policies() {
        return policies;
    }

    @Override
    public ResourceGroups resourceGroups() {
        return resourceGroups;
    }

    @Override
    public ObjectStorage objects() {
        return objects;
    }

    @Override
    public String ossEndpointFor(String region) {
        return connection.endpoints().oss(region).toString();
    }

    @Override
    public void close() {
        rpc.close();
        objects.close();
        closeKeys(keys);
    }

    private static void closeKeys(AlibabaCloudCredentialsProvider keys) {
        if (keys instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot release the role-assuming client", e);
            }
        }
    }

    @Override
    public String toString() {
        return "SdkSession[" + connection + ", " + identity.arn() + "]";
    }
}
