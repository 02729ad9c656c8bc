package fcperm.cloud.sts;

import com.aliyun.credentials.exception.CredentialException;
import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider;
import fcperm.cloud.CloudException;

/**
 * A provider of the credentials library whose failures say what the mode needs: the library's own text names its
 * internals and may quote the raw answer it got, so the user gets {@code advice} and the library's exception is kept
 * only as the cause.
 */
final class Explained implements AlibabaCloudCredentialsProvider {

    private final AlibabaCloudCredentialsProvider provider;
    private final String operation;
    private final String advice;

    Explained(AlibabaCloudCredentialsProvider provider, String operation, String advice) {
        this.provider = provider;
        this.operation = operation;
        this.advice = advice;
    }

    @Override
    public CredentialModel getCredentials() {
        try {
            return provider.getCredentials();
        } catch (RuntimeException e) {
            throw new CredentialException(advice,
                    new CloudException(operation, "CredentialsUnavailable", 0, "", advice, e));
        }
    }

    @Override
    public String getProviderName() {
        return provider.getProviderName();
    }

    @Override
    public void close() {
        KeySources.release(provider);
    }
}
