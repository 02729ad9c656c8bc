package fcperm.plan;

import fcperm.cloud.CloudException;
import fcperm.cloud.CloudSession;
import fcperm.cloud.PolicyKind;
import fcperm.cloud.TrustPolicies;
import fcperm.policy.eval.PolicyScope;
import fcperm.wizard.steps.SandboxSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The planner against a sandbox: names checked against the account, trust judged on the real documents. */
class PlannerTest {

    @RegisterExtension
    static final SandboxSession cloud = new SandboxSession();

    private static final String ECS_ONLY = "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}";
    private static final String WRITE = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:PutObject\"],\"Resource\":[\"acs:oss:*:*:photos/*\"]}]}";

    private final Planner planner = new Planner(() -> new byte[0], "probe.Handler::handle");

    private CloudSession session() {
        return cloud.session();
    }

    private ServiceChoice.NewService newService(String name) {
        return new ServiceChoice.NewService(cloud.sandbox().region(), name);
    }

    @Test
    void aNewServiceWhoseNameIsTakenIsRefusedUnlessThisSessionMadeIt() throws Exception {
        session().functionCompute(cloud.sandbox().region()).createService("taken-service");
        PlanRequest request = new PlanRequest(newService("taken-service"),
                new RoleChoice.NewRole("taken-service-role", "", TrustPolicies.FUNCTION_COMPUTE), List.of());

        assertThatThrownBy(() -> planner.plan(session(), request)).isInstanceOf(CloudException.class)
                .hasMessageContaining("already exists").hasMessageContaining("Region page")
                .satisfies(e -> assertThat(((CloudException) e).code()).isEqualTo("ServiceAlreadyExists"));

        Change made = new Change(Change.Kind.CREATE_SERVICE, List.of("taken-service"), "fc:CreateService", "");
        Plan plan = planner.plan(session(), new PlanRequest(request.service(), request.role(), List.of(),
                List.of(made)));
        assertThat(kinds(plan)).containsExactly(Change.Kind.CREATE_ROLE, Change.Kind.BIND_ROLE);
    }

    @Test
    void aNewRoleWhoseNameIsTakenIsRefusedNamingWhatItHas() throws Exception {
        session().roles().createForFunctionCompute("taken-role", "");
        session().policies().attach("AliyunOSSReadOnlyAccess", PolicyKind.SYSTEM, "taken-role", PolicyScope.account());
        PlanRequest request = new PlanRequest(newService("svc-a"),
                new RoleChoice.NewRole("TAKEN-ROLE", "", TrustPolicies.FUNCTION_COMPUTE), List.of());

        assertThatThrownBy(() -> planner.plan(session(), request)).isInstanceOf(CloudException.class)
                .hasMessageContaining("already exists").hasMessageContaining("AliyunOSSReadOnlyAccess")
                .hasMessageContaining("use it or choose another name");
    }

    @Test
    void theNewRolesPlanSaysWhomItsTrustPolicyReallyTrusts() throws Exception {
        PlanRequest refused = new PlanRequest(newService("svc-b"),
                new RoleChoice.NewRole("ecs-role", "", ECS_ONLY), List.of());
        assertThatThrownBy(() -> planner.plan(session(), refused)).isInstanceOf(CloudException.class)
                .hasMessageContaining("may not assume").hasMessageContaining("ecs.aliyuncs.com");

        Plan plan = planner.plan(session(), new PlanRequest(newService("svc-b"),
                new RoleChoice.NewRole("ecs-role", "", ECS_ONLY, true), List.of()));
        assertThat(kinds(plan)).containsExactly(Change.Kind.CREATE_SERVICE, Change.Kind.CREATE_ROLE,
                Change.Kind.KEEP_UNTRUSTED_ROLE, Change.Kind.BIND_ROLE);
        assertThat(plan.preview().get(1).subjects()).containsExactly("ecs-role", "ecs.aliyuncs.com");
        assertThat(plan.preview().get(2).operation()).isEqualTo(KeepUntrustedRole.OPERATION);
    }

    @Test
    void anExistingRoleFcMayNotAssumeNeedsTheFixOrTheRecordedChoice() throws Exception {
        session().roles().create("batch-role", "", ECS_ONLY);
        String arn = session().roles().arnOf("batch-role");
        assertThatThrownBy(() -> planner.plan(session(), new PlanRequest(newService("svc-c"),
                new RoleChoice.ExistingRole("batch-role", arn, false), List.of())))
                .hasMessageContaining("may not assume");

        assertThat(kinds(planner.plan(session(), new PlanRequest(newService("svc-c"),
                new RoleChoice.ExistingRole("batch-role", arn, true), List.of()))))
                .contains(Change.Kind.UPDATE_TRUST_POLICY).doesNotContain(Change.Kind.KEEP_UNTRUSTED_ROLE);
        assertThat(kinds(planner.plan(session(), new PlanRequest(newService("svc-c"),
                new RoleChoice.ExistingRole("batch-role", arn, false, true), List.of()))))
                .contains(Change.Kind.KEEP_UNTRUSTED_ROLE).doesNotContain(Change.Kind.UPDATE_TRUST_POLICY);
    }

    @Test
    void aNewPolicyReusesAnIdenticalOneAndRefusesADifferentOneOfTheSameName() throws Exception {
        session().policies().createCustom("photos-write", WRITE);
        RoleChoice role = new RoleChoice.NewRole("photos-role", "", TrustPolicies.FUNCTION_COMPUTE);
        String sameDifferentlySpaced = WRITE.replace(",", ",\n  ");

        Plan plan = planner.plan(session(), new PlanRequest(newService("svc-d"), role,
                List.of(Grant.newCustom("photos-write", sameDifferentlySpaced, PolicyScope.account()))));
        assertThat(kinds(plan)).doesNotContain(Change.Kind.CREATE_POLICY).contains(Change.Kind.ATTACH_POLICY_ACCOUNT);

        String other = WRITE.replace("photos/*", "other/*");
        assertThatThrownBy(() -> planner.plan(session(), new PlanRequest(newService("svc-d"), role,
                List.of(Grant.newCustom("photos-write", other, PolicyScope.account())))))
                .isInstanceOf(CloudException.class).hasMessageContaining("different document");
    }

    private static List<Change.Kind> kinds(Plan plan) {
        return plan.preview().stream().map(Change::kind).toList();
    }
}
