package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserResponse;
import com.aliyuncs.ram.model.v20150501.DeleteAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.DeleteUserRequest;
import com.aliyuncs.ram.model.v20150501.GetUserRequest;
import com.aliyuncs.ram.model.v20150501.ListAccessKeysRequest;
import com.aliyuncs.ram.model.v20150501.ListAccessKeysResponse;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersResponse;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static fcperm.testkit.TestSandbox.call;
import static fcperm.testkit.TestSandbox.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** RAM users and their AccessKeys, through the official RAM SDK; a user's key signs requests as that user. */
class RamUsersTest {

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();

    static CreateUserRequest createUser(TestSandbox sandbox, String name) {
        CreateUserRequest request = sandbox.local(new CreateUserRequest());
        request.setUserName(name);
        return request;
    }

    /** Creates a user and an AccessKey for it, as a user would through the SDK. */
    static AccessKeyPair userWithKey(TestSandbox sandbox, String name) {
        call(sandbox.root(), createUser(sandbox, name));
        CreateAccessKeyRequest key = sandbox.local(new CreateAccessKeyRequest());
        key.setUserName(name);
        CreateAccessKeyResponse.AccessKey created = call(sandbox.root(), key).getAccessKey();
        return AccessKeyPair.longTerm(created.getAccessKeyId(), created.getAccessKeySecret());
    }

    @Test
    void createdUserIsReadBack() {
        CreateUserRequest create = createUser(sandbox, "alice");
        create.setDisplayName("Alice Liddell");
        create.setComments("deploys functions");

        CreateUserResponse.User created = call(sandbox.root(), create).getUser();
        GetUserRequest get = sandbox.local(new GetUserRequest());
        get.setUserName("alice");

        assertThat(created.getUserId()).containsOnlyDigits();
        assertThat(call(sandbox.root(), get).getUser()).satisfies(user -> {
            assertThat(user.getUserId()).isEqualTo(created.getUserId());
            assertThat(user.getDisplayName()).isEqualTo("Alice Liddell");
            assertThat(user.getComments()).isEqualTo("deploys functions");
        });
    }

    @Test
    void userNamesAreUniqueAndValidated() {
        call(sandbox.root(), createUser(sandbox, "bob"));

        failsWith("EntityAlreadyExists.User", () -> sandbox.root().getAcsResponse(createUser(sandbox, "BOB")));
        failsWith("InvalidParameter.UserName.InvalidChars", () -> sandbox.root().getAcsResponse(createUser(sandbox, "bob smith")));
        failsWith("InvalidParameter.UserName.Length", () -> sandbox.root().getAcsResponse(createUser(sandbox, "u".repeat(65))));
        GetUserRequest missing = sandbox.local(new GetUserRequest());
        missing.setUserName("nobody");
        failsWith("EntityNotExist.User", () -> sandbox.root().getAcsResponse(missing));
    }

    @Test
    void aUsersKeySignsRequestsAsThatUser() {
        AccessKeyPair carol = userWithKey(sandbox, "carol");

        GetCallerIdentityResponse identity = call(sandbox.of(carol), sandbox.local(new GetCallerIdentityRequest()));

        assertThat(identity.getIdentityType()).isEqualTo("RAMUser");
        assertThat(identity.getArn()).isEqualTo("acs:ram::" + sandbox.sandbox().accountId() + ":user/carol");
        assertThat(identity.getUserId()).isEqualTo(identity.getPrincipalId()).containsOnlyDigits();
    }

    @Test
    void aUserWithoutPoliciesIsRefusedWithTheDeniedActionInTheDetail() {
        AccessKeyPair dave = userWithKey(sandbox, "dave");

        ClientException error = failsWith("NoPermission",
                () -> sandbox.of(dave).getAcsResponse(sandbox.local(new ListRolesRequest())));
        assertThat(error.getErrMsg()).isEqualTo("You are not authorized to do this action. You should be authorized by RAM.");
    }

    @Test
    void accessKeysAreListedWithoutSecretsLimitedToTwoAndDeletable() {
        AccessKeyPair erin = userWithKey(sandbox, "erin");
        CreateAccessKeyRequest second = sandbox.local(new CreateAccessKeyRequest());
        second.setUserName("erin");
        call(sandbox.root(), second);

        failsWith("LimitExceeded.User.AccessKey", () -> sandbox.root().getAcsResponse(second));
        ListAccessKeysRequest list = sandbox.local(new ListAccessKeysRequest());
        list.setUserName("erin");
        List<ListAccessKeysResponse.AccessKey> keys = call(sandbox.root(), list).getAccessKeys();
        assertThat(keys).hasSize(2).extracting(ListAccessKeysResponse.AccessKey::getStatus).containsOnly("Active");
        assertThat(keys).extracting(ListAccessKeysResponse.AccessKey::getAccessKeyId).contains(erin.accessKeyId());

        DeleteAccessKeyRequest delete = sandbox.local(new DeleteAccessKeyRequest());
        delete.setUserName("erin");
        delete.setUserAccessKeyId(erin.accessKeyId());
        call(sandbox.root(), delete);
        failsWith("EntityNotExist.User.AccessKey", () -> sandbox.root().getAcsResponse(delete));
        failsWith("InvalidAccessKeyId.NotFound",
                () -> sandbox.of(erin).getAcsResponse(sandbox.local(new GetCallerIdentityRequest())));
    }

    @Test
    void aUserWithKeysOrPoliciesCannotBeDeleted() {
        AccessKeyPair frank = userWithKey(sandbox, "frank");
        DeleteUserRequest deleteUser = sandbox.local(new DeleteUserRequest());
        deleteUser.setUserName("frank");

        failsWith("DeleteConflict.User.AccessKey", () -> sandbox.root().getAcsResponse(deleteUser));

        DeleteAccessKeyRequest deleteKey = sandbox.local(new DeleteAccessKeyRequest());
        deleteKey.setUserName("frank");
        deleteKey.setUserAccessKeyId(frank.accessKeyId());
        call(sandbox.root(), deleteKey);
        RamPoliciesTest.createPolicy(sandbox, sandbox.root(), "for-frank", RamPoliciesTest.READ_BUCKET);
        AttachPolicyToUserRequest attach = sandbox.local(new AttachPolicyToUserRequest());
        attach.setPolicyType("Custom");
        attach.setPolicyName("for-frank");
        attach.setUserName("frank");
        call(sandbox.root(), attach);

        failsWith("DeleteConflict.User.Policy", () -> sandbox.root().getAcsResponse(deleteUser));
    }

    @Test
    void deletedUserIsGone() {
        call(sandbox.root(), createUser(sandbox, "gina"));
        DeleteUserRequest delete = sandbox.local(new DeleteUserRequest());
        delete.setUserName("gina");

        call(sandbox.root(), delete);

        failsWith("EntityNotExist.User", () -> sandbox.root().getAcsResponse(delete));
    }

    @Test
    void listUsersPagesAcrossPages() {
        for (int i = 0; i < 5; i++) {
            call(sandbox.root(), createUser(sandbox, "paged.user-" + i));
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListUsersRequest list = sandbox.localXml(new ListUsersRequest());
            list.setMaxItems(2);
            list.setMarker(marker);
            ListUsersResponse page = call(sandbox.root(), list);
            page.getUsers().forEach(user -> seen.add(user.getUserName()));
            marker = page.getIsTruncated() ? page.getMarker() : null;
            pages++;
        } while (marker != null);

        assertThat(pages).isGreaterThan(2);
        assertThat(seen).doesNotHaveDuplicates()
                .contains("paged.user-0", "paged.user-1", "paged.user-2", "paged.user-3", "paged.user-4");
    }
}
