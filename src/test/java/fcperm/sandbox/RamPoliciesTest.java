package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyResponse;
import com.aliyuncs.ram.model.v20150501.CreatePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
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
import com.aliyuncs.ram.model.v20150501.UpdateRoleRequest;
import com.aliyuncs.ram.model.v20150501.UpdateRoleResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static fcperm.sandbox.SdkClients.call;
import static fcperm.sandbox.SdkClients.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Custom policies, their versions, and attaching them to roles and users, through the official RAM SDK. */
class RamPoliciesTest {

    static final String READ_BUCKET = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:bucket-1/*\"]}]}";

    @TempDir
    static Path dataDir;
    private static Sandbox sandbox;
    private static SdkClients clients;
    private static IAcsClient root;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.of(dataDir));
        clients = new SdkClients(sandbox);
        root = clients.root();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

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

    private static void createRole(String name) {
        CreateRoleRequest request = clients.local(new CreateRoleRequest());
        request.setRoleName(name);
        request.setAssumeRolePolicyDocument(RamRolesTest.FC_TRUST);
        call(root, request);
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
        CreatePolicyResponse.Policy created = createPolicy(clients, root, "read-bucket-1", READ_BUCKET);
        GetPolicyResponse read = call(root, getPolicy("Custom", "read-bucket-1"));

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
        createPolicy(clients, root, "twice", READ_BUCKET);

        failsWith("EntityAlreadyExists.Policy", () -> root.getAcsResponse(createPolicyRequest(clients, "twice", READ_BUCKET)));
        failsWith("InvalidParameter.PolicyName.InvalidChars",
                () -> root.getAcsResponse(createPolicyRequest(clients, "has.dot", READ_BUCKET)));
        failsWith("InvalidParameter.PolicyName.Length",
                () -> root.getAcsResponse(createPolicyRequest(clients, "p".repeat(129), READ_BUCKET)));
        failsWith("MalformedPolicyDocument",
                () -> root.getAcsResponse(createPolicyRequest(clients, "broken", "{\"Statement\":")));
        failsWith("InvalidParameter.PolicyDocument.Length", () -> root.getAcsResponse(
                createPolicyRequest(clients, "huge", READ_BUCKET.replace("bucket-1/*", "b".repeat(6200)))));
    }

    @Test
    void unknownPoliciesAndPolicyTypesAreRejected() {
        failsWith("EntityNotExist.Policy", () -> root.getAcsResponse(getPolicy("Custom", "never-made")));
        failsWith("EntityNotExist.Policy", () -> root.getAcsResponse(getPolicy("System", "NoSuchSystemPolicy")));
        failsWith("InvalidParameter.PolicyType", () -> root.getAcsResponse(getPolicy("Managed", "never-made")));
    }

    @Test
    void versionsAreNumberedAndTheDefaultMovesOnlyWhenAsked() {
        createPolicy(clients, root, "versioned", READ_BUCKET);

        assertThat(call(root, newVersion("versioned", false)).getPolicyVersion().getVersionId()).isEqualTo("v2");
        assertThat(call(root, newVersion("versioned", true)).getPolicyVersion().getIsDefaultVersion()).isTrue();

        ListPolicyVersionsRequest list = clients.local(new ListPolicyVersionsRequest());
        list.setPolicyType("Custom");
        list.setPolicyName("versioned");
        List<ListPolicyVersionsResponse.PolicyVersion> versions = call(root, list).getPolicyVersions();
        assertThat(versions).extracting(ListPolicyVersionsResponse.PolicyVersion::getVersionId).containsExactly("v1", "v2", "v3");
        assertThat(versions).filteredOn(ListPolicyVersionsResponse.PolicyVersion::getIsDefaultVersion)
                .extracting(ListPolicyVersionsResponse.PolicyVersion::getVersionId).containsExactly("v3");

        GetPolicyVersionRequest get = clients.local(new GetPolicyVersionRequest());
        get.setPolicyType("Custom");
        get.setPolicyName("versioned");
        get.setVersionId("v2");
        assertThat(call(root, get).getPolicyVersion().getPolicyDocument()).isEqualTo(READ_BUCKET);
        get.setVersionId("v9");
        failsWith("EntityNotExist.Policy.Version", () -> root.getAcsResponse(get));
        get.setVersionId("nine");
        failsWith("InvalidParameter.VersionId.Format", () -> root.getAcsResponse(get));
    }

    @Test
    void aPolicyHasAtMostFiveVersionsUnlessTheOldestIsRotatedOut() {
        createPolicy(clients, root, "five-versions", READ_BUCKET);
        for (int i = 2; i <= 5; i++) {
            call(root, newVersion("five-versions", false));
        }

        failsWith("LimitExceeded.Policy.Version", () -> root.getAcsResponse(newVersion("five-versions", false)));

        CreatePolicyVersionRequest rotating = newVersion("five-versions", false);
        rotating.setRotateStrategy("DeleteOldestNonDefaultVersionWhenLimitExceeded");
        assertThat(call(root, rotating).getPolicyVersion().getVersionId()).isEqualTo("v6");
        ListPolicyVersionsRequest list = clients.local(new ListPolicyVersionsRequest());
        list.setPolicyType("Custom");
        list.setPolicyName("five-versions");
        assertThat(call(root, list).getPolicyVersions()).extracting(ListPolicyVersionsResponse.PolicyVersion::getVersionId)
                .containsExactly("v1", "v3", "v4", "v5", "v6");
    }

    @Test
    void theDefaultVersionCannotBeDeletedAndOtherVersionsBlockDeletingThePolicy() {
        createPolicy(clients, root, "with-versions", READ_BUCKET);
        call(root, newVersion("with-versions", false));
        DeletePolicyVersionRequest deleteV1 = clients.local(new DeletePolicyVersionRequest());
        deleteV1.setPolicyName("with-versions");
        deleteV1.setVersionId("v1");

        failsWith("DeleteConflict.Policy.Version.Default", () -> root.getAcsResponse(deleteV1));
        failsWith("DeleteConflict.Policy.Version", () -> root.getAcsResponse(deletePolicy("with-versions")));

        DeletePolicyVersionRequest deleteV2 = clients.local(new DeletePolicyVersionRequest());
        deleteV2.setPolicyName("with-versions");
        deleteV2.setVersionId("v2");
        call(root, deleteV2);
        call(root, deletePolicy("with-versions"));
        failsWith("EntityNotExist.Policy", () -> root.getAcsResponse(getPolicy("Custom", "with-versions")));
    }

    @Test
    void attachedPolicyShowsOnTheRoleAndBlocksDeletingEither() {
        createPolicy(clients, root, "for-role", READ_BUCKET);
        createRole("holder");

        call(root, attachToRole("for-role", "holder"));
        failsWith("EntityAlreadyExists.Role.Policy", () -> root.getAcsResponse(attachToRole("for-role", "holder")));

        ListPoliciesForRoleRequest forRole = clients.local(new ListPoliciesForRoleRequest());
        forRole.setRoleName("holder");
        assertThat(call(root, forRole).getPolicies()).singleElement()
                .satisfies(policy -> {
                    assertThat(policy.getPolicyName()).isEqualTo("for-role");
                    assertThat(policy.getPolicyType()).isEqualTo("Custom");
                    assertThat(policy.getAttachDate()).isNotBlank();
                });
        ListEntitiesForPolicyRequest entities = clients.local(new ListEntitiesForPolicyRequest());
        entities.setPolicyType("Custom");
        entities.setPolicyName("for-role");
        assertThat(call(root, entities).getRoles()).extracting(ListEntitiesForPolicyResponse.Role::getRoleName)
                .containsExactly("holder");
        assertThat(call(root, getPolicy("Custom", "for-role")).getPolicy().getAttachmentCount()).isEqualTo(1);

        DeleteRoleRequest deleteRole = clients.local(new DeleteRoleRequest());
        deleteRole.setRoleName("holder");
        failsWith("DeleteConflict.Role.Policy", () -> root.getAcsResponse(deleteRole));
        failsWith("DeleteConflict.Policy.Role", () -> root.getAcsResponse(deletePolicy("for-role")));

        call(root, detachFromRole("for-role", "holder"));
        failsWith("EntityNotExist.Role.Policy", () -> root.getAcsResponse(detachFromRole("for-role", "holder")));
        call(root, deleteRole);
        call(root, deletePolicy("for-role"));
    }

    @Test
    void attachingNeedsAnExistingRoleAndPolicy() {
        createRole("lonely");
        failsWith("EntityNotExist.Role", () -> root.getAcsResponse(attachToRole("read-anything", "nobody")));
        failsWith("EntityNotExist.Policy", () -> root.getAcsResponse(attachToRole("read-anything", "lonely")));
    }

    @Test
    void attachedPolicyShowsOnTheUserAndBlocksDeletingThePolicy() {
        createPolicy(clients, root, "for-user", READ_BUCKET);
        CreateUserRequest createUser = clients.local(new CreateUserRequest());
        createUser.setUserName("policy.holder");
        call(root, createUser);
        AttachPolicyToUserRequest attach = clients.local(new AttachPolicyToUserRequest());
        attach.setPolicyType("Custom");
        attach.setPolicyName("for-user");
        attach.setUserName("policy.holder");

        call(root, attach);

        failsWith("EntityAlreadyExists.User.Policy", () -> root.getAcsResponse(attach));
        ListPoliciesForUserRequest forUser = clients.local(new ListPoliciesForUserRequest());
        forUser.setUserName("policy.holder");
        assertThat(call(root, forUser).getPolicies()).extracting(p -> p.getPolicyName()).containsExactly("for-user");
        failsWith("DeleteConflict.Policy.User", () -> root.getAcsResponse(deletePolicy("for-user")));

        DetachPolicyFromUserRequest detach = clients.local(new DetachPolicyFromUserRequest());
        detach.setPolicyType("Custom");
        detach.setPolicyName("for-user");
        detach.setUserName("policy.holder");
        call(root, detach);
        failsWith("EntityNotExist.User.Policy", () -> root.getAcsResponse(detach));
    }

    @Test
    void updateRoleChangesTrustPolicyAndSessionLength() {
        createRole("updatable");
        String accountTrust = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + sandbox.accountId() + ":root\"]}}],\"Version\":\"1\"}";
        UpdateRoleRequest update = clients.local(new UpdateRoleRequest());
        update.setRoleName("updatable");
        update.setNewAssumeRolePolicyDocument(accountTrust);
        update.setNewMaxSessionDuration(43200L);

        UpdateRoleResponse.Role updated = call(root, update).getRole();

        assertThat(updated.getAssumeRolePolicyDocument()).isEqualTo(accountTrust);
        assertThat(updated.getMaxSessionDuration()).isEqualTo(43200L);
        update.setNewMaxSessionDuration(50000L);
        failsWith("InvalidParameter.NewMaxSessionDuration", () -> root.getAcsResponse(update));
        update.setRoleName("not-there");
        update.setNewMaxSessionDuration(3600L);
        failsWith("EntityNotExist.Role", () -> root.getAcsResponse(update));
    }

    @Test
    void listPoliciesFiltersByTypeAndPagesAcrossPages() {
        for (int i = 0; i < 5; i++) {
            createPolicy(clients, root, "listed-" + i, READ_BUCKET);
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListPoliciesRequest list = clients.local(new ListPoliciesRequest());
            list.setPolicyType("Custom");
            list.setMaxItems(2);
            list.setMarker(marker);
            ListPoliciesResponse page = call(root, list);
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
