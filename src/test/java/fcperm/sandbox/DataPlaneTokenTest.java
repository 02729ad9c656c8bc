package fcperm.sandbox;

import com.aliyun.oss.OSS;
import com.aliyuncs.fc.request.ListServicesRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import fcperm.sandbox.http.fc.FcSignature;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.testkit.FcClients;
import fcperm.testkit.MovableClock;
import fcperm.testkit.OssClients;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static fcperm.testkit.TestSandbox.call;
import static org.assertj.core.api.Assertions.assertThat;

/** OSS and FC accept a role session's temporary credentials while they are valid, and refuse them after or mismatched. */
class DataPlaneTokenTest {


    @TempDir
    Path dataDir;

    @Test
    void refusesExpiredAndMismatchedSecurityTokens() throws Exception {
        MovableClock clock = new MovableClock();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(dataDir).withClock(clock))) {
            TestSandbox clients = TestSandbox.around(sandbox);
            AccessKeyPair alice = RamUsersTest.userWithKey(clients, "alice");
            StsSessionsTest.attachSystemPolicyToUser(clients, "AliyunSTSAssumeRoleAccess", "alice");
            CreateRoleRequest role = clients.createRole("data-plane");
            role.setAssumeRolePolicyDocument(StsSessionsTest.accountTrust(clients));
            String roleArn = call(clients.root(), role).getRole().getArn();
            for (String policy : new String[] {"AliyunOSSFullAccess", "AliyunFCReadOnlyAccess"}) {
                AttachPolicyToRoleRequest attach = clients.local(new AttachPolicyToRoleRequest());
                attach.setPolicyType("System");
                attach.setPolicyName(policy);
                attach.setRoleName("data-plane");
                call(clients.root(), attach);
            }
            OssClients.v1(sandbox, sandbox.rootCredentials()).createBucket("tokens");
            AssumeRoleRequest assume = clients.local(new AssumeRoleRequest());
            assume.setRoleArn(roleArn);
            assume.setRoleSessionName("short");
            assume.setDurationSeconds(900L);
            AssumeRoleResponse.Credentials issued = call(clients.of(alice), assume).getCredentials();
            AccessKeyPair session = new AccessKeyPair(issued.getAccessKeyId(), issued.getAccessKeySecret(),
                    Optional.of(issued.getSecurityToken()), Optional.empty());
            AccessKeyPair wrongToken = new AccessKeyPair(session.accessKeyId(), session.accessKeySecret(),
                    Optional.of("CAIS-not-the-token"), Optional.empty());

            OSS valid = OssClients.v1(sandbox, session);
            valid.putObject("tokens", "k", new ByteArrayInputStream(new byte[] {1}));
            assertThat(FcClients.of(sandbox, session).listServices(new ListServicesRequest()).getServices()).isEmpty();
            OssClients.failsWith("AccessKeyIdAndSecurityTokenNotMatch",
                    () -> OssClients.v1(sandbox, wrongToken).getObject("tokens", "k"));
            FcClients.failsWith("InvalidSecurityToken",
                    () -> FcClients.of(sandbox, wrongToken).listServices(new ListServicesRequest()));

            // past the expiry, with clients whose clocks agree with the sandbox's (so the skew check passes)
            clock.advance(Duration.ofSeconds(910));
            HttpResponse<String> ossLate = signedOssGet(sandbox, session, clock.instant());
            assertThat(ossLate.statusCode()).isEqualTo(403);
            assertThat(ossLate.body()).contains("<Code>SecurityTokenExpired</Code>");
            HttpResponse<String> fcLate = signedFcGet(sandbox, session, clock.instant());
            assertThat(fcLate.statusCode()).isEqualTo(403);
            assertThat(fcLate.body()).contains("InvalidSecurityToken").contains("expired");
            valid.shutdown();
        }
    }

    /** GetObject tokens/k signed by hand (OSS V1) with the sandbox's time as the Date. */
    private static HttpResponse<String> signedOssGet(Sandbox sandbox, AccessKeyPair credentials, Instant now) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC));
        String token = credentials.securityToken().orElseThrow();
        String stringToSign = "GET\n\n\n" + date + "\nx-oss-security-token:" + token + "\n/tokens/k";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(credentials.accessKeySecret().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.endpoints().oss() + "/tokens/k"))
                .header("Date", date).header("x-oss-security-token", token)
                .header("Authorization", "OSS " + credentials.accessKeyId() + ":" + signature)
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** ListServices signed by hand with the sandbox's time as the Date. */
    private static HttpResponse<String> signedFcGet(Sandbox sandbox, AccessKeyPair credentials, Instant now) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC));
        String path = "/2016-08-15/services";
        String stringToSign = "GET\n\napplication/json\n" + date + "\nx-fc-account-id:" + sandbox.accountId()
                + "\nx-fc-security-token:" + credentials.securityToken().orElseThrow() + "\n" + path;
        URI uri = URI.create(sandbox.endpoints().fc() + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Date", date).header("Content-Type", "application/json")
                .header("x-fc-account-id", sandbox.accountId())
                .header("x-fc-security-token", credentials.securityToken().orElseThrow())
                .header("Authorization", "FC " + credentials.accessKeyId() + ":"
                        + FcSignature.sign(stringToSign, credentials.accessKeySecret()))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
