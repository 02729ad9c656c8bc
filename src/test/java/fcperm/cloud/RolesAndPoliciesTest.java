package fcperm.cloud;

import fcperm.cloud.session.SdkSession;
import fcperm.policy.eval.PolicyScope;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identity, roles, policies, attachments and resource groups through the cloud layer, against a sandbox. */
class RolesAndPoliciesTest {

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox().watchingSecrets();

    private static final String ROOT_TRUST = "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::%s:root\"]}}]}";

    /** Pages of two items, so that every listing here spans several pages. */
    private static SdkSession session;

    @BeforeAll
    static void connect() throws CloudException {
        session = sandbox.openRootSession(2);
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    private static String rootTrust() {
        return ROOT_TRUST.formatted(sandbox.accountId());
    }

    @Test
    void rootKeyIsTheAccountItself() {
        Identity identity = session.identity();

        assertThat(identity.accountId()).isEqualTo(sandbox.accountId());
        assertThat(identity.principalType()).isEqualTo("Account");
        assertThat(identity.arn()).isEqualTo("acs:ram::" + sandbox.accountId() + ":root");
        assertThat(session.connectionName()).isEqualTo("sandbox");
    }

    @Test
    void sessionShowsTheSandboxEndpoints() {
        ServiceEndpoints endpoints = session.endpoints();

        assertThat(endpoints.ram()).isEqualTo(sandbox.sandbox().endpoints().ram());
        assertThat(endpoints.fc()).isEqualTo(sandbox.sandbox().endpoints().fc());
        assertThat(endpoints.oss()).isEqualTo(sandbox.sandbox().endpoints().oss());
        assertThat(session.ossEndpointFor(session.defaultRegion()))
                .isEqualTo(sandbox.sandbox().endpoints().oss().toString());
    }

    @Test
    void regionsAreTheFunctionComputeRegionsWithBothNames() {
        assertThat(session.regions()).extracting(FcRegion::id).contains(session.defaultRegion(), "cn-shanghai");
        assertThat(session.regions()).allSatisfy(region -> {
            assertThat(region.englishName()).isNotBlank();
            assertThat(region.chineseName()).isNotBlank();
        });
    }

    @Test
    void listsRolesOverSeveralPagesWithWhetherFunctionComputeMayAssumeThem() throws Exception {
        session.roles().createForFunctionCompute("paged-fc-1", "for FC");
        session.roles().createForFunctionCompute("paged-fc-2", "for FC");
        session.roles().create("paged-root-1", "root only", rootTrust());
        session.roles().create("paged-root-2", "root only", rootTrust());
        session.roles().create("paged-root-3", "root only", rootTrust());
        List<Long> reported = new ArrayList<>();

        List<RoleSummary> roles = session.roles().listWithTrust((done, total) -> reported.add(done),
                Cancellation.NEVER);
        List<RoleSummary> trusted = session.roles().listTrustedByFunctionCompute(Progress.NONE, Cancellation.NEVER);

        assertThat(roles).extracting(RoleSummary::name)
                .contains("paged-fc-1", "paged-fc-2", "paged-root-1", "paged-root-2", "paged-root-3");
        assertThat(roles).filteredOn(role -> role.name().startsWith("paged-fc"))
                .allMatch(RoleSummary::trustsFunctionCompute);
        assertThat(roles).filteredOn(role -> role.name().startsWith("paged-root"))
                .noneMatch(RoleSummary::trustsFunctionCompute);
        assertThat(trusted).extracting(RoleSummary::name).contains("paged-fc-1", "paged-fc-2")
                .doesNotContain("paged-root-1");
        assertThat(reported.size()).as("one report per page, then one per role read").isGreaterThan(roles.size() + 2);
    }

    @Test
    void readsTrustPolicyAndLetsFunctionComputeIn() throws Exception {
        session.roles().create("needs-fc", "", rootTrust());

        RoleDetails before = session.roles().find("needs-fc").orElseThrow();
        String requestId = session.roles().updateTrustPolicy("needs-fc",
                session.roles().trustPolicyWithFunctionCompute(before.trustPolicy()));
        RoleDetails after = session.roles().find("needs-fc").orElseThrow();

        assertThat(before.trustsFunctionCompute()).isFalse();
        assertThat(before.arn()).isEqualTo(session.roles().arnOf("needs-fc"));
        assertThat(requestId).isNotBlank();
        assertThat(after.trustsFunctionCompute()).isTrue();
        assertThat(after.trustPolicy()).contains("acs:ram::" + sandbox.accountId() + ":root");
    }

    @Test
    void deletedRoleIsGone() throws Exception {
        session.roles().createForFunctionCompute("short-lived", "");

        session.roles().delete("short-lived");

        assertThat(session.roles().find("short-lived")).isEmpty();
    }

    @Test
    void creatingARoleThatExistsSaysToPickIt() throws Exception {
        session.roles().createForFunctionCompute("taken", "");

        CloudException error = sandbox.secrets().fails("EntityAlreadyExists.Role",
                () -> session.roles().createForFunctionCompute("taken", ""));

        assertThat(error.userMessage()).contains("\"taken\"").contains("Pick it");
        assertThat(error.httpStatus()).isEqualTo(409);
        assertThat(error.requestId()).isPresent();
        assertThat(error.operation()).isEqualTo("ram:CreateRole");
    }

    @Test
    void listsSystemPoliciesOverPagesAndSearchesThem() throws Exception {
        AtomicInteger pages = new AtomicInteger();

        List<PolicySummary> system = session.policies().list(PolicyKind.SYSTEM,
                (done, total) -> pages.incrementAndGet(), Cancellation.NEVER);
        List<PolicySummary> oss = session.policies().search(PolicyKind.SYSTEM, "oss", Progress.NONE,
                Cancellation.NEVER);

        assertThat(system).hasSizeGreaterThan(4).extracting(PolicySummary::name).contains("AliyunOSSFullAccess");
        assertThat(pages.get()).isEqualTo((system.size() + 1) / 2);
        assertThat(oss).extracting(PolicySummary::name)
                .contains("AliyunOSSFullAccess", "AliyunOSSReadOnlyAccess").doesNotContain("AliyunFCFullAccess");
    }

    @Test
    void cancellingStopsALongListingBetweenPages() {
        AtomicInteger pages = new AtomicInteger();

        assertThatThrownBy(() -> session.policies().list(PolicyKind.SYSTEM,
                (done, total) -> pages.incrementAndGet(), () -> pages.get() >= 3))
                .isInstanceOf(CancellationException.class);
        assertThat(pages.get()).isEqualTo(3);
    }

    @Test
    void readsTheDefaultVersionOfASystemPolicy() throws Exception {
        assertThat(session.policies().document("AliyunOSSReadOnlyAccess", PolicyKind.SYSTEM)).contains("oss:Get");
    }

    @Test
    void createsACustomPolicyAndANewDefaultVersion() throws Exception {
        String first = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\","
                + "\"Resource\":\"acs:oss:*:*:probe-bucket/*\"}]}";
        String second = first.replace("oss:GetObject", "oss:PutObject");

        session.policies().createCustom("probe-writes", first);
        session.policies().createVersion("probe-writes", second);

        assertThat(session.policies().document("probe-writes", PolicyKind.CUSTOM)).contains("oss:PutObject");
        assertThat(session.policies().find("probe-writes", PolicyKind.CUSTOM)).get()
                .extracting(PolicySummary::defaultVersion).isEqualTo("v2");
        assertThat(session.policies().list(PolicyKind.CUSTOM, Progress.NONE, Cancellation.NEVER))
                .extracting(PolicySummary::name).contains("probe-writes");
        assertThat(session.policies().find("no-such-policy", PolicyKind.CUSTOM)).isEmpty();
    }

    @Test
    void attachesAtAccountScopeAndInAResourceGroupAndDetaches() throws Exception {
        session.roles().createForFunctionCompute("scoped", "");
        String group = sandbox.resourceManager("CreateResourceGroup", Map.of("Name", "probe-group",
                "DisplayName", "Probe group")).path("ResourceGroup").path("Id").asText();

        session.policies().attach("AliyunFCReadOnlyAccess", PolicyKind.SYSTEM, "scoped", PolicyScope.account());
        session.policies().attach("AliyunOSSFullAccess", PolicyKind.SYSTEM, "scoped",
                PolicyScope.resourceGroup(group));
        List<Attachment> attached = session.policies().attachmentsOf("scoped");
        session.policies().detach("AliyunFCReadOnlyAccess", PolicyKind.SYSTEM, "scoped", PolicyScope.account());
        session.policies().detach("AliyunOSSFullAccess", PolicyKind.SYSTEM, "scoped",
                PolicyScope.resourceGroup(group));

        assertThat(attached).extracting(Attachment::policyName, Attachment::scope).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("AliyunFCReadOnlyAccess", PolicyScope.account()),
                org.assertj.core.groups.Tuple.tuple("AliyunOSSFullAccess", PolicyScope.resourceGroup(group)));
        assertThat(attached).allSatisfy(a -> assertThat(a.versionId()).isNotBlank());
        assertThat(session.policies().attachmentsOf("scoped")).isEmpty();
        assertThat(session.resourceGroups().list()).extracting(ResourceGroup::id).contains(group);
    }

    @Test
    void listsResourceGroupsOverSeveralPages() throws Exception {
        for (int i = 1; i <= 3; i++) {
            sandbox.resourceManager("CreateResourceGroup", Map.of("Name", "paged-" + i, "DisplayName", "Paged " + i));
        }

        List<ResourceGroup> groups = session.resourceGroups().list();

        assertThat(groups).extracting(ResourceGroup::name).contains("default", "paged-1", "paged-2", "paged-3");
        assertThat(groups).hasSizeGreaterThan(2);
    }

    @Test
    void refusedCallNamesTheActionAndTheResource() throws Exception {
        Credentials.AccessKey key = sandbox.userWithKey("reader", "AliyunRAMReadOnlyAccess");
        try (SdkSession reader = sandbox.openSession(new Connection(Connection.Kind.MANUAL, "reader",
                sandbox.sandbox().region(), key, sandbox.endpoints()), 100)) {

            CloudException error = sandbox.secrets().fails("NoPermission",
                    () -> reader.roles().createForFunctionCompute("not-allowed", ""));

            assertThat(reader.identity().principalType()).isEqualTo("RAMUser");
            assertThat(error.userMessage()).contains("ram:CreateRole").contains("role/not-allowed");
            assertThat(error.isAccessDenied()).isTrue();
            assertThat(error.httpStatus()).isEqualTo(403);
        }
    }
}
