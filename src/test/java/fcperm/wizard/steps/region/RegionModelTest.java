package fcperm.wizard.steps.region;

import fcperm.cloud.ServiceSummary;
import fcperm.plan.ServiceChoice;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.RecordingDialogService;
import fcperm.wizard.common.SameThreadUiExecutor;
import fcperm.wizard.common.UserSettings;
import fcperm.wizard.steps.SandboxSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Region & service page's model against a sandbox, without a window. */
class RegionModelTest {

    @RegisterExtension
    static final SandboxSession cloud = new SandboxSession();

    @TempDir
    Path home;

    private RegionModel model;
    private UserSettings settings;
    private WizardDraft draft;

    @BeforeAll
    static void services() throws Exception {
        var fc = cloud.session().functionCompute(cloud.sandbox().region());
        fc.createService("orders");
        cloud.session().roles().createForFunctionCompute("orders-role", "");
        fc.setServiceRole("orders", cloud.session().roles().arnOf("orders-role"));
        fc.createService("thumbnails");
    }

    @BeforeEach
    void enter() {
        settings = UserSettings.load(home.resolve("settings.properties"));
        model = new RegionModel(new SameThreadUiExecutor(new RecordingDialogService()), new I18n(Locale.ENGLISH),
                settings);
        draft = cloud.draft();
        model.enter(draft);
    }

    @Test
    void listsTheServicesOfTheConnectionsRegionWithTheirRoles() {
        assertThat(model.regionProperty().get().id()).isEqualTo(cloud.sandbox().region());
        assertThat(model.visibleServices()).extracting(ServiceSummary::name).contains("orders", "thumbnails");
        ServiceSummary orders = model.visibleServices().stream().filter(s -> s.name().equals("orders"))
                .findFirst().orElseThrow();
        assertThat(orders.roleArn()).hasValueSatisfying(arn -> assertThat(arn).endsWith("role/orders-role"));
        assertThat(settings.lastRegion()).contains(cloud.sandbox().region());
    }

    @Test
    void searchNarrowsTheList() {
        model.searchProperty().set("THUMB");
        assertThat(model.visibleServices()).extracting(ServiceSummary::name).containsExactly("thumbnails");
    }

    @Test
    void theDraftHoldsTheChosenServiceAsSoonAsItIsChosen() {
        assertThat(model.validProperty().get()).isFalse();
        assertThat(draft.service()).isEmpty();
        model.selectedProperty().set(model.visibleServices().stream().filter(s -> s.name().equals("orders"))
                .findFirst().orElseThrow());
        assertThat(draft.service()).contains(new ServiceChoice.ExistingService(cloud.sandbox().region(), "orders"));

        model.selectedProperty().set(null);
        assertThat(draft.service()).isEmpty();
        assertThat(model.validProperty().get()).isFalse();
    }

    @Test
    void enteringAgainListsServicesMadeSinceAndKeepsTheChoice() throws Exception {
        model.selectedProperty().set(model.visibleServices().stream().filter(s -> s.name().equals("thumbnails"))
                .findFirst().orElseThrow());
        long version = draft.version();
        cloud.session().functionCompute(cloud.sandbox().region()).createService("made-meanwhile");

        model.enter(draft);

        assertThat(model.visibleServices()).extracting(ServiceSummary::name).contains("made-meanwhile");
        assertThat(model.selectedProperty().get().name()).isEqualTo("thumbnails");
        assertThat(draft.version()).as("the unchanged choice keeps what was planned for it").isEqualTo(version);
    }

    @Test
    void theCountFollowsTheLanguage() {
        I18n i18n = new I18n(Locale.ENGLISH);
        RegionModel counted = new RegionModel(new SameThreadUiExecutor(new RecordingDialogService()), i18n, settings);
        counted.enter(cloud.draft());
        assertThat(counted.listStatusProperty().get()).contains("services");
        i18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(counted.listStatusProperty().get()).contains("个服务");
    }

    @Test
    void aNewServiceNameIsCheckedAsFcDoesAndMustBeFree() {
        model.modeProperty().set(RegionModel.Mode.NEW);
        model.newNameProperty().set("9lives");
        assertThat(model.newNameProblemProperty().get()).contains("starting with a letter");
        model.newNameProperty().set("orders");
        assertThat(model.newNameProblemProperty().get()).contains("exists");
        model.newNameProperty().set("invoices");
        assertThat(model.validProperty().get()).isTrue();
        model.leave(draft);
        assertThat(draft.service()).isEqualTo(Optional.of(
                new ServiceChoice.NewService(cloud.sandbox().region(), "invoices")));
    }
}
