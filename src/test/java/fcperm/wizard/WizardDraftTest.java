package fcperm.wizard;

import fcperm.plan.AuditJournal;
import fcperm.plan.Grant;
import fcperm.plan.Plan;
import fcperm.plan.PlanRun;
import fcperm.plan.RoleChoice;
import fcperm.plan.ServiceChoice;
import fcperm.policy.eval.PolicyScope;
import fcperm.wizard.steps.permissions.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The draft: one state, and what a change of a choice takes with it. */
class WizardDraftTest {

    @TempDir
    Path home;

    private final WizardDraft draft = new WizardDraft();

    @Test
    void aChangedChoiceDropsThePlanAndMovesTheVersionOn() {
        draft.setService(new ServiceChoice.NewService("cn-hangzhou", "orders"));
        draft.planProperty().set(new Plan(List.of()));
        long version = draft.version();

        draft.setRole(new RoleChoice.ExistingRole("orders-role", "acs:ram::1:role/orders-role", false));

        assertThat(draft.planProperty().get()).isNull();
        assertThat(draft.version()).isGreaterThan(version);
    }

    @Test
    void writingTheSameChoiceAgainIsNoChange() {
        draft.setService(new ServiceChoice.NewService("cn-hangzhou", "orders"));
        draft.setGrants(List.of(Grant.existing("AliyunOSSReadOnlyAccess", fcperm.cloud.PolicyKind.SYSTEM,
                PolicyScope.account())));
        Plan plan = new Plan(List.of());
        draft.planProperty().set(plan);
        long version = draft.version();

        draft.setService(new ServiceChoice.NewService("cn-hangzhou", "orders"));
        draft.setGrants(List.of(Grant.existing("AliyunOSSReadOnlyAccess", fcperm.cloud.PolicyKind.SYSTEM,
                PolicyScope.account())));

        assertThat(draft.version()).isEqualTo(version);
        assertThat(draft.planProperty().get()).isSameAs(plan);
    }

    @Test
    void theAppliedRunStaysButNoLongerMatchesOnceAChoiceChanges() {
        draft.setService(new ServiceChoice.NewService("cn-hangzhou", "orders"));
        PlanRun run = new PlanRun(new Plan(List.of()), new AuditJournal(home.resolve("journal.jsonl")),
                new PlanRun.Actor("sandbox", "1"));
        assertThat(draft.runMatchesDraftProperty().get()).isFalse();

        draft.runProperty().set(run);
        assertThat(draft.runMatchesDraftProperty().get()).isTrue();

        draft.setService(new ServiceChoice.NewService("cn-hangzhou", "invoices"));
        assertThat(draft.runProperty().get()).isSameAs(run);
        assertThat(draft.runMatchesDraftProperty().get()).isFalse();
    }

    @Test
    void theBucketHintIsTheBucketANewPolicyNames() {
        assertThat(draft.bucketHint()).isEmpty();
        Preset.OssWrite preset = new Preset.OssWrite("photos", "uploads/");
        draft.setGrants(List.of(
                Grant.existing("AliyunOSSReadOnlyAccess", fcperm.cloud.PolicyKind.SYSTEM, PolicyScope.account()),
                Grant.newCustom(preset.policyName(), preset.document("1234"), PolicyScope.account())));

        assertThat(draft.bucketHint()).contains("photos");
    }
}
