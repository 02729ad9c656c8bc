package fcperm.cloud.sts;

import com.aliyun.credentials.exception.CredentialException;
import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider;
import com.aliyun.credentials.provider.EcsRamRoleCredentialProvider;
import com.aliyun.credentials.provider.OIDCRoleArnCredentialProvider;
import com.aliyun.credentials.provider.RamRoleArnCredentialProvider;
import com.aliyun.credentials.provider.StaticCredentialsProvider;
import com.aliyun.credentials.provider.URLCredentialProvider;
import com.aliyun.credentials.utils.AuthConstant;
import com.aliyun.credentials.utils.ProviderName;
import fcperm.cloud.CloudException;
import fcperm.cloud.Credentials;
import fcperm.cloud.Endpoints;
import fcperm.cloud.sdk.Failures;

import java.net.URI;

/**
 * Where the keys of each mode come from: a provider of the official credentials library (com.aliyun:credentials-java),
 * the one every V2 SDK takes, so a {@code com.aliyun.credentials.Client} over it serves tea-openapi clients as it is
 * and the V1 and OSS clients through their adapters. Only External is ours, as the library has no such provider.
 * Role providers send AssumeRole to the connection's STS endpoint, or the profile's own on the public cloud (with
 * --endpoints, every call goes to the sandbox, AssumeRole included).
 */
public final class KeySources {

    private KeySources() {
    }

    /**
     * @throws CloudException when the library refuses the profile's settings (a duration under 900 seconds, ...)
     */
    public static AlibabaCloudCredentialsProvider of(Credentials credentials, Endpoints endpoints)
            throws CloudException {
        try {
            return provider(credentials, endpoints);
        } catch (CredentialException | IllegalArgumentException e) {
            throw new CloudException("read the " + credentials.mode() + " profile", "InvalidProfile", 0, "",
                    "The " + credentials.mode() + " profile cannot be used: " + e.getMessage(), e);
        }
    }

    private static AlibabaCloudCredentialsProvider provider(Credentials credentials, Endpoints endpoints) {
        if (credentials instanceof Credentials.AccessKey key) {
            return fixed(CredentialModel.builder().accessKeyId(key.id()).accessKeySecret(key.secret())
                    .type(AuthConstant.ACCESS_KEY).providerName(ProviderName.STATIC_AK).build());
        }
        if (credentials instanceof Credentials.StsToken token) {
            return fixed(token(token).build());
        }
        if (credentials instanceof Credentials.CloudSso sso) {
            return fixed(token(sso.key()).expiration(sso.expires().toEpochMilli()).build());
        }
        if (credentials instanceof Credentials.RamRoleArn role) {
            AlibabaCloudCredentialsProvider source = provider(role.source(), endpoints);
            URI sts = sts(role.stsEndpoint(), endpoints);
            RamRoleArnCredentialProvider request = RamRoleArnCredentialProvider.builder().credentialsProvider(source)
                    .roleArn(role.roleArn()).roleSessionName(role.sessionName())
                    .durationSeconds(role.durationSeconds())
                    .externalId(role.externalId().isBlank() ? null : role.externalId())
                    .STSEndpoint(StsTransport.hostPort(sts)).build();
            return new AssumedRole("sts:AssumeRole", role.roleArn(), sts, role.durationSeconds(),
                    request::createCredential, source);
        }
        if (credentials instanceof Credentials.OidcRoleArn oidc) {
            URI sts = sts(oidc.stsEndpoint(), endpoints);
            OIDCRoleArnCredentialProvider request = OIDCRoleArnCredentialProvider.builder().roleArn(oidc.roleArn())
                    .oidcProviderArn(oidc.providerArn()).oidcTokenFilePath(oidc.tokenFile())
                    .roleSessionName(oidc.sessionName()).durationSeconds(oidc.durationSeconds())
                    .STSEndpoint(StsTransport.hostPort(sts)).build();
            return new AssumedRole("sts:AssumeRoleWithOIDC", oidc.roleArn(), sts, oidc.durationSeconds(),
                    request::createCredential, null);
        }
        if (credentials instanceof Credentials.EcsRamRole ecs) {
            return new Explained(EcsRamRoleCredentialProvider.builder()
                    .roleName(ecs.roleName().isBlank() ? null : ecs.roleName()).asyncCredentialUpdateEnabled(false)
                    .build(), "read the ECS instance's role", "The ECS metadata service gave no key for the instance's "
                    + "RAM role. EcsRamRole works only on an ECS instance that has a RAM role attached; elsewhere use "
                    + "a profile of another mode.");
        }
        if (credentials instanceof Credentials.CredentialsUri uri) {
            return new Explained(URLCredentialProvider.builder().credentialsURI(uri.uri()).build(),
                    "get credentials from the credentials URI", "The credentials URI " + uri.shown() + " gave no "
                    + "key: it must answer HTTP 200 with JSON holding Code \"Success\", AccessKeyId, AccessKeySecret, "
                    + "SecurityToken and Expiration. Check that the service runs.");
        }
        if (credentials instanceof Credentials.External external) {
            return new ExternalProcess(external.command());
        }
        throw new IllegalArgumentException("mode " + credentials.mode() + " cannot sign");
    }

    /** Closes a provider (a role's cache, its source's); the library declares that closing may throw anything. */
    public static void release(AlibabaCloudCredentialsProvider provider) {
        try {
            provider.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot release the key source " + provider.getProviderName(), e);
        }
    }

    private static URI sts(String profileEndpoint, Endpoints endpoints) {
        return profileEndpoint.isEmpty() || endpoints != Endpoints.publicCloud() ? endpoints.sts()
                : URI.create(profileEndpoint);
    }

    private static CredentialModel.Builder token(Credentials.StsToken token) {
        return CredentialModel.builder().accessKeyId(token.id()).accessKeySecret(token.secret())
                .securityToken(token.securityToken()).type(AuthConstant.STS).providerName(ProviderName.STATIC_STS);
    }

    private static AlibabaCloudCredentialsProvider fixed(CredentialModel key) {
        return StaticCredentialsProvider.builder().credential(key).build();
    }

    /**
     * Why a provider gave no key: the CloudException it carries (a refused AssumeRole, a failed External process),
     * otherwise the library's first line of explanation, without the raw answer it may quote after "result:".
     */
    public static CloudException failure(RuntimeException thrown) {
        return Failures.cloudCause(thrown).orElseGet(() -> {
            String said = String.valueOf(thrown.getMessage()).lines().findFirst().orElse("");
            int quoted = said.indexOf(" result:");
            return new CloudException("get the connection's keys", "CredentialsUnavailable", 0, "",
                    "The keys could not be obtained: " + (quoted < 0 ? said : said.substring(0, quoted)), thrown);
        });
    }
}
