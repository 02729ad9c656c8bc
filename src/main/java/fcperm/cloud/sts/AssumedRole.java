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
import java.time.Duration;
import java.util.function.Function;

/**
 * A role's temporary key, kept and renewed by the credentials library's cache. The request itself is the library's
 * RamRoleArn or OIDC provider's; this class hands it the {@link StsTransport} to the connection's STS endpoint, turns a
 * refusal into the {@link CloudException} the user sees, and says when the key is due: a fifth of its lifetime before
 * it expires, at most five minutes. (The library's own rule, a quarter of an hour before, would assume a 900-second
 * key, the aliyun CLI's usual one, again before every call.)
 */
final class AssumedRole extends SessionCredentialsProvider {

    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final String operation;
    private final String roleArn;
    private final URI sts;
    private final Function<CompatibleUrlConnClient, RefreshResult<CredentialModel>> assume;
    private final AlibabaCloudCredentialsProvider source;
    private final Duration margin;

    /**
     * {@code assume} sends the library's request with the client it is given; {@code source} is the provider of the
     * keys it signs with (closed with this one), {@code null} when the request needs none (OIDC);
     * {@code durationSeconds} is the lifetime asked for.
     */
    AssumedRole(String operation, String roleArn, URI sts, int durationSeconds,
                Function<CompatibleUrlConnClient, RefreshResult<CredentialModel>> assume,
                AlibabaCloudCredentialsProvider source) {
        super(new Settings());
        this.operation = operation;
        this.roleArn = roleArn;
        this.sts = sts;
        this.assume = assume;
        this.source = source;
        Duration fifth = Duration.ofSeconds(durationSeconds).dividedBy(5);
        this.margin = fifth.compareTo(MAX_MARGIN) < 0 ? fifth : MAX_MARGIN;
    }

    @Override
    public RefreshResult<CredentialModel> refreshCredentials() {
        StsTransport transport = new StsTransport(sts);
        try {
            CredentialModel key = assume.apply(transport).value();
            return RefreshResult.builder(key).staleTime(key.getExpiration() - margin.toMillis()).build();
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
