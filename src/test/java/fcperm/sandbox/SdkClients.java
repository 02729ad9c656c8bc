package fcperm.sandbox;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import fcperm.sandbox.auth.Credentials;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Official Java SDK clients pointed at a sandbox, with the traps of sdk-capture.md §0 handled in one place:
 * typed RAM/STS requests default to HTTPS and need {@code setSysProtocol(HTTP)} and a scheme-less endpoint.
 */
final class SdkClients {

    private final Sandbox sandbox;

    SdkClients(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    IAcsClient root() {
        return of(sandbox.rootCredentials());
    }

    IAcsClient of(Credentials credentials) {
        DefaultProfile profile = DefaultProfile.getProfile(sandbox.region(), credentials.accessKeyId(),
                credentials.accessKeySecret());
        HttpClientConfig config = HttpClientConfig.getDefault();
        config.setProtocolType(ProtocolType.HTTP);
        profile.setHttpClientConfig(config);
        if (credentials.securityToken().isPresent()) {
            return new DefaultAcsClient(profile, new BasicSessionCredentials(credentials.accessKeyId(),
                    credentials.accessKeySecret(), credentials.securityToken().get()));
        }
        return new DefaultAcsClient(profile);
    }

    /** Points a typed request at the sandbox over plain HTTP. */
    <R extends AcsRequest<?>> R local(R request) {
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysEndpoint(sandbox.endpoints().hostPort());
        return request;
    }

    /** The same, asking for XML responses. */
    <R extends AcsRequest<?>> R localXml(R request) {
        local(request).setSysAcceptFormat(FormatType.XML);
        return request;
    }

    static <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request) {
        try {
            return client.getAcsResponse(request);
        } catch (ClientException e) {
            throw new AssertionError("expected success but got " + e.getErrCode() + ": " + e.getErrMsg(), e);
        }
    }

    /** Runs {@code call}, expecting the cloud error {@code code}; returns the exception for further checks. */
    static ClientException failsWith(String code, ThrowableAssert.ThrowingCallable call) {
        ClientException error = catchThrowableOfType(ClientException.class, call);
        assertThat(error).as("expected error " + code).isNotNull();
        assertThat(error.getErrCode()).as(error.getErrMsg()).isEqualTo(code);
        return error;
    }
}
