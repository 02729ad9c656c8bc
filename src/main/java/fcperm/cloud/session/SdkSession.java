package fcperm.cloud.session;

import com.aliyun.credentials.Client;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import fcperm.cloud.CloudException;
import fcperm.cloud.CloudSession;
import fcperm.cloud.Connection;
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
import fcperm.cloud.sts.CoreCredentials;
import fcperm.cloud.sts.KeySources;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session over the official SDKs. Opening it asks STS who the key belongs to, which proves the key and the
 * endpoints work before anything else is tried; the FC endpoint of the public cloud needs that account id too.
 */
public final class SdkSession implements CloudSession {

    /** How a session pages; tests make pages small. */
    public record Settings(int pageSize) {

        public static Settings defaults() {
            return new Settings(100);
        }
    }

    private final Connection connection;
    private final Settings settings;
    private final com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider source;
    /** The credentials library's client: what tea-openapi clients take as they are, the others through adapters. */
    private final Client keys;
    private final AlibabaCloudCredentialsProvider coreKeys;
    private final RpcClient rpc;
    private final Identity identity;
    private final Roles roles;
    private final Policies policies;
    private final ResourceGroups resourceGroups;
    private final OssObjectStorage objects;
    private final Map<String, FunctionCompute> functionCompute = new ConcurrentHashMap<>();

    private SdkSession(Connection connection, Settings settings,
                       com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider source, Client keys,
                       AlibabaCloudCredentialsProvider coreKeys, RpcClient rpc, Identity identity) {
        this.connection = connection;
        this.settings = settings;
        this.source = source;
        this.keys = keys;
        this.coreKeys = coreKeys;
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

    /**
     * @throws IllegalArgumentException for a connection that cannot be used ({@link Connection#unusable()}): callers
     *                                  say why before they try
     */
    public static SdkSession open(Connection connection, Settings settings) throws CloudException {
        if (connection.unusable().isPresent()) {
            throw new IllegalArgumentException("connection " + connection.name() + " cannot be used: "
                    + connection.unusable().get());
        }
        var source = KeySources.of(connection.credentials(), connection.endpoints());
        Client keys = new Client(source);
        AlibabaCloudCredentialsProvider coreKeys = new CoreCredentials(keys);
        RpcClient rpc = new RpcClient(connection.region(), coreKeys);
        try {
            Identity identity = CallerIdentity.of(rpc, connection.endpoints().sts());
            return new SdkSession(connection, settings, source, keys, coreKeys, rpc, identity);
        } catch (CloudException | RuntimeException e) {
            rpc.close();
            KeySources.release(source);
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
    public String mode() {
        return connection.credentials().mode();
    }

    @Override
    public Optional<Instant> keyExpiry() {
        long expiration = keys.getCredential().getExpiration();
        return expiration > 0 ? Optional.of(Instant.ofEpochMilli(expiration)) : Optional.empty();
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
                connection.endpoints().fc(identity.accountId(), r), coreKeys, settings.pageSize()));
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
        KeySources.release(source);
    }

    @Override
    public String toString() {
        return "SdkSession[" + connection + ", " + identity.arn() + "]";
    }
}
