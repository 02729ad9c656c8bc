package fcperm.cloud.oss;

import com.aliyun.oss.common.auth.Credentials;
import com.aliyun.oss.common.auth.CredentialsProvider;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;

/** The connection's keys (core's provider, which may renew a role key) in the shape the OSS SDK asks for. */
final class OssCredentials implements CredentialsProvider {

    private final AlibabaCloudCredentialsProvider keys;

    OssCredentials(AlibabaCloudCredentialsProvider keys) {
        this.keys = keys;
    }

    @Override
    public void setCredentials(Credentials credentials) {
        throw new UnsupportedOperationException("the connection's keys are fixed when it is opened");
    }

    @Override
    public Credentials getCredentials() {
        AlibabaCloudCredentials current;
        try {
            current = keys.getCredentials();
        } catch (ClientException e) {
            // Carries the CloudException of a failed renewal; the OSS SDK wraps it and Failures finds it again.
            throw new IllegalStateException(e.getErrMsg(), e.getCause() != null ? e.getCause() : e);
        }
        if (current instanceof BasicSessionCredentials session) {
            return new DefaultCredentials(current.getAccessKeyId(), current.getAccessKeySecret(),
                    session.getSessionToken());
        }
        return new DefaultCredentials(current.getAccessKeyId(), current.getAccessKeySecret());
    }
}
