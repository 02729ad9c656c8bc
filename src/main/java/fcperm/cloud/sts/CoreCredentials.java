package fcperm.cloud.sts;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.CredentialModel;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;
import fcperm.cloud.CloudException;

/**
 * The credentials library's client in the shape aliyun-java-sdk-core (RAM, STS, Resource Manager, FC 2.0) asks for.
 * Asked before every request, so a renewed key is used as soon as the library has it.
 */
public final class CoreCredentials implements AlibabaCloudCredentialsProvider {

    private final Client keys;

    public CoreCredentials(Client keys) {
        this.keys = keys;
    }

    @Override
    public AlibabaCloudCredentials getCredentials() throws ClientException {
        CredentialModel key;
        try {
            key = keys.getCredential();
        } catch (RuntimeException e) {
            // the core reports a ClientException; RpcClient finds the CloudException inside it again
            CloudException failure = KeySources.failure(e);
            throw new ClientException(failure.code(), failure.userMessage(), failure);
        }
        String token = key.getSecurityToken();
        if (token == null || token.isEmpty()) {
            return new BasicCredentials(key.getAccessKeyId(), key.getAccessKeySecret());
        }
        return new BasicSessionCredentials(key.getAccessKeyId(), key.getAccessKeySecret(), token);
    }
}
