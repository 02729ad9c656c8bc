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
import fcperm.sandbox.auth.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static fcperm.sandbox.SdkClients.call;
import static fcperm.sandbox.SdkClients.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** RAM users and their AccessKeys, through the official RAM SDK; a user's key signs requests as that user. */
class RamUsersTest {

    @RegisterExtension
    static final SdkClients clients = new SdkClients();

    static CreateUserRequest createUser(SdkClients clients, String name) {
        CreateUserRequest request = clients.local(new CreateUserRequest());
        request.setUserName(name);
        return request;
    }

    /** Creates a user and an AccessKey for it, as a user would through the SDK. */
    static Credentials userWithKey(SdkClients clients, String name) {
        call(clients.root(), createUser(clients, name));
        CreateAccessKeyRequest key = clients.local(new CreateAccessKeyRequest());
        key.setUserName(name);
        CreateAccessKeyResponse.AccessKey created = call(clients.root(), key).getAccessKey();
        return Credentials.longTerm(created.getAccessKeyId(), created.getAccessKeySecret());
    }

    @Test
    void createdUserIsReadBack() {
        CreateUserRequest create = createUser(clients, "alice");
        create.setDisplayName("Alice Liddell");
        create.setComments("deploys functions");

        CreateUserResponse.User created = call(clients.root(), create).getUser();
        GetUserRequest get = clients.local(new GetUserRequest());
        get.setUserName("alice");

        assertThat(created.getUserId()).containsOnlyDigits();
        assertThat(call(clients.root(), get).getUser()).satisfies(user -> {
            assertThat(user.getUserId()).isEqualTo(created.getUserId());
            assertThat(user.getDisplayName()).isEqualTo("Alice Liddell");
            assertThat(user.getComments()).isEqualTo("deploys functions");
        });
    }

    @Test
    void userNamesAreUniqueAndValidated() {
        call(clients.root(), createUser(clients, "bob"));

        failsWith("EntityAlreadyExists.User", () -> clients.root().getAcsResponse(createUser(clients, "BOB")));
        failsWith("InvalidParameter.UserName.InvalidChars", () -> clients.root().getAcsResponse(createUser(clients, "bob smith")));
        failsWith("InvalidParameter.UserName.Length", () -> clients.root().getAcsResponse(createUser(clients, "u".repeat(65))));
        GetUserRequest missing = clients.local(new GetUserRequest());
        missing.setUserName("nobody");
        failsWith("EntityNotExist.User", () -> clients.root().getAcsResponse(missing));
    }

    @Test
    void aUsersKeySignsRequestsAsThatUser() {
        Credentials carol = userWithKey(clients, "carol");

        GetCallerIdentityResponse identity = call(clients.of(carol), clients.local(new GetCallerIdentityRequest()));

        assertThat(identity.getIdentityType()).isEqualTo("RAMUser");
        assertThat(identity.getArn()).isEqualTo("acs:ram::" + clients.sandbox().accountId() + ":user/carol");
        assertThat(identity.getUserId()).isEqualTo(identity.getPrincipalId()).containsOnlyDigits();
    }

    @Test
    void aUserWithoutPoliciesIsRefusedWithTheDeniedActionInTheDetail() {
        Credentials dave = userWithKey(clients, "dave");

        ClientException error = failsWith("NoPermission",
                () -> clients.of(dave).getAcsResponse(clients.local(new ListRolesRequest())));
        assertThat(error.getErrMsg()).isEqualTo("You are not authorized to do this action. You should be authorized by RAM.");
    }

    @Test
    void accessKeysAreListedWithoutSecretsLimitedToTwoAndDeletable() {
        Credentials erin = userWithKey(clients, "erin");
        CreateAccessKeyRequest second = clients.local(new CreateAccessKeyRequest());
        second.setUserName("erin");
        call(clients.root(), second);

        failsWith("LimitExceeded.User.AccessKey", () -> clients.root().getAcsResponse(second));
        ListAccessKeysRequest list = clients.local(new ListAccessKeysRequest());
        list.setUserName("erin");
        List<ListAccessKeysResponse.AccessKey> keys = call(clients.root(), list).getAccessKeys();
        assertThat(keys).hasSize(2).extracting(ListAccessKeysResponse.AccessKey::getStatus).containsOnly("Active");
        assertThat(keys).extracting(ListAccessKeysResponse.AccessKey::getAccessKeyId).contains(erin.accessKeyId());

        DeleteAccessKeyRequest delete = clients.local(new DeleteAccessKeyRequest());
        delete.setUserName("erin");
        delete.setUserAccessKeyId(erin.accessKeyId());
        call(clients.root(), delete);
        failsWith("EntityNotExist.User.AccessKey", () -> clients.root().getAcsResponse(delete));
        failsWith("InvalidAccessKeyId.NotFound",
                () -> clients.of(erin).getAcsResponse(clients.local(new GetCallerIdentityRequest())));
    }

    @Test
    void aUserWithKeysOrPoliciesCannotBeDeleted() {
        Credentials frank = userWithKey(clients, "frank");
        DeleteUserRequest deleteUser = clients.local(new DeleteUserRequest());
        deleteUser.setUserName("frank");

        failsWith("DeleteConflict.User.AccessKey", () -> clients.root().getAcsResponse(deleteUser));

        DeleteAccessKeyRequest deleteKey = clients.local(new DeleteAccessKeyRequest());
        deleteKey.setUserName("frank");
        deleteKey.setUserAccessKeyId(frank.accessKeyId());
        call(clients.root(), deleteKey);
        RamPoliciesTest.createPolicy(clients, clients.root(), "for-frank", RamPoliciesTest.READ_BUCKET);
        AttachPolicyToUserRequest attach = clients.local(new AttachPolicyToUserRequest());
        attach.setPolicyType("Custom");
        attach.setPolicyName("for-frank");
        attach.setUserName("frank");
        call(clients.root(), attach);

        failsWith("DeleteConflict.User.Policy", () -> clients.root().getAcsResponse(deleteUser));
    }

    @Test
    void deletedUserIsGone() {
        call(clients.root(), createUser(clients, "gina"));
        DeleteUserRequest delete = clients.local(new DeleteUserRequest());
        delete.setUserName("gina");

        call(clients.root(), delete);

        failsWith("EntityNotExist.User", () -> clients.root().getAcsResponse(delete));
    }

    @Test
    void listUsersPagesAcrossPages() {
        for (int i = 0; i < 5; i++) {
            call(clients.root(), createUser(clients, "paged.user-" + i));
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListUsersRequest list = clients.localXml(new ListUsersRequest());
            list.setMaxItems(2);
            list.setMarker(marker);
            ListUsersResponse page = call(clients.root(), list);
            page.getUsers().forEach(user -> seen.add(user.getUserName()));
            marker = page.getIsTruncated() ? page.getMarker() : null;
            pages++;
        } while (marker != null);

        assertThat(pages).isGreaterThan(2);
        assertThat(seen).doesNotHaveDuplicates()
                .contains("paged.user-0", "paged.user-1", "paged.user-2", "paged.user-3", "paged.user-4");
    }
}
