package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static fcperm.testkit.TestSandbox.call;
import static fcperm.testkit.TestSandbox.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** STS AssumeRole's parameter rules and who may never assume a role, through the official STS SDK. */
class StsAssumeRoleTest {

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();
    private static IAcsClient user;
    private static String accountTrustedRole;

    @BeforeAll
    static void prepare() {
        AccessKeyPair key = RamUsersTest.userWithKey(sandbox, "assumer");
        user = sandbox.of(key);
        CreateRoleRequest role = sandbox.local(new CreateRoleRequest());
        role.setRoleName("account-trusted");
        role.setAssumeRolePolicyDocument("{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + sandbox.sandbox().accountId() + ":root\"]}}],\"Version\":\"1\"}");
        accountTrustedRole = call(sandbox.root(), role).getRole().getArn();
    }

    private static AssumeRoleRequest assume(String roleArn, String sessionName) {
        AssumeRoleRequest request = sandbox.local(new AssumeRoleRequest());
        request.setRoleArn(roleArn);
        request.setRoleSessionName(sessionName);
        return request;
    }

    @Test
    void rootKeysMayNeverAssumeRoles() {
        ClientException error = failsWith("NoPermission", () -> sandbox.root().getAcsResponse(assume(accountTrustedRole, "as-root")));
        assertThat(error.getErrMsg()).isEqualTo("Roles may not be assumed by root accounts.");
    }

    @Test
    void roleArnMustBeARoleArn() {
        failsWith("InvalidParameter.RoleArn", () -> sandbox.root().getAcsResponse(assume("acs:ram::123:user/x", "session")));
    }

    @Test
    void roleSessionNameMustBeTwoToSixtyFourSafeCharacters() {
        failsWith("InvalidParameter.RoleSessionName", () -> sandbox.root().getAcsResponse(assume(accountTrustedRole, "x")));
        failsWith("InvalidParameter.RoleSessionName", () -> sandbox.root().getAcsResponse(assume(accountTrustedRole, "has space")));
        failsWith("InvalidParameter.RoleSessionName", () -> sandbox.root().getAcsResponse(assume(accountTrustedRole, "s".repeat(65))));
    }

    @Test
    void durationMustBeAtLeastFifteenMinutes() {
        AssumeRoleRequest request = assume(accountTrustedRole, "short");
        request.setDurationSeconds(899L);

        failsWith("InvalidParameter.DurationSeconds", () -> sandbox.root().getAcsResponse(request));
    }

    @Test
    void sessionPolicyMustBeSmallAndWellFormed() {
        AssumeRoleRequest tooBig = assume(accountTrustedRole, "big-policy");
        tooBig.setPolicy("{\"Version\":\"1\",\"Statement\":[" + "{}".repeat(1100) + "]}");
        AssumeRoleRequest malformed = assume(accountTrustedRole, "bad-policy");
        malformed.setPolicy("{\"Version\":\"1\"");

        failsWith("InvalidParameter.PolicySize", () -> sandbox.root().getAcsResponse(tooBig));
        failsWith("InvalidParameter.PolicyGrammar", () -> sandbox.root().getAcsResponse(malformed));
    }

    @Test
    void aUserWithoutSTSPermissionIsRefused() {
        failsWith("NoPermission", () -> user.getAcsResponse(assume(accountTrustedRole, "no-grant")));
    }
}
