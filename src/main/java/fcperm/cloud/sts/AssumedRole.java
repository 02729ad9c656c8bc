package fcperm.cloud.sts;

import com.aliyun.credentials.exception.CredentialException;
import com.aliyun.credentials.http.CompatibleUrlConnClient;
import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider;
import com.aliyun.credentials.provider.RefreshResult;
import com.aliyun.credentials.provider.SessionCredentialsProvider;
import fcperm.cloud.CloudException;
import fcperm.cloud.sdk.Failures;

import java.net.URI;
import java.util.function.Function;

/**
 * A role's temporary key, kept and renewed by the credentials library's cache (a key is assumed again when less
 * than a quarter of an hour of it is left, so no call is signed with an expiring key). The request itself is the
 * library's RamRoleArn or OIDC provider's; this class only hands it the {@link StsTransport} to the connection's STS
 * endpoint, and turns a refusal into the {@link CloudException} the user sees.
 */
final class AssumedRole extends SessionCredentialsProvider {

    private final String operation;
    private final String roleArn;
    private final URI sts;
    private final Function<CompatibleUrlConnClient, RefreshResult<CredentialModel>> assume;
    private final AlibabaCloudCredentialsProvider source;

    /**
     * {@code assume} sends the library's request with the client it is given; {@code source} is the provider of the
     * keys it signs with (closed with this one), {@code null} when the request needs none (OIDC).
     */
    AssumedRole(String operation, String roleArn, URI sts,
                Function<CompatibleUrlConnClient, RefreshResult<CredentialModel>> assume,
                AlibabaCloudCredentialsProvider source) {
        super(new Settings());
        this.operation = operation;
        this.roleArn = roleArn;
        this.sts = sts;
        this.assume = assume;
        this.source = source;
    }

    @Override
    public RefreshResult<CredentialModel> refreshCredentials() {
        StsTransport transport = new StsTransport(sts);
        try {
            return assume.apply(transport);
        } catch (RuntimeException e) {
            // the source's own refusal (a chain of roles) travels as it is; otherwise it is this call's answer
            CloudException refusal = Failures.cloudCause(e).orElseGet(() -> transport.failure(operation, roleArn, e));
            throw new CredentialException(refusal.userMessage(), refusal);
        }
    }

    @Override
    public String getProviderName() {
        return operation;
    }

    @Override
    public void close() {
        super.close();
        if (source != null) {
            KeySources.release(source);
        }
    }

    @Override
    public String toString() {
        return "AssumedRole[" + roleArn + " at " + sts + "]";
    }

    /** The library's defaults: renewed by the caller that finds the key stale, never in the background. */
    private static final class Settings extends SessionCredentialsProvider.BuilderImpl<AssumedRole, Settings> {
        @Override
        public AssumedRole build() {
            throw new UnsupportedOperationException("built by its constructor");
        }
    }
}
