package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.http.rpc.RpcSignature;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static fcperm.testkit.TestSandbox.call;
import static fcperm.testkit.TestSandbox.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Every RPC request is signed; the sandbox checks it the way the cloud does and answers with the cloud's codes. */
class RpcAuthenticationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STS = "2015-04-01";
    private static final String RAM = "2015-05-01";

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();
    private static RawRpc raw;

    @BeforeAll
    static void prepare() {
        raw = new RawRpc(sandbox.sandbox().endpoints().sts());
    }

    @Test
    void rootKeyIsTheAccountItself() {
        GetCallerIdentityResponse identity = call(sandbox.root(), sandbox.local(new GetCallerIdentityRequest()));

        assertThat(identity.getAccountId()).isEqualTo(sandbox.sandbox().accountId()).hasSize(16).containsOnlyDigits();
        assertThat(identity.getIdentityType()).isEqualTo("Account");
        assertThat(identity.getArn()).isEqualTo("acs:ram::" + sandbox.sandbox().accountId() + ":root");
        assertThat(identity.getRequestId()).isNotBlank();
    }

    @Test
    void wrongSecretIsReportedByTheSdkAsInvalidSecretBecauseTheServerStringToSignMatchesItsOwn() {
        IAcsClient impostor = sandbox.of(AccessKeyPair.longTerm(sandbox.sandbox().rootCredentials().accessKeyId(), "not-the-secret"));

        failsWith("SDK.InvalidAccessKeySecret", () -> impostor.getAcsResponse(sandbox.local(new GetCallerIdentityRequest())));
    }

    @Test
    void tamperedRequestGetsSignatureDoesNotMatchWithTheServersStringToSign() throws Exception {
        Map<String, String> signed = RawRpc.sign("GET", RawRpc.common(RAM, "GetRole", sandbox.sandbox().rootCredentials()),
                sandbox.sandbox().rootCredentials().accessKeySecret());
        signed.put("RoleName", "added-after-signing");

        RawRpc.Reply reply = raw.get(signed);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = JSON.readTree(reply.body());
        assertThat(error.path("Code").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.path("Message").asText())
                .endsWith("server string to sign is:" + RpcSignature.stringToSign("GET", signed));
        assertThat(error.path("RequestId").asText()).isNotBlank();
        assertThat(error.path("HostId").asText()).isEqualTo("ram.aliyuncs.com");
    }

    @Test
    void unknownAccessKeyIsNotFound() {
        IAcsClient stranger = sandbox.of(AccessKeyPair.longTerm("LTAI5tUnknownKey000000000", "secret"));

        ClientException error = failsWith("InvalidAccessKeyId.NotFound",
                () -> stranger.getAcsResponse(sandbox.local(new GetCallerIdentityRequest())));
        assertThat(error.getErrMsg()).isEqualTo("Specified access key is not found.");
    }

    @Test
    void timestampMoreThanFifteenMinutesOldIsRejected() throws Exception {
        Map<String, String> parameters = RawRpc.common(STS, "GetCallerIdentity", sandbox.sandbox().rootCredentials());
        parameters.put("Timestamp", Instant.now().minus(16, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());

        RawRpc.Reply reply = raw.get(RawRpc.sign("GET", parameters, sandbox.sandbox().rootCredentials().accessKeySecret()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(JSON.readTree(reply.body()).path("Code").asText()).isEqualTo("InvalidTimeStamp.Expired");
    }

    @Test
    void malformedTimestampIsRejected() throws Exception {
        Map<String, String> parameters = RawRpc.common(STS, "GetCallerIdentity", sandbox.sandbox().rootCredentials());
        parameters.put("Timestamp", "yesterday");

        RawRpc.Reply reply = raw.get(RawRpc.sign("GET", parameters, sandbox.sandbox().rootCredentials().accessKeySecret()));

        assertThat(JSON.readTree(reply.body()).path("Code").asText()).isEqualTo("InvalidTimeStamp.Format");
    }

    @Test
    void reusedSignatureNonceIsRejected() throws Exception {
        Map<String, String> signed = RawRpc.sign("GET", RawRpc.common(STS, "GetCallerIdentity", sandbox.sandbox().rootCredentials()),
                sandbox.sandbox().rootCredentials().accessKeySecret());

        assertThat(raw.get(signed).status()).isEqualTo(200);
        RawRpc.Reply replay = raw.get(signed);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(JSON.readTree(replay.body()).path("Code").asText()).isEqualTo("SignatureNonceUsed");
    }

    @Test
    void missingCommonParameterIsNamedInTheCode() throws Exception {
        Map<String, String> parameters = RawRpc.common(STS, "GetCallerIdentity", sandbox.sandbox().rootCredentials());
        parameters.remove("SignatureNonce");

        RawRpc.Reply reply = raw.get(RawRpc.sign("GET", parameters, sandbox.sandbox().rootCredentials().accessKeySecret()));

        JsonNode error = JSON.readTree(reply.body());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(error.path("Code").asText()).isEqualTo("MissingSignatureNonce");
        assertThat(error.path("Message").asText()).contains("\"SignatureNonce\"");
    }

    @Test
    void missingBusinessParameterIsNamedInTheMessage() {
        ClientException error = failsWith("MissingParameter",
                () -> sandbox.root().getAcsResponse(sandbox.local(new GetRoleRequest())));
        assertThat(error.getErrMsg()).contains("\"RoleName\"");
    }

    @Test
    void unknownActionAndVersionAreRejected() throws Exception {
        RawRpc.Reply action = raw.get(RawRpc.sign("GET", RawRpc.common(STS, "MakeCoffee", sandbox.sandbox().rootCredentials()),
                sandbox.sandbox().rootCredentials().accessKeySecret()));
        RawRpc.Reply version = raw.get(RawRpc.sign("GET", RawRpc.common("1999-01-01", "GetCallerIdentity",
                sandbox.sandbox().rootCredentials()), sandbox.sandbox().rootCredentials().accessKeySecret()));

        assertThat(action.status()).isEqualTo(404);
        assertThat(JSON.readTree(action.body()).path("Code").asText()).isEqualTo("InvalidAction.NotFound");
        assertThat(JSON.readTree(version.body()).path("Code").asText()).isEqualTo("InvalidVersion");
    }

    @Test
    void popCoreStylePostWithEverythingInTheFormBodyIsAccepted() throws Exception {
        Map<String, String> signed = RawRpc.sign("POST", RawRpc.common(STS, "GetCallerIdentity", sandbox.sandbox().rootCredentials()),
                sandbox.sandbox().rootCredentials().accessKeySecret());

        RawRpc.Reply reply = raw.postForm(signed);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json;charset=utf-8");
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.path("AccountId").asText()).isEqualTo(sandbox.sandbox().accountId());
        assertThat(body.has("Code")).as("a success body must not carry Code (pop-core treats it as an error)").isFalse();
    }

    @Test
    void errorsComeInXmlWhenTheClientAsksForXml() throws Exception {
        Map<String, String> parameters = RawRpc.common(RAM, "GetRole", sandbox.sandbox().rootCredentials());
        parameters.put("Format", "XML");
        parameters.put("RoleName", "no-such-role");

        RawRpc.Reply reply = raw.get(RawRpc.sign("GET", parameters, sandbox.sandbox().rootCredentials().accessKeySecret()));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("text/xml");
        assertThat(reply.body()).startsWith("<?xml").contains("<Error><RequestId>")
                .contains("<Code>EntityNotExist.Role</Code>").contains("<HostId>ram.aliyuncs.com</HostId>");
    }

    @Test
    void anotherRegionGetsItsOwnStableLoopbackListenerThatServesSignedRequests() {
        SandboxEndpoints endpoints = sandbox.sandbox().endpoints();
        URI shanghai = endpoints.fc("cn-shanghai");

        assertThat(endpoints.fc(sandbox.sandbox().region())).isEqualTo(endpoints.fc());
        assertThat(shanghai.getHost()).isEqualTo("127.0.0.1");
        assertThat(shanghai.getPort()).isNotEqualTo(endpoints.fc().getPort());
        assertThat(endpoints.fc("cn-shanghai")).isEqualTo(shanghai);
        GetCallerIdentityRequest request = sandbox.local(new GetCallerIdentityRequest());
        request.setSysEndpoint(shanghai.getHost() + ":" + shanghai.getPort());
        assertThat(call(sandbox.root(), request).getAccountId()).isEqualTo(sandbox.sandbox().accountId());
    }
}
