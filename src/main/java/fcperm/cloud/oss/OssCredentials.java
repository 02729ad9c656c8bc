package fcperm.cloud.oss;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.oss.common.auth.Credentials;
import com.aliyun.oss.common.auth.CredentialsProvider;
import com.aliyun.oss.common.auth.DefaultCredentials;
import fcperm.cloud.CloudException;
import fcperm.cloud.sts.KeySources;

/**
 * The connection's keys (the credentials library's client, which may renew a role key) in the shape the OSS SDK asks
 * for, before every request.
 */
final class OssCredentials implements CredentialsProvider {

    private final Client keys;

    OssCredentials(Client keys) {
        this.keys = keys;
    }

    @Override
    public void setCredentials(Credentials credentials) {
        throw new UnsupportedOperationException("the connection's keys are fixed when it is opened");
    }

    @Override
    public Credentials getCredentials() {
        CredentialModel key;
        try {
            key = keys.getCredential();
        } catch (RuntimeException e) {
            // Carries the CloudException of a refused renewal; the OSS SDK wraps it and Failures finds it again.
            CloudException failure = KeySources.failure(e);
            throw new IllegalStateException(failure.userMessage(), failure);
        }
        String token = key.getSecurityToken();
        if (token == null || token.isEmpty()) {
            return new DefaultCredentials(key.getAccessKeyId(), key.getAccessKeySecret());
        }
        return new DefaultCredentials(key.getAccessKeyId(), key.getAccessKeySecret(), token);
    }
}
