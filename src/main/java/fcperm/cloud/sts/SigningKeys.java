package fcperm.cloud.sts;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import fcperm.cloud.Credentials;
import fcperm.cloud.sdk.RpcClient;

import java.net.URI;
import java.time.Clock;

/**
 * The keys a connection signs with, as the credentials provider of aliyun-java-sdk-core (the FC 2.0 client takes the
 * same provider, OSS an adapter of it).
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    public static AlibabaCloudCredentialsProvider of(Credentials credentials, URI sts, String region, Clock clock) {
        if (credentials instanceof Credentials.AccessKey key) {
            return new StaticCredentialsProvider(new BasicCredentials(key.id(), key.secret()));
        }
        if (credentials instanceof Credentials.StsToken token) {
            return new StaticCredentialsProvider(new BasicSessionCredentials(token.id(), token.secret(),
                    token.securityToken()));
        }
        if (credentials instanceof Credentials.RamRoleArn role) {
            RpcClient source = new RpcClient(region, of(role.source(), sts, region, clock));
            return new RoleAssumingCredentials(source, sts, role, clock);
        }
        throw new IllegalArgumentException("cannot sign with " + credentials);
    }
}
