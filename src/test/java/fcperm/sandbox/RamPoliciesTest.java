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
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static fcperm.testkit.TestSandbox.call;
import static fcperm.testkit.TestSandbox.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Custom policies, their versions, and attaching them to roles and users, through the official RAM SDK. */
class RamPoliciesTest {

    static final String READ_BUCKET = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:bucket-1/*\"]}]}";

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();

    static CreatePolicyRequest createPolicyRequest(TestSandbox sandbox, String name, String document) {
        CreatePolicyRequest request = sandbox.local(new CreatePolicyRequest());
        request.setPolicyName(name);
        request.setPolicyDocument(document);
        request.setDescription("reads bucket-1");
        return request;
    }

    static CreatePolicyResponse.Policy createPolicy(TestSandbox sandbox, IAcsClient client, String name, String document) {
        return call(client, createPolicyRequest(sandbox, name, document)).getPolicy();
    }

    private static CreatePolicyVersionRequest newVersion(String policyName, boolean setAsDefault) {
        CreatePolicyVersionRequest request = sandbox.local(new CreatePolicyVersionRequest());
        request.setPolicyName(policyName);
        request.setPolicyDocument(READ_BUCKET);
        request.setSetAsDefault(setAsDefault);
        return request;
    }

    private static AttachPolicyToRoleRequest attachToRole(String policyName, String roleName) {
        AttachPolicyToRoleRequest request = sandbox.local(new AttachPolicyToRoleRequest());
        request.setPolicyType("Custom");
        request.setPolicyName(policyName);
        request.setRoleName(roleName);
        return request;
    }

    private static DetachPolicyFromRoleRequest detachFromRole(String policyName, String roleName) {
        DetachPolicyFromRoleRequest request = sandbox.local(new DetachPolicyFromRoleRequest());
        request.setPolicyType("Custom");
        request.setPolicyName(policyName);
        request.setRoleName(roleName);
        return request;
    }

    private static GetPolicyRequest getPolicy(String type, String name) {
        GetPolicyRequest request = sandbox.local(new GetPolicyRequest());
        request.setPolicyType(type);
        request.setPolicyName(name);
        return request;
    }

    private static DeletePolicyRequest deletePolicy(String name) {
        DeletePolicyRequest request = sandbox.local(new DeletePolicyRequest());
        request.setPolicyName(name);
        return request;
    }

    @Test
    void customPolicyIsCreatedAsVersionOneAndReadBack() {
        CreatePolicyResponse.Policy created = createPolicy(sandbox, sandbox.root(), "read-bucket-1", READ_BUCKET);
        GetPolicyResponse read = call(sandbox.root(), getPolicy("Custom", "read-bucket-1"));

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
        createPolicy(sandbox, sandbox.root(), "twice", READ_BUCKET);

        failsWith("EntityAlreadyExists.Policy", () -> sandbox.root().getAcsResponse(createPolicyRequest(sandbox, "twice", READ_BUCKET)));
        failsWith("InvalidParameter.PolicyName.InvalidChars",
                () -> sandbox.root().getAcsResponse(createPolicyRequest(sandbox, "has.dot", READ_BUCKET)));
        failsWith("InvalidParameter.PolicyName.Length",
                () -> sandbox.root().getAcsResponse(createPolicyRequest(sandbox, "p".repeat(129), READ_BUCKET)));
        failsWith("MalformedPolicyDocument",
                () -> sandbox.root().getAcsResponse(createPolicyRequest(sandbox, "broken", "{\"Statement\":")));
        failsWith("InvalidParameter.PolicyDocument.Length", () -> sandbox.root().getAcsResponse(
                createPolicyRequest(sandbox, "huge", READ_BUCKET.replace("bucket-1/*", "b".repeat(6200)))));
    }

    @Test
    void unknownPoliciesAndPolicyTypesAreRejected() {
        failsWith("EntityNotExist.Policy", () -> sandbox.root().getAcsResponse(getPolicy("Custom", "never-made")));
        failsWith("EntityNotExist.Policy", () -> sandbox.root().getAcsResponse(getPolicy("System", "NoSuchSystemPolicy")));
        failsWith("InvalidParameter.PolicyType", () -> sandbox.root().getAcsResponse(getPolicy("Managed", "never-made")));
    }

    @Test
    void versionsAreNumberedAndTheDefaultMovesOnlyWhenAsked() {
        createPolicy(sandbox, sandbox.root(), "versioned", READ_BUCKET);

        assertThat(call(sandbox.root(), newVersion("versioned", false)).getPolicyVersion().getVersionId()).isEqualTo("v2");
        assertThat(call(sandbox.root(), newVersion("versioned", true)).getPolicyVersion().getIsDefaultVersion()).isTrue();

        ListPolicyVersionsRequest list = sandbox.local(new ListPolicyVersionsRequest());
        list.setPolicyType("Custom");
        list.setPolicyName("versioned");
        List<ListPolicyVersionsResponse.PolicyVersion> versions = call(sandbox.root(), list).getPolicyVersions();
        assertThat(versions).extracting(ListPolicyVersionsResponse.PolicyVersion::getVersionId).containsExactly("v1", "v2", "v3");
        assertThat(versions).filteredOn(ListPolicyVersionsResponse.PolicyVersion::getIsDefaultVersion)
                .extracting(ListPolicyVersionsResponse.PolicyVersion::getVersionId).containsExactly("v3");

        GetPolicyVersionRequest get = sandbox.local(new GetPolicyVersionRequest());
        get.setPolicyType("Custom");
        get.setPolicyName("versioned");
        get.setVersionId("v2");
        assertThat(call(sandbox.root(), get).getPolicyVersion().getPolicyDocument()).isEqualTo(READ_BUCKET);
        get.setVersionId("v9");
        failsWith("EntityNotExist.Policy.Version", () -> sandbox.root().getAcsResponse(get));
        get.setVersionId("nine");
        failsWith("InvalidParameter.VersionId.Format", () -> sandbox.root().getAcsResponse(get));

        SetDefaultPolicyVersionRequest setDefault = sandbox.local(new SetDefaultPolicyVersionRequest());
        setDefault.setPolicyName("versioned");
        setDefault.setVersionId("v1");
        call(sandbox.root(), setDefault);
        assertThat(call(sandbox.root(), getPolicy("Custom", "versioned")).getPolicy().getDefaultVersion()).isEqualTo("v1");
        setDefault.setVersionId("v7");
        failsWith("EntityNotExist.Policy.Version", () -> sandbox.root().getAcsResponse(setDefault));
    }

    @Test
    void aPolicyHasAtMostFiveVersionsUnlessTheOldestIsRotatedOut() {
        createPolicy(sandbox, sandbox.root(), "five-versions", READ_BUCKET);
        for (int i = 2; i <= 5; i++) {
            call(sandbox.root(), newVersion("five-versions", false));
        }

        failsWith("LimitExceeded.Policy.Version", () -> sandbox.root().getAcsResponse(newVersion("five-versions", false)));

        CreatePolicyVersionRequest rotating = newVersion("five-versions", false);
        rotating.setRotateStrategy("DeleteOldestNonDefaultVersionWhenLimitExceeded");
        assertThat(call(sandbox.root(), rotating).getPolicyVersion().getVersionId()).isEqualTo("v6");
        ListPolicyVersionsRequest list = sandbox.local(new ListPolicyVersionsRequest());
        list.setPolicyType("Custom");
        list.setPolicyName("five-versions");
        assertThat(call(sandbox.root(), list).getPolicyVersions()).extracting(ListPolicyVersionsResponse.PolicyVersion::getVersionId)
                .containsExactly("v1", "v3", "v4", "v5", "v6");
    }

    @Test
    void theDefaultVersionCannotBeDeletedAndOtherVersionsBlockDeletingThePolicy() {
        createPolicy(sandbox, sandbox.root(), "with-versions", READ_BUCKET);
        call(sandbox.root(), newVersion("with-versions", false));
        DeletePolicyVersionRequest deleteV1 = sandbox.local(new DeletePolicyVersionRequest());
        deleteV1.setPolicyName("with-versions");
        deleteV1.setVersionId("v1");

        failsWith("DeleteConflict.Policy.Version.Default", () -> sandbox.root().getAcsResponse(deleteV1));
        failsWith("DeleteConflict.Policy.Version", () -> sandbox.root().getAcsResponse(deletePolicy("with-versions")));

        DeletePolicyVersionRequest deleteV2 = sandbox.local(new DeletePolicyVersionRequest());
        deleteV2.setPolicyName("with-versions");
        deleteV2.setVersionId("v2");
        call(sandbox.root(), deleteV2);
        call(sandbox.root(), deletePolicy("with-versions"));
        failsWith("EntityNotExist.Policy", () -> sandbox.root().getAcsResponse(getPolicy("Custom", "with-versions")));
    }

    @Test
    void attachedPolicyShowsOnTheRoleAndBlocksDeletingEither() {
        createPolicy(sandbox, sandbox.root(), "for-role", READ_BUCKET);
        call(sandbox.root(), sandbox.createRole("holder"));

        call(sandbox.root(), attachToRole("for-role", "holder"));
        failsWith("EntityAlreadyExists.Role.Policy", () -> sandbox.root().getAcsResponse(attachToRole("for-role", "holder")));

        ListPoliciesForRoleRequest forRole = sandbox.local(new ListPoliciesForRoleRequest());
        forRole.setRoleName("holder");
        assertThat(call(sandbox.root(), forRole).getPolicies()).singleElement()
                .satisfies(policy -> {
                    assertThat(policy.getPolicyName()).isEqualTo("for-role");
                    assertThat(policy.getPolicyType()).isEqualTo("Custom");
                    assertThat(policy.getAttachDate()).isNotBlank();
                });
        ListEntitiesForPolicyRequest entities = sandbox.local(new ListEntitiesForPolicyRequest());
        entities.setPolicyType("Custom");
        entities.setPolicyName("for-role");
        assertThat(call(sandbox.root(), entities).getRoles()).extracting(ListEntitiesForPolicyResponse.Role::getRoleName)
                .containsExactly("holder");
        assertThat(call(sandbox.root(), getPolicy("Custom", "for-role")).getPolicy().getAttachmentCount()).isEqualTo(1);

        DeleteRoleRequest deleteRole = sandbox.local(new DeleteRoleRequest());
        deleteRole.setRoleName("holder");
        failsWith("DeleteConflict.Role.Policy", () -> sandbox.root().getAcsResponse(deleteRole));
        failsWith("DeleteConflict.Policy.Role", () -> sandbox.root().getAcsResponse(deletePolicy("for-role")));

        call(sandbox.root(), detachFromRole("for-role", "holder"));
        failsWith("EntityNotExist.Role.Policy", () -> sandbox.root().getAcsResponse(detachFromRole("for-role", "holder")));
        call(sandbox.root(), deleteRole);
        call(sandbox.root(), deletePolicy("for-role"));
    }

    @Test
    void attachingNeedsAnExistingRoleAndPolicy() {
        call(sandbox.root(), sandbox.createRole("lonely"));
        failsWith("EntityNotExist.Role", () -> sandbox.root().getAcsResponse(attachToRole("read-anything", "nobody")));
        failsWith("EntityNotExist.Policy", () -> sandbox.root().getAcsResponse(attachToRole("read-anything", "lonely")));
    }

    @Test
    void attachedPolicyShowsOnTheUserAndBlocksDeletingThePolicy() {
        createPolicy(sandbox, sandbox.root(), "for-user", READ_BUCKET);
        CreateUserRequest createUser = sandbox.local(new CreateUserRequest());
        createUser.setUserName("policy.holder");
        call(sandbox.root(), createUser);
        AttachPolicyToUserRequest attach = sandbox.local(new AttachPolicyToUserRequest());
        attach.setPolicyType("Custom");
        attach.setPolicyName("for-user");
        attach.setUserName("policy.holder");

        call(sandbox.root(), attach);

        failsWith("EntityAlreadyExists.User.Policy", () -> sandbox.root().getAcsResponse(attach));
        ListPoliciesForUserRequest forUser = sandbox.local(new ListPoliciesForUserRequest());
        forUser.setUserName("policy.holder");
        assertThat(call(sandbox.root(), forUser).getPolicies()).extracting(p -> p.getPolicyName()).containsExactly("for-user");
        ListEntitiesForPolicyRequest entities = sandbox.local(new ListEntitiesForPolicyRequest());
        entities.setPolicyType("Custom");
        entities.setPolicyName("for-user");
        assertThat(call(sandbox.root(), entities).getUsers()).extracting(ListEntitiesForPolicyResponse.User::getUserName)
                .containsExactly("policy.holder");
        failsWith("DeleteConflict.Policy.User", () -> sandbox.root().getAcsResponse(deletePolicy("for-user")));

        DetachPolicyFromUserRequest detach = sandbox.local(new DetachPolicyFromUserRequest());
        detach.setPolicyType("Custom");
        detach.setPolicyName("for-user");
        detach.setUserName("policy.holder");
        call(sandbox.root(), detach);
        failsWith("EntityNotExist.User.Policy", () -> sandbox.root().getAcsResponse(detach));
    }

    @Test
    void updateRoleChangesTrustPolicyAndSessionLength() {
        call(sandbox.root(), sandbox.createRole("updatable"));
        String accountTrust = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + sandbox.sandbox().accountId() + ":root\"]}}],\"Version\":\"1\"}";
        UpdateRoleRequest update = sandbox.local(new UpdateRoleRequest());
        update.setRoleName("updatable");
        update.setNewAssumeRolePolicyDocument(accountTrust);
        update.setNewMaxSessionDuration(43200L);

        UpdateRoleResponse.Role updated = call(sandbox.root(), update).getRole();

        assertThat(updated.getAssumeRolePolicyDocument()).isEqualTo(accountTrust);
        assertThat(updated.getMaxSessionDuration()).isEqualTo(43200L);
        update.setNewMaxSessionDuration(50000L);
        failsWith("InvalidParameter.NewMaxSessionDuration", () -> sandbox.root().getAcsResponse(update));
        update.setRoleName("not-there");
        update.setNewMaxSessionDuration(3600L);
        failsWith("EntityNotExist.Role", () -> sandbox.root().getAcsResponse(update));
    }

    @Test
    void listPoliciesFiltersByTypeAndPagesAcrossPages() {
        for (int i = 0; i < 5; i++) {
            createPolicy(sandbox, sandbox.root(), "listed-" + i, READ_BUCKET);
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListPoliciesRequest list = sandbox.local(new ListPoliciesRequest());
            list.setPolicyType("Custom");
            list.setMaxItems(2);
            list.setMarker(marker);
            ListPoliciesResponse page = call(sandbox.root(), list);
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
