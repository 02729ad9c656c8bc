package fcperm.testkit;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.identity.AccessKeyPair;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The official OSS Java client pointed at a sandbox (path-style, as the SDK does for an IP endpoint). */
public final class OssClients {

    private OssClients() {
    }

    public static OSS v1(Sandbox sandbox, AccessKeyPair credentials) {
        ClientBuilderConfiguration configuration = new ClientBuilderConfiguration();
        configuration.setMaxErrorRetry(0);
        return new OSSClientBuilder().build(sandbox.endpoints().oss().toString(), credentials.accessKeyId(),
                credentials.accessKeySecret(), credentials.securityToken().orElse(null), configuration);
    }

    public static OSS v4(Sandbox sandbox, AccessKeyPair credentials) {
        ClientBuilderConfiguration configuration = new ClientBuilderConfiguration();
        configuration.setMaxErrorRetry(0);
        configuration.setSignatureVersion(SignVersion.V4);
        return OSSClientBuilder.create()
                .endpoint(sandbox.endpoints().oss().toString())
                .credentialsProvider(new DefaultCredentialProvider(credentials.accessKeyId(), credentials.accessKeySecret(),
                        credentials.securityToken().orElse(null)))
                .clientConfiguration(configuration)
                .region(sandbox.region())
                .build();
    }

    public static OSSException failsWith(String code, ThrowableAssert.ThrowingCallable call) {
        OSSException error = catchThrowableOfType(OSSException.class, call);
        assertThat(error).as("expected OSS error " + code).isNotNull();
        assertThat(error.getErrorCode()).as(error.getErrorMessage()).isEqualTo(code);
        return error;
    }
}
