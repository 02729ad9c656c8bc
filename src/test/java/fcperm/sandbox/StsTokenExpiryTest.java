package fcperm.sandbox;

import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.testkit.MovableClock;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import static fcperm.testkit.TestSandbox.call;
import static org.assertj.core.api.Assertions.assertThat;

/** Temporary credentials work until they expire, and not after. */
class StsTokenExpiryTest {

    private static final ObjectMapper JSON = new ObjectMapper();


    @TempDir
    Path dataDir;

    @Test
    void temporaryCredentialsAreRejectedOnceExpired() throws Exception {
        MovableClock clock = new MovableClock();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(dataDir).withClock(clock))) {
            TestSandbox clients = TestSandbox.around(sandbox);
            AccessKeyPair alice = RamUsersTest.userWithKey(clients, "alice");
            StsSessionsTest.attachSystemPolicyToUser(clients, "AliyunSTSAssumeRoleAccess", "alice");
            CreateRoleRequest role = clients.createRole("short-lived");
            role.setAssumeRolePolicyDocument(StsSessionsTest.accountTrust(clients));
            AssumeRoleRequest assume = clients.local(new AssumeRoleRequest());
            assume.setRoleArn(call(clients.root(), role).getRole().getArn());
            assume.setRoleSessionName("fifteen-minutes");
            assume.setDurationSeconds(900L);
            AssumeRoleResponse.Credentials issued = call(clients.of(alice), assume).getCredentials();
            AccessKeyPair session = new AccessKeyPair(issued.getAccessKeyId(), issued.getAccessKeySecret(),
                    Optional.of(issued.getSecurityToken()), Optional.empty());
            RawRpc raw = new RawRpc(sandbox.endpoints().sts());

            // expiry is issue time (to the second) + 900 s; keep clear of the second it falls in
            clock.advance(Duration.ofSeconds(890));
            RawRpc.Reply stillValid = raw.get(signedAt(session, clock.instant()));
            clock.advance(Duration.ofSeconds(20));
            RawRpc.Reply expired = raw.get(signedAt(session, clock.instant()));

            assertThat(stillValid.status()).isEqualTo(200);
            assertThat(expired.status()).isEqualTo(400);
            assertThat(JSON.readTree(expired.body()).path("Code").asText()).isEqualTo("InvalidSecurityToken.Expired");
        }
    }

    /** GetCallerIdentity signed as a client whose clock agrees with the sandbox's. */
    private static Map<String, String> signedAt(AccessKeyPair credentials, Instant now) {
        Map<String, String> parameters = RawRpc.common("2015-04-01", "GetCallerIdentity", credentials);
        parameters.put("Timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        return RawRpc.sign("GET", parameters, credentials.accessKeySecret());
    }
}
