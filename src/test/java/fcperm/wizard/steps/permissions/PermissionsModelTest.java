package fcperm.wizard.steps.permissions;

import fcperm.cloud.PolicyKind;
import fcperm.cloud.ResourceGroup;
import fcperm.plan.Grant;
import fcperm.plan.RoleChoice;
import fcperm.policy.eval.PolicyScope;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.RecordingDialogService;
import fcperm.wizard.common.SameThreadUiExecutor;
import fcperm.wizard.steps.SandboxSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Permissions page's model against a sandbox, without a window. */
class PermissionsModelTest {

    @RegisterExtension
    static final SandboxSession cloud = new SandboxSession();

    private PermissionsModel model;
    private WizardDraft draft;

    @BeforeAll
    static void roleWithOnePolicy() throws Exception {
        cloud.session().roles().createForFunctionCompute("reports-role", "");
        cloud.session().policies().attach("AliyunOSSReadOnlyAccess", PolicyKind.SYSTEM, "reports-role",
                PolicyScope.account());
    }

    @BeforeEach
    void enter() {
        model = new PermissionsModel(new SameThreadUiExecutor(new RecordingDialogService()), new I18n(Locale.ENGLISH));
        draft = cloud.draft();
        draft.setRole(new RoleChoice.ExistingRole("reports-role", cloud.session().roles().arnOf("reports-role"), false));
        model.enter(draft);
    }

    @Test
    void showsWhatTheRoleHasAndDoesNotAttachItTwice() {
        assertThat(model.attached()).extracting(a -> a.policyName()).containsExactly("AliyunOSSReadOnlyAccess");
        assertThat(model.validProperty().get()).as("the role already has a policy").isTrue();

        model.systemSearchProperty().set("AliyunOSSReadOnlyAccess");
        model.selectedSystemProperty().set(model.visibleSystemPolicies().get(0));
        model.add();

        assertThat(model.grants()).isEmpty();
        assertThat(model.addProblemProperty().get()).contains("already has");
    }

    @Test
    void systemPoliciesAreSearchableAndShowTheirDocument() {
        model.systemSearchProperty().set("AliyunOSSFull");
        assertThat(model.visibleSystemPolicies()).extracting(p -> p.name()).containsExactly("AliyunOSSFullAccess");
        model.selectedSystemProperty().set(model.visibleSystemPolicies().get(0));
        assertThat(model.systemDocumentProperty().get()).contains("oss:*");
        assertThat(model.systemDocumentProperty().get().lines()).as("one key per line").hasSizeGreaterThan(5);
    }

    @Test
    void aMalformedCustomPolicyDisablesNextAndSaysWhereItIsWrong() {
        model.editorTextProperty().set("{\"Version\": \"1\",\n \"Statement\": [ {\"Effect\": \"Allow\", } ] }");
        assertThat(model.editorValidProperty().get()).isFalse();
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.problems().get(0)).startsWith("Line 2, column ");

        model.editorTextProperty().set("");
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void aPresetBecomesANewCustomPolicyGrantedInOneResourceGroup() {
        ResourceGroup group = model.groups().get(0);
        model.presetKindProperty().set(PermissionsModel.PresetKind.OSS_WRITE);
        model.presetFirstProperty().set("media");
        model.presetSecondProperty().set("uploads/");
        model.generate();
        assertThat(model.sourceProperty().get()).isEqualTo(PermissionsModel.Source.NEW);
        assertThat(model.customNameProperty().get()).isEqualTo("fc-oss-write-media");
        assertThat(model.editorValidProperty().get()).isTrue();

        model.scopeKindProperty().set(PermissionsModel.ScopeKind.RESOURCE_GROUP);
        model.groupProperty().set(group);
        model.add();

        assertThat(model.grants()).singleElement().satisfies(grant -> {
            assertThat(grant.policyName()).isEqualTo("fc-oss-write-media");
            assertThat(grant.newDocument()).hasValueSatisfying(doc -> assertThat(doc).contains("media/uploads/*"));
            assertThat(grant.scope()).isEqualTo(PolicyScope.resourceGroup(group.id()));
        });
        model.leave(draft);
        assertThat(draft.grants()).extracting(Grant::policyName).isEqualTo(List.of("fc-oss-write-media"));
    }

    @Test
    void aPresetUsedAgainReusesTheIdenticalPolicyAndADifferentOneGetsAFreeName() throws Exception {
        Preset.OssWrite photos = new Preset.OssWrite("photos", "");
        String accountId = cloud.session().identity().accountId();
        cloud.session().policies().createCustom(photos.policyName(), photos.document(accountId));
        model.reload();

        model.presetKindProperty().set(PermissionsModel.PresetKind.OSS_WRITE);
        model.presetFirstProperty().set("photos");
        model.generate();
        assertThat(model.customNameProperty().get()).isEqualTo("fc-oss-write-photos");
        assertThat(model.presetNoteProperty().get()).contains("fc-oss-write-photos", "reused");
        assertThat(model.customNameProblemProperty().get()).isEmpty();
        model.add();
        assertThat(model.grants()).singleElement().satisfies(grant ->
                assertThat(model.effectOf(grant)).isEqualTo(PermissionsModel.GrantEffect.ATTACH));
        assertThat(draft.bucketHint()).contains("photos");

        model.presetSecondProperty().set("thumbs/");
        model.generate();
        assertThat(model.customNameProperty().get()).isEqualTo("fc-oss-write-photos-2");
        assertThat(model.presetNoteProperty().get()).isEmpty();
        model.add();
        assertThat(model.effectOf(model.grants().get(1))).isEqualTo(PermissionsModel.GrantEffect.NEW_POLICY);
    }

    @Test
    void aRefusedAddHoldsNextUntilTheInputChanges() {
        assertThat(model.validProperty().get()).isTrue();
        model.systemSearchProperty().set("AliyunOSSReadOnlyAccess");
        model.selectedSystemProperty().set(model.visibleSystemPolicies().get(0));
        model.add();
        assertThat(model.addProblemProperty().get()).contains("already has");
        assertThat(model.validProperty().get()).as("what was meant to be added is not in the plan").isFalse();

        model.systemSearchProperty().set("AliyunOSSFull");
        model.selectedSystemProperty().set(model.visibleSystemPolicies().get(0));
        assertThat(model.validProperty().get()).isTrue();
        model.add();
        assertThat(draft.grants()).extracting(Grant::policyName).containsExactly("AliyunOSSFullAccess");
    }
}
