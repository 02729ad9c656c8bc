package fcperm.testkit;

import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.config.Config;
import com.aliyuncs.fc.exceptions.ClientException;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.identity.AccessKeyPair;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The official FC 2.0 Java client pointed at a sandbox (full base URL with scheme, no trailing slash). */
public final class FcClients {

    private FcClients() {
    }

    public static FunctionComputeClient of(Sandbox sandbox, AccessKeyPair credentials) {
        return of(sandbox, credentials, sandbox.region());
    }

    public static FunctionComputeClient of(Sandbox sandbox, AccessKeyPair credentials, String region) {
        Config config = new Config(region, sandbox.accountId(), credentials.accessKeyId(),
                credentials.accessKeySecret(), credentials.securityToken().orElse(null), false);
        config.setEndpoint(sandbox.endpoints().fc(region).toString());
        return new FunctionComputeClient(config);
    }

    /** Runs {@code call}, expecting FC's error {@code code}; returns the exception for further checks. */
    public static ClientException failsWith(String code, ThrowableAssert.ThrowingCallable call) {
        ClientException error = catchThrowableOfType(ClientException.class, call);
        assertThat(error).as("expected FC error " + code).isNotNull();
        assertThat(error.getErrorCode()).as(error.getErrorMessage()).isEqualTo(code);
        return error;
    }
}
