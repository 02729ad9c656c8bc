package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyResponse;
import com.aliyuncs.ram.model.v20150501.CreatePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.aliyuncs.ram.model.v20150501.DeletePolicyRequest;
import com.aliyuncs.ram.model.v20150501.DeletePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.DeleteRoleRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromRoleRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromUserRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyResponse;
import com.aliyuncs.ram.model.v20150501.GetPolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.ListEntitiesForPolicyRequest;
import com.aliyuncs.ram.model.v20150501.ListEntitiesForPolicyResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesResponse;
import com.aliyuncs.ram.model.v20150501.ListPolicyVersionsRequest;
import com.aliyuncs.ram.model.v20150501.ListPolicyVersionsResponse;
import com.aliyuncs.ram.model.v20150501.SetDefaultPolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.UpdateRoleRequest;
import com.aliyuncs.ram.model.v20150501.UpdateRoleResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static fcperm.sandbox.SdkClients.call;
import static fcperm.sandbox.SdkClients.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Custom policies, their versions, and attaching them to roles and users, through the official RAM SDK. */
class RamPoliciesTest {

    static final String READ_BUCKET = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:bucket-1/*\"]}]}";

    @RegisterExtension
    static final SdkClients clients = new SdkClients();

    static CreatePolicyRequest createPolicyRequest(SdkClients clients, String name, String document) {
        CreatePolicyRequest request = clients.local(new CreatePolicyRequest());
        request.setPolicyName(name);
        request.setPolicyDocument(document);
        request.setDescription("reads bucket-1");
        return request;
    }

    static CreatePolicyResponse.Policy createPolicy(SdkClients clients, IAcsClient client, String name, String document) {
        return call(client, createPolicyRequest(clients, name, document)).getPolicy();
    }

    private static CreatePolicyVersionRequest newVersion(String policyName, boolean setAsDefault) {
        CreatePolicyVersionRequest request = clients.local(new CreatePolicyVersionRequest());
        request.setPolicyName(policyName);
        request.setPolicyDocument(READ_BUCKET);
        request.setSetAsDefault(setAsDefault);
        return request;
    }

    private static AttachPolicyToRoleRequest attachToRole(String policyName, String roleName) {
        AttachPolicyToRoleRequest request = clients.local(new AttachPolicyToRoleRequest());
        request.setPolicyType("Custom");
        request.setPolicyName(policyName);
        request.setRoleName(roleName);
        return request;
    }

    private static DetachPolicyFromRoleRequest detachFromRole(String policyName, String roleName) {
        DetachPolicyFromRoleRequest request = clients.local(new DetachPolicyFromRoleRequest());
        request.setPolicyType("Custom");
        request.setPolicyName(policyName);
        request.setRoleName(roleName);
        return request;
    }

    private static GetPolicyRequest getPolicy(String type, String name) {
        GetPolicyRequest request = clients.local(new GetPolicyRequest());
        request.setPolicyType(type);
        request.setPolicyName(name);
        return request;
    }

    private static DeletePolicyRequest deletePolicy(String name) {
        DeletePolicyRequest request = clients.local(new DeletePolicyRequest());
        request.setPolicyName(name);
        return request;
    }

    @Test
    void customPolicyIsCreatedAsVersionOneAndReadBack() {
        CreatePolicyResponse.Policy created = createPolicy(clients, clients.root(), "read-bucket-1", READ_BUCKET);
        GetPolicyResponse read = call(clients.root(), getPolicy("Custom", "read-bucket-1"));

        assertThat(created.getPolicyType()).isEqualTo("Custom");
        assertThat(created.getDefaultVersion()).isEqualTo("v1");
        assertThat(read.getPolicy().getPolicyDocument()).isEqualTo(READ_BUCKET);
        assertThat(read.getPolicy().getDescription()).isEqualTo("reads bucket-1");
        assertThat(read.getPolicy().getAttachmentCount()).isZero();
        assertThat(read.getDefaultPolicyVersion().getVersionId()).isEqualTo("v1");
        assertThat(read.getDefaultPolicyVersion().getIsDefaultVersion()).isTrue();
    }

    @Test
    void policyNamesAreUniqueAndValidated() {
        createPolicy(clients, clients.root(), "twice", READ_BUCKET);

        failsWith("EntityAlreadyExists.Policy", () -> clients.root().getAcsResponse(createPolicyRequest(clients, "twice", READ_BUCKET)));
        failsWith("InvalidParameter.PolicyName.InvalidChars",
                () -> clients.root().getAcsResponse(createPolicyRequest(clients, "has.dot", READ_BUCKET)));
        failsWith("InvalidParameter.PolicyName.Length",
                () -> clients.root().getAcsResponse(createPolicyRequest(clients, "p".repeat(129), READ_BUCKET)));
        failsWith("MalformedPolicyDocument",
                () -> clients.root().getAcsResponse(createPolicyRequest(clients, "broken", "{\"Statement\":")));
        failsWith("InvalidParameter.PolicyDocument.Length", () -> clients.root().getAcsResponse(
                createPolicyRequest(clients, "huge", READ_BUCKET.replace("bucket-1/*", "b".repeat(6200)))));
    }

    @Test
    void unknownPoliciesAndPolicyTypesAreRejected() {
        failsWith("EntityNotExist.Policy", () -> clients.root().getAcsResponse(getPolicy("Custom", "never-made")));
        failsWith("EntityNotExist.Policy", () -> clients.root().getAcsResponse(getPolicy("System", "NoSuchSystemPolicy")));
        failsWith("InvalidParameter.PolicyType", () -> clients.root().getAcsResponse(getPolicy("Managed", "never-made")));
    }

    @Test
    void versionsAreNumberedAndTheDefaultMovesOnlyWhenAsked() {
        createPolicy(clients, clients.root(), "versioned", READ_BUCKET);

        assertThat(call(clients.root(), newVersion("versioned", false)).getPolicyVersion().getVersionId()).isEqualTo("v2");
        assertThat(call(clients.root(), newVersion("versioned", true)).getPolicyVersion().getIsDefaultVersion()).isTrue();

        ListPolicyVersionsRequest list = clients.local(new ListPolicyVersionsRequest());
        list.setPolicyType("Custom");
        list.setPolicyName("versioned");
        List<ListPolicyVersionsResponse.PolicyVersion> versions = call(clients.root(), list).getPolicyVersions();
        assertThat(versions).extracting(ListPolicyVersionsResponse.PolicyVersion::getVersionId).containsExactly("v1", "v2", "v3");
        assertThat(versions).filteredOn(ListPolicyVersionsResponse.PolicyVersion::getIsDefaultVersion)
                .extracting(ListPolicyVersionsResponse.PolicyVersion::getVersionId).containsExactly("v3");

        GetPolicyVersionRequest get = clients.local(new GetPolicyVersionRequest());
        get.setPolicyType("Custom");
        get.setPolicyName("versioned");
        get.setVersionId("v2");
        assertThat(call(clients.root(), get).getPolicyVersion().getPolicyDocument()).isEqualTo(READ_BUCKET);
        get.setVersionId("v9");
        failsWith("EntityNotExist.Policy.Version", () -> clients.root().getAcsResponse(get));
        get.setVersionId("nine");
        failsWith("InvalidParameter.VersionId.Format", () -> clients.root().getAcsResponse(get));

        SetDefaultPolicyVersionRequest setDefault = clients.local(new SetDefaultPolicyVersionRequest());
        setDefault.setPolicyName("versioned");
        setDefault.setVersionId("v1");
        call(clients.root(), setDefault);
        assertThat(call(clients.root(), getPolicy("Custom", "versioned")).getPolicy().getDefaultVersion()).isEqualTo("v1");
        setDefault.setVersionId("v7");
        failsWith("EntityNotExist.Policy.Version", () -> clients.root().getAcsResponse(setDefault));
    }

    @Test
    void aPolicyHasAtMostFiveVersionsUnlessTheOldestIsRotatedOut() {
        createPolicy(clients, clients.root(), "five-versions", READ_BUCKET);
        for (int i = 2; i <= 5; i++) {
            call(clients.root(), newVersion("five-versions", false));
        }

        failsWith("LimitExceeded.Policy.Version", () -> clients.root().getAcsResponse(newVersion("five-versions", false)));

        CreatePolicyVersionRequest rotating = newVersion("five-versions", false);
        rotating.setRotateStrategy("DeleteOldestNonDefaultVersionWhenLimitExceeded");
        assertThat(call(clients.root(), rotating).getPolicyVersion().getVersionId()).isEqualTo("v6");
        ListPolicyVersionsRequest list = clients.local(new ListPolicyVersionsRequest());
        list.setPolicyType("Custom");
        list.setPolicyName("five-versions");
        assertThat(call(clients.root(), list).getPolicyVersions()).extracting(ListPolicyVersionsResponse.PolicyVersion::getVersionId)
                .containsExactly("v1", "v3", "v4", "v5", "v6");
    }

    @Test
    void theDefaultVersionCannotBeDeletedAndOtherVersionsBlockDeletingThePolicy() {
        createPolicy(clients, clients.root(), "with-versions", READ_BUCKET);
        call(clients.root(), newVersion("with-versions", false));
        DeletePolicyVersionRequest deleteV1 = clients.local(new DeletePolicyVersionRequest());
        deleteV1.setPolicyName("with-versions");
        deleteV1.setVersionId("v1");

        failsWith("DeleteConflict.Policy.Version.Default", () -> clients.root().getAcsResponse(deleteV1));
        failsWith("DeleteConflict.Policy.Version", () -> clients.root().getAcsResponse(deletePolicy("with-versions")));

        DeletePolicyVersionRequest deleteV2 = clients.local(new DeletePolicyVersionRequest());
        deleteV2.setPolicyName("with-versions");
        deleteV2.setVersionId("v2");
        call(clients.root(), deleteV2);
        call(clients.root(), deletePolicy("with-versions"));
        failsWith("EntityNotExist.Policy", () -> clients.root().getAcsResponse(getPolicy("Custom", "with-versions")));
    }

    @Test
    void attachedPolicyShowsOnTheRoleAndBlocksDeletingEither() {
        createPolicy(clients, clients.root(), "for-role", READ_BUCKET);
        call(clients.root(), clients.createRole("holder"));

        call(clients.root(), attachToRole("for-role", "holder"));
        failsWith("EntityAlreadyExists.Role.Policy", () -> clients.root().getAcsResponse(attachToRole("for-role", "holder")));

        ListPoliciesForRoleRequest forRole = clients.local(new ListPoliciesForRoleRequest());
        forRole.setRoleName("holder");
        assertThat(call(clients.root(), forRole).getPolicies()).singleElement()
                .satisfies(policy -> {
                    assertThat(policy.getPolicyName()).isEqualTo("for-role");
                    assertThat(policy.getPolicyType()).isEqualTo("Custom");
                    assertThat(policy.getAttachDate()).isNotBlank();
                });
        ListEntitiesForPolicyRequest entities = clients.local(new ListEntitiesForPolicyRequest());
        entities.setPolicyType("Custom");
        entities.setPolicyName("for-role");
        assertThat(call(clients.root(), entities).getRoles()).extracting(ListEntitiesForPolicyResponse.Role::getRoleName)
                .containsExactly("holder");
        assertThat(call(clients.root(), getPolicy("Custom", "for-role")).getPolicy().getAttachmentCount()).isEqualTo(1);

        DeleteRoleRequest deleteRole = clients.local(new DeleteRoleRequest());
        deleteRole.setRoleName("holder");
        failsWith("DeleteConflict.Role.Policy", () -> clients.root().getAcsResponse(deleteRole));
        failsWith("DeleteConflict.Policy.Role", () -> clients.root().getAcsResponse(deletePolicy("for-role")));

        call(clients.root(), detachFromRole("for-role", "holder"));
        failsWith("EntityNotExist.Role.Policy", () -> clients.root().getAcsResponse(detachFromRole("for-role", "holder")));
        call(clients.root(), deleteRole);
        call(clients.root(), deletePolicy("for-role"));
    }

    @Test
    void attachingNeedsAnExistingRoleAndPolicy() {
        call(clients.root(), clients.createRole("lonely"));
        failsWith("EntityNotExist.Role", () -> clients.root().getAcsResponse(attachToRole("read-anything", "nobody")));
        failsWith("EntityNotExist.Policy", () -> clients.root().getAcsResponse(attachToRole("read-anything", "lonely")));
    }

    @Test
    void attachedPolicyShowsOnTheUserAndBlocksDeletingThePolicy() {
        createPolicy(clients, clients.root(), "for-user", READ_BUCKET);
        CreateUserRequest createUser = clients.local(new CreateUserRequest());
        createUser.setUserName("policy.holder");
        call(clients.root(), createUser);
        AttachPolicyToUserRequest attach = clients.local(new AttachPolicyToUserRequest());
        attach.setPolicyType("Custom");
        attach.setPolicyName("for-user");
        attach.setUserName("policy.holder");

        call(clients.root(), attach);

        failsWith("EntityAlreadyExists.User.Policy", () -> clients.root().getAcsResponse(attach));
        ListPoliciesForUserRequest forUser = clients.local(new ListPoliciesForUserRequest());
        forUser.setUserName("policy.holder");
        assertThat(call(clients.root(), forUser).getPolicies()).extracting(p -> p.getPolicyName()).containsExactly("for-user");
        ListEntitiesForPolicyRequest entities = clients.local(new ListEntitiesForPolicyRequest());
        entities.setPolicyType("Custom");
        entities.setPolicyName("for-user");
        assertThat(call(clients.root(), entities).getUsers()).extracting(ListEntitiesForPolicyResponse.User::getUserName)
                .containsExactly("policy.holder");
        failsWith("DeleteConflict.Policy.User", () -> clients.root().getAcsResponse(deletePolicy("for-user")));

        DetachPolicyFromUserRequest detach = clients.local(new DetachPolicyFromUserRequest());
        detach.setPolicyType("Custom");
        detach.setPolicyName("for-user");
        detach.setUserName("policy.holder");
        call(clients.root(), detach);
        failsWith("EntityNotExist.User.Policy", () -> clients.root().getAcsResponse(detach));
    }

    @Test
    void updateRoleChangesTrustPolicyAndSessionLength() {
        call(clients.root(), clients.createRole("updatable"));
        String accountTrust = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + clients.sandbox().accountId() + ":root\"]}}],\"Version\":\"1\"}";
        UpdateRoleRequest update = clients.local(new UpdateRoleRequest());
        update.setRoleName("updatable");
        update.setNewAssumeRolePolicyDocument(accountTrust);
        update.setNewMaxSessionDuration(43200L);

        UpdateRoleResponse.Role updated = call(clients.root(), update).getRole();

        assertThat(updated.getAssumeRolePolicyDocument()).isEqualTo(accountTrust);
        assertThat(updated.getMaxSessionDuration()).isEqualTo(43200L);
        update.setNewMaxSessionDuration(50000L);
        failsWith("InvalidParameter.NewMaxSessionDuration", () -> clients.root().getAcsResponse(update));
        update.setRoleName("not-there");
        update.setNewMaxSessionDuration(3600L);
        failsWith("EntityNotExist.Role", () -> clients.root().getAcsResponse(update));
    }

    @Test
    void listPoliciesFiltersByTypeAndPagesAcrossPages() {
        for (int i = 0; i < 5; i++) {
            createPolicy(clients, clients.root(), "listed-" + i, READ_BUCKET);
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListPoliciesRequest list = clients.local(new ListPoliciesRequest());
            list.setPolicyType("Custom");
            list.setMaxItems(2);
            list.setMarker(marker);
            ListPoliciesResponse page = call(clients.root(), list);
            page.getPolicies().forEach(policy -> {
                assertThat(policy.getPolicyType()).isEqualTo("Custom");
                seen.add(policy.getPolicyName());
            });
            marker = page.getIsTruncated() ? page.getMarker() : null;
            pages++;
        } while (marker != null);

        assertThat(pages).isGreaterThan(1);
        assertThat(seen).doesNotHaveDuplicates().contains("listed-0", "listed-1", "listed-2", "listed-3", "listed-4");
    }
}
