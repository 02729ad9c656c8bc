package fcperm.sandbox;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.testkit.OssClients;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;

import static fcperm.testkit.TestSandbox.call;
import static org.assertj.core.api.Assertions.assertThat;

/** OSS requests by a RAM user are decided by the user's policies, with OSS's request context in the conditions. */
class OssAuthorizationTest {

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();

    private static OSS userWithPolicy(String user, String document) {
        AccessKeyPair credentials = RamUsersTest.userWithKey(sandbox, user);
        CreatePolicyRequest create = sandbox.local(new CreatePolicyRequest());
        create.setPolicyName(user + "-policy");
        create.setPolicyDocument(document);
        call(sandbox.root(), create);
        AttachPolicyToUserRequest attach = sandbox.local(new AttachPolicyToUserRequest());
        attach.setPolicyType("Custom");
        attach.setPolicyName(user + "-policy");
        attach.setUserName(user);
        call(sandbox.root(), attach);
        return OssClients.v1(sandbox.sandbox(), credentials);
    }

    @Test
    void listingIsAllowedOnlyUnderThePrefixTheConditionNames() {
        OSS root = OssClients.v1(sandbox.sandbox(), sandbox.sandbox().rootCredentials());
        root.createBucket("homes");
        root.putObject("homes", "home/alice/a", new ByteArrayInputStream(new byte[] {1}));
        root.putObject("homes", "shared/b", new ByteArrayInputStream(new byte[] {1}));
        OSS alice = userWithPolicy("prefix-user", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"oss:ListObjects\",\"Resource\":\"acs:oss:*:*:homes\","
                + "\"Condition\":{\"StringLike\":{\"oss:Prefix\":\"home/*\"}}}]}");

        assertThat(alice.listObjects(new ListObjectsRequest("homes").withPrefix("home/alice/")).getObjectSummaries()).hasSize(1);
        var denied = OssClients.failsWith("AccessDenied", () -> alice.listObjects(new ListObjectsRequest("homes")));
        assertThat(denied.getErrorMessage()).contains("ImplicitDeny").contains("oss:ListObjects");
        OssClients.failsWith("AccessDenied", () -> alice.listObjects(new ListObjectsRequest("homes").withPrefix("shared/")));
    }

    @Test
    void theSourceAddressAndTransportAreConditionKeys() {
        OSS root = OssClients.v1(sandbox.sandbox(), sandbox.sandbox().rootCredentials());
        root.createBucket("network");
        root.putObject("network", "k", new ByteArrayInputStream(new byte[] {1}));
        OSS local = userWithPolicy("loopback-user", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:network/*\","
                + "\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":\"127.0.0.0/8\"},\"Bool\":{\"acs:SecureTransport\":\"false\"}}}]}");
        assertThat(local.doesObjectExist("network", "k")).isTrue();

        OSS remoteOnly = userWithPolicy("office-user", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:network/*\","
                + "\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":\"203.0.113.0/24\"}}}]}");
        OssClients.failsWith("AccessDenied", () -> remoteOnly.getObject("network", "k"));
    }

    @Test
    void aUserWithoutOssPoliciesCannotListBuckets() {
        OSS nobody = userWithPolicy("no-oss", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"fc:ListServices\",\"Resource\":\"*\"}]}");
        var denied = OssClients.failsWith("AccessDenied", nobody::listBuckets);
        assertThat(denied.getErrorMessage()).contains("oss:ListBuckets");
    }
}
