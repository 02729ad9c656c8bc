package fcperm.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.Attachment;
import fcperm.cloud.Cancellation;
import fcperm.cloud.CloudSession;
import fcperm.cloud.Connection;
import fcperm.cloud.Credentials;
import fcperm.cloud.Endpoints;
import fcperm.cloud.FunctionCompute;
import fcperm.cloud.Invocation;
import fcperm.cloud.PolicyKind;
import fcperm.cloud.Progress;
import fcperm.cloud.ResourceGroup;
import fcperm.cloud.TrustPolicies;
import fcperm.cloud.session.SdkSession;
import fcperm.plan.AuditJournal;
import fcperm.plan.Grant;
import fcperm.plan.Plan;
import fcperm.plan.PlanRequest;
import fcperm.plan.PlanRun;
import fcperm.plan.PlanStep;
import fcperm.plan.Planner;
import fcperm.plan.probetest.ProbeCode;
import fcperm.plan.probetest.ProbeTesting;
import fcperm.plan.RoleChoice;
import fcperm.plan.ServiceChoice;
import fcperm.policy.eval.PolicyScope;
import fcperm.probe.ProbePackage;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operator-policy.json, the custom policy README tells users to give their own key, is enough: a RAM user holding
 * only that policy walks every wizard step through the cloud layer and the plan — the listings, apply, Test function
 * (create the bucket, deploy, redeploy, invoke, read back, remove the probe), the trust fix and roll back. If a step is
 * refused here, the policy is missing a permission: fix the policy (and README's table), not this test.
 */
class OperatorPolicyTest {

    static final Path POLICY = Path.of("docs", "operator-policy.json");
    private static final String POLICY_NAME = "FcPermissionsConsoleOperator";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Planner PLANNER = new Planner();
    private static final ProbeTesting PROBE = new ProbeTesting(new ProbeCode(ProbePackage.HANDLER, ProbePackage::build));
    private static final PlanRun.Listener IGNORED = (step, state, requestId) -> { };

    @TempDir
    static Path home;
    private static Sandbox sandbox;
    private static SandboxWorld world;
    private static CloudSession operator;
    private static AuditJournal journal;

    @BeforeAll
    static void operatorWithOnlyTheDocumentedPolicy() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(home.resolve("sandbox")));
        world = new SandboxWorld(sandbox);
        world.ram("CreateUser", Map.of("UserName", "operator"));
        world.ram("CreatePolicy", Map.of("PolicyName", POLICY_NAME, "PolicyDocument", policyText()));
        world.ram("AttachPolicyToUser", Map.of("UserName", "operator", "PolicyType", "Custom",
                "PolicyName", POLICY_NAME));
        JsonNode key = world.ram("CreateAccessKey", Map.of("UserName", "operator")).path("AccessKey");
        Connection connection = new Connection(Connection.Kind.MANUAL, "operator", sandbox.region(),
                new Credentials.AccessKey(key.path("AccessKeyId").asText(), key.path("AccessKeySecret").asText()),
                Endpoints.local(sandbox.endpoints().ram(), region -> sandbox.endpoints().fc(region)));
        operator = SdkSession.open(connection);
        journal = new AuditJournal(home.resolve("audit.jsonl"));
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static String policyText() throws Exception {
        return Files.readString(POLICY, StandardCharsets.UTF_8);
    }

    @Test
    void operatorPolicyIsEnoughForEveryWizardStep() throws Exception {
        assertThat(operator.identity().arn()).endsWith(":user/operator");
        String region = operator.defaultRegion();
        FunctionCompute fc = operator.functionCompute(region);

        // Region & service, Role, Permissions: what each page lists
        fc.listServices(Progress.NONE, Cancellation.NEVER);
        assertThat(operator.roles().listWithTrust(Progress.NONE, Cancellation.NEVER)).isNotEmpty();
        assertThat(operator.policies().list(PolicyKind.SYSTEM, Progress.NONE, Cancellation.NEVER)).isNotEmpty();
        operator.policies().list(PolicyKind.CUSTOM, Progress.NONE, Cancellation.NEVER);
        assertThat(operator.policies().document("AliyunOSSReadOnlyAccess", PolicyKind.SYSTEM)).contains("oss:");
        List<ResourceGroup> groups = operator.resourceGroups().list();
        assertThat(groups).isNotEmpty();
        operator.objects().listBuckets();

        // Review & apply: new service, new role, a new custom policy in a resource group, a system policy for the
        // account, the role bound to the service
        String bucket = "operator-probe-bucket";
        String write = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:PutObject\","
                + "\"Resource\":\"acs:oss:*:" + sandbox.accountId() + ":" + bucket + "/fcperm-probe/*\"}]}";
        ServiceChoice service = new ServiceChoice.NewService(region, "operator-service");
        PlanRequest request = new PlanRequest(service,
                new RoleChoice.NewRole("operator-role", "made by the operator", TrustPolicies.FUNCTION_COMPUTE),
                List.of(Grant.newCustom("operator-probe-write", write, PolicyScope.resourceGroup(groups.get(0).id())),
                        Grant.existing("AliyunOSSReadOnlyAccess", PolicyKind.SYSTEM, PolicyScope.account())));
        PlanRun grant = applied(PLANNER.plan(operator, request));
        assertThat(operator.policies().attachmentsOf("operator-role")).extracting(Attachment::policyName)
                .containsExactlyInAnyOrder("operator-probe-write", "AliyunOSSReadOnlyAccess");

        // Test function: create the bucket, deploy the probe (create, then update), invoke it, read the object back
        applied(PROBE.bucketCreation(operator, region, bucket));
        applied(PROBE.deployment(operator, service).orElseThrow());
        fc.updateFunction(service.name(), ProbeTesting.PROBE_FUNCTION, ProbePackage.HANDLER, ProbePackage.build());
        byte[] event = JSON.writeValueAsBytes(Map.of("endpoint", operator.ossEndpointFor(region), "bucket", bucket,
                "objectName", "fcperm-probe/hello.txt", "message", "written by the role"));
        Invocation invocation = fc.invoke(service.name(), ProbeTesting.PROBE_FUNCTION, event);
        assertThat(JSON.readTree(invocation.body()).path("ok").asBoolean()).as(invocation.body()).isTrue();
        assertThat(operator.objects().getObject(bucket, "fcperm-probe/hello.txt").text())
                .isEqualTo("written by the role");
        applied(PROBE.removal(operator, service));

        rolledBack(grant);
        assertThat(operator.roles().find("operator-role")).isEmpty();
        assertThat(fc.findService(service.name())).isEmpty();
        assertThat(operator.policies().find("operator-probe-write", PolicyKind.CUSTOM)).isEmpty();
    }

    @Test
    void operatorPolicyIsEnoughToFixTheTrustOfAnExistingRole() throws Exception {
        world.createRoleNotTrustingFc("legacy-role");
        PlanRequest request = new PlanRequest(new ServiceChoice.NewService(operator.defaultRegion(), "legacy-service"),
                new RoleChoice.ExistingRole("legacy-role", operator.roles().arnOf("legacy-role"), true), List.of());

        PlanRun fix = applied(PLANNER.plan(operator, request));
        assertThat(operator.roles().find("legacy-role")).get()
                .satisfies(role -> assertThat(role.trustsFunctionCompute()).isTrue());

        rolledBack(fix);
        assertThat(TrustPolicies.trustsFunctionCompute(world.trustPolicyOf("legacy-role"))).isFalse();
    }

    /** Applies a plan as Review & apply (or Test function) does; a refused step fails with the cloud's sentence. */
    private static PlanRun applied(PlanStep step) {
        return applied(new Plan(List.of(step)));
    }

    private static PlanRun applied(Plan plan) {
        PlanRun run = new PlanRun(plan, journal, new PlanRun.Actor(operator.connectionName(),
                operator.identity().accountId()));
        assertThat(run.apply(IGNORED, () -> false).failure()).isEmpty();
        return run;
    }

    private static void rolledBack(PlanRun run) {
        assertThat(run.rollBack(IGNORED, () -> false).failure()).isEmpty();
    }
}
