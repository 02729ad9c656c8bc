package fcperm.wizard.steps.role;

import fcperm.cloud.RoleSummary;
import fcperm.plan.RoleChoice;
import fcperm.plan.ServiceChoice;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.RecordingDialogService;
import fcperm.wizard.common.SameThreadUiExecutor;
import fcperm.wizard.steps.SandboxSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Role page's model against a sandbox, without a window. */
class RoleModelTest {

    @RegisterExtension
    static final SandboxSession cloud = new SandboxSession();

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private RoleModel model;
    private WizardDraft draft;

    @BeforeAll
    static void roles() throws Exception {
        String onlyTheAccount = "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + cloud.sandbox().accountId() + ":root\"]}}]}";
        cloud.session().roles().create("legacy-batch", "batch jobs", onlyTheAccount);
        cloud.session().roles().createForFunctionCompute("orders-role", "orders");
    }

    @BeforeEach
    void enter() {
        model = new RoleModel(new SameThreadUiExecutor(dialogs), new I18n(Locale.ENGLISH));
        draft = cloud.draft();
        draft.setService(new ServiceChoice.NewService("cn-hangzhou", "thumbnails"));
        model.enter(draft);
    }

    @Test
    void suggestsANewRoleNamedAfterTheServiceThatOnlyFcMayAssume() {
        assertThat(model.roleNameProperty().get()).isEqualTo("thumbnails-role");
        assertThat(model.trustPolicyProperty().get()).contains("fc.aliyuncs.com");
        assertThat(model.validProperty().get()).isTrue();
        model.leave(draft);
        assertThat(draft.role()).containsInstanceOf(RoleChoice.NewRole.class);
    }

    @Test
    void checksTheNameAsRamDoesAndRefusesOneThatExists() {
        model.roleNameProperty().set("thumbnails role");
        assertThat(model.roleNameProblemProperty().get()).contains("letters, digits");
        assertThat(model.validProperty().get()).isFalse();

        model.roleNameProperty().set("ORDERS-ROLE");
        assertThat(model.roleNameProblemProperty().get()).contains("exists");
        assertThat(model.validProperty().get()).isFalse();
    }

    @Test
    void showsWhereAnEditedTrustPolicyIsWrong() {
        model.editTrustProperty().set(true);
        model.trustPolicyProperty().set("{\n  \"Version\": \"1\",\n  \"Statement\": [ }");
        assertThat(model.trustProblemProperty().get()).startsWith("Line 3, column");
        assertThat(model.validProperty().get()).isFalse();

        model.editTrustProperty().set(false);
        assertThat(model.trustProblemProperty().get()).isEmpty();
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void listsOnlyRolesFcMayAssumeUnlessAllAreAskedFor() {
        model.modeProperty().set(RoleModel.Mode.EXISTING);
        assertThat(model.visibleRoles()).extracting(RoleSummary::name).contains("orders-role")
                .doesNotContain("legacy-batch");
        model.showAllProperty().set(true);
        assertThat(model.visibleRoles()).extracting(RoleSummary::name).contains("orders-role", "legacy-batch");
        model.searchProperty().set("legacy");
        assertThat(model.visibleRoles()).extracting(RoleSummary::name).containsExactly("legacy-batch");
    }

    @Test
    void aRoleThatDoesNotTrustFcIsFixedWithOneClick() {
        model.modeProperty().set(RoleModel.Mode.EXISTING);
        model.showAllProperty().set(true);
        model.selectedProperty().set(model.find("legacy-batch").orElseThrow());
        assertThat(model.untrustedSelectedProperty().get()).isTrue();
        assertThat(model.validProperty().get()).isFalse();

        model.fixTrust();

        assertThat(model.validProperty().get()).isTrue();
        model.leave(draft);
        assertThat(draft.role()).contains(new RoleChoice.ExistingRole("legacy-batch",
                model.find("legacy-batch").orElseThrow().arn(), true));
    }

    @Test
    void anEditedTrustPolicyWithoutFcIsFlaggedAndNeedsTheFixOrAnExplicitChoice() {
        String ecsOnly = "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}";
        model.editTrustProperty().set(true);
        model.trustPolicyProperty().set(ecsOnly);

        assertThat(model.newRoleUntrustedProperty().get()).isTrue();
        assertThat(model.trustedByProperty().get()).isEqualTo("ecs.aliyuncs.com");
        assertThat(model.validProperty().get()).isFalse();
        assertThat(draft.role()).isEmpty();

        model.acceptUntrustedProperty().set(true);
        assertThat(model.validProperty().get()).isTrue();
        assertThat(draft.role()).hasValueSatisfying(role -> assertThat(role.untrustedAccepted()).isTrue());

        model.fixNewTrust();
        assertThat(model.newRoleUntrustedProperty().get()).isFalse();
        assertThat(model.trustedByProperty().get()).contains("ecs.aliyuncs.com", "fc.aliyuncs.com");
        assertThat(draft.role()).hasValueSatisfying(role -> {
            assertThat(role.untrustedAccepted()).as("nothing left to accept").isFalse();
            assertThat(((RoleChoice.NewRole) role).functionComputeMayAssume()).isTrue();
        });
    }

    @Test
    void aTakenNameOffersTheExistingRoleWithWhatItHas() throws Exception {
        cloud.session().policies().attach("AliyunOSSReadOnlyAccess", fcperm.cloud.PolicyKind.SYSTEM, "orders-role",
                fcperm.policy.eval.PolicyScope.account());
        model.roleNameProperty().set("orders-role");
        assertThat(model.nameTakenProperty().get()).isTrue();
        assertThat(model.roleNameProblemProperty().get()).contains("orders-role", "already exists");
        assertThat(draft.role()).isEmpty();

        model.useTakenRole();

        assertThat(model.modeProperty().get()).isEqualTo(RoleModel.Mode.EXISTING);
        assertThat(model.selectedProperty().get().name()).isEqualTo("orders-role");
        assertThat(model.selectedGrants()).extracting(grant -> grant.policyName())
                .contains("AliyunOSSReadOnlyAccess");
        assertThat(draft.role()).contains(new RoleChoice.ExistingRole("orders-role",
                model.find("orders-role").orElseThrow().arn(), false));
    }

    @Test
    void anExistingRoleWithNothingSelectedIsNoChoice() {
        assertThat(draft.role()).isPresent();
        model.modeProperty().set(RoleModel.Mode.EXISTING);
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.validProperty().get()).isFalse();
        assertThat(draft.role()).as("the draft never holds what the page cannot stand for").isEmpty();
    }

    @Test
    void enteringAgainListsRolesMadeSinceAndKeepsTheChoiceAndItsFix() throws Exception {
        model.modeProperty().set(RoleModel.Mode.EXISTING);
        model.showAllProperty().set(true);
        model.selectedProperty().set(model.find("legacy-batch").orElseThrow());
        model.fixTrust();
        long version = draft.version();
        cloud.session().roles().createForFunctionCompute("made-meanwhile", "");

        model.enter(draft);

        assertThat(model.find("made-meanwhile")).isPresent();
        assertThat(model.selectedProperty().get().name()).isEqualTo("legacy-batch");
        assertThat(model.fixTrustProperty().get()).isTrue();
        assertThat(draft.version()).isEqualTo(version);
    }

    @Test
    void warnsAgainstAddingPoliciesToTheDefaultRole() {
        model.modeProperty().set(RoleModel.Mode.EXISTING);
        model.find(RoleModel.DEFAULT_ROLE).ifPresent(model.selectedProperty()::set);
        assertThat(model.find(RoleModel.DEFAULT_ROLE)).as("the sandbox creates the default role").isPresent();
        assertThat(model.defaultRoleSelectedProperty().get()).isTrue();
    }
}
