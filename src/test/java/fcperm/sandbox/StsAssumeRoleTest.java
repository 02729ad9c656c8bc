package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import fcperm.sandbox.auth.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static fcperm.sandbox.SdkClients.call;
import static fcperm.sandbox.SdkClients.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** STS AssumeRole's parameter rules and who may never assume a role, through the official STS SDK. */
class StsAssumeRoleTest {

    @TempDir
    static Path dataDir;
    private static Sandbox sandbox;
    private static SdkClients clients;
    private static IAcsClient root;
    private static IAcsClient user;
    private static String accountTrustedRole;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.of(dataDir));
        clients = new SdkClients(sandbox);
        root = clients.root();
        Credentials key = RamUsersTest.userWithKey(clients, root, "assumer");
        user = clients.of(key);
        CreateRoleRequest role = clients.local(new CreateRoleRequest());
        role.setRoleName("account-trusted");
        role.setAssumeRolePolicyDocument("{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + sandbox.accountId() + ":root\"]}}],\"Version\":\"1\"}");
        accountTrustedRole = call(root, role).getRole().getArn();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static AssumeRoleRequest assume(String roleArn, String sessionName) {
        AssumeRoleRequest request = clients.local(new AssumeRoleRequest());
        request.setRoleArn(roleArn);
        request.setRoleSessionName(sessionName);
        return request;
    }

    @Test
    void rootKeysMayNeverAssumeRoles() {
        ClientException error = failsWith("NoPermission", () -> root.getAcsResponse(assume(accountTrustedRole, "as-root")));
        assertThat(error.getErrMsg()).isEqualTo("Roles may not be assumed by root accounts.");
    }

    @Test
    void roleArnMustBeARoleArn() {
        failsWith("InvalidParameter.RoleArn", () -> root.getAcsResponse(assume("acs:ram::123:user/x", "session")));
    }

    @Test
    void roleSessionNameMustBeTwoToSixtyFourSafeCharacters() {
        failsWith("InvalidParameter.RoleSessionName", () -> root.getAcsResponse(assume(accountTrustedRole, "x")));
        failsWith("InvalidParameter.RoleSessionName", () -> root.getAcsResponse(assume(accountTrustedRole, "has space")));
        failsWith("InvalidParameter.RoleSessionName", () -> root.getAcsResponse(assume(accountTrustedRole, "s".repeat(65))));
    }

    @Test
    void durationMustBeAtLeastFifteenMinutes() {
        AssumeRoleRequest request = assume(accountTrustedRole, "short");
        request.setDurationSeconds(899L);

        failsWith("InvalidParameter.DurationSeconds", () -> root.getAcsResponse(request));
    }

    @Test
    void sessionPolicyMustBeSmallAndWellFormed() {
        AssumeRoleRequest tooBig = assume(accountTrustedRole, "big-policy");
        tooBig.setPolicy("{\"Version\":\"1\",\"Statement\":[" + "{}".repeat(1100) + "]}");
        AssumeRoleRequest malformed = assume(accountTrustedRole, "bad-policy");
        malformed.setPolicy("{\"Version\":\"1\"");

        failsWith("InvalidParameter.PolicySize", () -> root.getAcsResponse(tooBig));
        failsWith("InvalidParameter.PolicyGrammar", () -> root.getAcsResponse(malformed));
    }

    @Test
    void aUserWithoutSTSPermissionIsRefused() {
        failsWith("NoPermission", () -> user.getAcsResponse(assume(accountTrustedRole, "no-grant")));
    }
}
