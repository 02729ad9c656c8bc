package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.sandbox.identity.IssuedSession;
import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RoleSessionRefused;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Optional;

import static fcperm.testkit.TestSandbox.call;
import static fcperm.testkit.TestSandbox.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Role sessions end to end through the official SDKs: a RAM user allowed sts:AssumeRole and trusted by a role gets
 * temporary credentials that act as the role, narrowed by a session policy; the tokens are checked on every call.
 */
class StsSessionsTest {

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();
    private static IAcsClient alice;
    private static String deployerArn;

    @BeforeAll
    static void prepare() {
        AccessKeyPair key = RamUsersTest.userWithKey(sandbox, "alice");
        alice = sandbox.of(key);
        attachSystemPolicyToUser(sandbox, "AliyunSTSAssumeRoleAccess", "alice");
        CreateRoleRequest role = sandbox.local(new CreateRoleRequest());
        role.setRoleName("deployer");
        role.setMaxSessionDuration(7200L);
        role.setAssumeRolePolicyDocument(accountTrust(sandbox));
        deployerArn = call(sandbox.root(), role).getRole().getArn();
        AttachPolicyToRoleRequest readRam = sandbox.local(new AttachPolicyToRoleRequest());
        readRam.setPolicyType("System");
        readRam.setPolicyName("AliyunRAMReadOnlyAccess");
        readRam.setRoleName("deployer");
        call(sandbox.root(), readRam);
    }

    /** A trust policy that trusts every RAM identity of the account (that is itself allowed sts:AssumeRole). */
    static String accountTrust(TestSandbox sandbox) {
        return "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + sandbox.sandbox().accountId() + ":root\"]}}],\"Version\":\"1\"}";
    }

    static void attachSystemPolicyToUser(TestSandbox sandbox, String systemPolicy, String userName) {
        AttachPolicyToUserRequest attach = sandbox.local(new AttachPolicyToUserRequest());
        attach.setPolicyType("System");
        attach.setPolicyName(systemPolicy);
        attach.setUserName(userName);
        call(sandbox.root(), attach);
    }

    private static AssumeRoleRequest assume(String roleArn, String sessionName) {
        AssumeRoleRequest request = sandbox.local(new AssumeRoleRequest());
        request.setRoleArn(roleArn);
        request.setRoleSessionName(sessionName);
        return request;
    }

    private static IAcsClient sessionClient(AssumeRoleResponse.Credentials credentials) {
        return sandbox.of(new AccessKeyPair(credentials.getAccessKeyId(), credentials.getAccessKeySecret(),
                Optional.of(credentials.getSecurityToken()), Optional.empty()));
    }

    @Test
    void aTrustedUserAllowedToAssumeGetsCredentialsThatActAsTheRole() {
        AssumeRoleRequest request = assume(deployerArn, "deploy-1");
        request.setDurationSeconds(7200L);

        AssumeRoleResponse response = call(alice, request);

        assertThat(response.getAssumedRoleUser().getArn()).isEqualTo(deployerArn + "/deploy-1");
        assertThat(response.getAssumedRoleUser().getAssumedRoleId()).endsWith(":deploy-1");
        assertThat(response.getCredentials().getAccessKeyId()).startsWith("STS.");
        assertThat(Instant.parse(response.getCredentials().getExpiration()))
                .isBetween(Instant.now().plusSeconds(7100), Instant.now().plusSeconds(7300));
        GetCallerIdentityResponse identity = call(sessionClient(response.getCredentials()),
                sandbox.local(new GetCallerIdentityRequest()));
        assertThat(identity.getIdentityType()).isEqualTo("AssumedRoleUser");
        assertThat(identity.getArn()).isEqualTo("acs:ram::" + sandbox.sandbox().accountId() + ":assumed-role/deployer/deploy-1");
        assertThat(identity.getRoleId()).isNotBlank();
    }

    @Test
    void theSessionHasTheRolesPermissionsAndNoMore() {
        IAcsClient session = sessionClient(call(alice, assume(deployerArn, "reader")).getCredentials());

        assertThat(call(session, sandbox.local(new ListRolesRequest())).getRoles()).isNotEmpty();
        failsWith("NoPermission", () -> session.getAcsResponse(sandbox.createRole("not-allowed")));
    }

    @Test
    void aSessionPolicyNarrowsTheSession() {
        AssumeRoleRequest request = assume(deployerArn, "narrow");
        request.setPolicy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ram:GetRole\","
                + "\"Resource\":\"*\"}]}");
        IAcsClient session = sessionClient(call(alice, request).getCredentials());
        GetRoleRequest get = sandbox.local(new GetRoleRequest());
        get.setRoleName("deployer");

        assertThat(call(session, get).getRole().getRoleName()).isEqualTo("deployer");
        failsWith("NoPermission", () -> session.getAcsResponse(sandbox.local(new ListRolesRequest())));
    }

    @Test
    void durationBeyondTheRolesMaximumIsRejected() {
        AssumeRoleRequest request = assume(deployerArn, "too-long");
        request.setDurationSeconds(7201L);

        failsWith("InvalidParameter.DurationSeconds", () -> alice.getAcsResponse(request));
    }

    @Test
    void aRoleTrustedOnlyByAServiceCannotBeAssumedByAUser() {
        String fcRole = call(sandbox.root(), sandbox.createRole("fc-only")).getRole().getArn();

        failsWith("NoPermission", () -> alice.getAcsResponse(assume(fcRole, "user-session")));
    }

    @Test
    void aMissingRoleIsNotFound() {
        failsWith("EntityNotExist.Role",
                () -> alice.getAcsResponse(assume("acs:ram::" + sandbox.sandbox().accountId() + ":role/ghost", "s1")));
    }

    @Test
    void aServiceTrustedByTheRoleGetsThirtySixHourCredentials() {
        call(sandbox.root(), sandbox.createRole("fc-exec"));
        RequestContext context = new RequestContext("127.0.0.1", false, Instant.now());

        IssuedSession session = sandbox.sandbox().roleSessions().assumeAsService("fc.aliyuncs.com", "fc-exec", "fc-runtime", context);

        assertThat(session.credentials().expiration().orElseThrow())
                .isBetween(Instant.now().plusSeconds(36 * 3600 - 60), Instant.now().plusSeconds(36 * 3600 + 60));
        assertThat(call(sandbox.of(session.credentials()), sandbox.local(new GetCallerIdentityRequest())).getArn())
                .endsWith(":assumed-role/fc-exec/fc-runtime");
        assertThatThrownBy(() -> sandbox.sandbox().roleSessions().assumeAsService("oss.aliyuncs.com", "fc-exec", "x", context))
                .isInstanceOf(RoleSessionRefused.class)
                .extracting(e -> ((RoleSessionRefused) e).reason()).isEqualTo(RoleSessionRefused.Reason.NOT_TRUSTED);
    }

    @Test
    void aTokenThatDoesNotBelongToTheKeyIsRejected() {
        AssumeRoleResponse.Credentials first = call(alice, assume(deployerArn, "first")).getCredentials();
        AssumeRoleResponse.Credentials second = call(alice, assume(deployerArn, "second")).getCredentials();
        IAcsClient mixed = sandbox.of(new AccessKeyPair(first.getAccessKeyId(), first.getAccessKeySecret(),
                Optional.of(second.getSecurityToken()), Optional.empty()));

        failsWith("InvalidSecurityToken.MismatchWithAccessKey",
                () -> mixed.getAcsResponse(sandbox.local(new GetCallerIdentityRequest())));
    }

    @Test
    void aTemporaryKeyWithoutItsTokenIsRejected() {
        AssumeRoleResponse.Credentials credentials = call(alice, assume(deployerArn, "no-token")).getCredentials();
        IAcsClient withoutToken = sandbox.of(AccessKeyPair.longTerm(credentials.getAccessKeyId(), credentials.getAccessKeySecret()));

        failsWith("MissingSecurityToken", () -> withoutToken.getAcsResponse(sandbox.local(new GetCallerIdentityRequest())));
    }

}
