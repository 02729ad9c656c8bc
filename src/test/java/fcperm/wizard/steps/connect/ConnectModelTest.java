package fcperm.wizard.steps.connect;

import fcperm.cloud.Connection;
import fcperm.cloud.Credentials;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.common.Fact;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.RecordingDialogService;
import fcperm.wizard.common.SameThreadUiExecutor;
import fcperm.wizard.common.UserSettings;
import fcperm.wizard.steps.SandboxSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The Connect page's model against a sandbox, without a window. */
class ConnectModelTest {

    @RegisterExtension
    static final SandboxSession cloud = new SandboxSession();

    @TempDir
    Path home;

    private UserSettings settings;
    private WizardDraft draft;
    private ConnectModel model;
    private I18n i18n;

    @BeforeEach
    void enter() {
        settings = UserSettings.load(home.resolve("settings.properties"));
        Connection sandbox = cloud.connection();
        List<Connection> found = List.of(
                new Connection(Connection.Kind.PROFILE, "work", sandbox.region(),
                        new Credentials.AccessKey(cloud.sandbox().rootCredentials().accessKeyId(), "not-the-secret"),
                        sandbox.endpoints()),
                new Connection(Connection.Kind.PROFILE, "sso", sandbox.region(),
                        new Credentials.Unusable("CloudSSO", "profile.cloudSso", ""), sandbox.endpoints()));
        ConnectModel.ManualEntry manual = (keyId, secret, saveAs) -> new Connection(Connection.Kind.MANUAL, "manual",
                sandbox.region(), new Credentials.AccessKey(keyId, secret), sandbox.endpoints());
        i18n = new I18n(Locale.ENGLISH);
        model = new ConnectModel(() -> found, home.resolve(".aliyun/config.json"), manual, CompletableFuture.completedFuture(sandbox),
                new SameThreadUiExecutor(new RecordingDialogService()), i18n, settings);
        draft = new WizardDraft();
        model.enter(draft);
    }

    @Test
    void connectsToTheSandboxByItselfAndShowsWhoWeAre() {
        assertThat(model.selectedProperty().get().kind()).isEqualTo(ConnectModel.Choice.Kind.SANDBOX);
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.facts()).contains(new Fact("connect.fact.account", cloud.sandbox().accountId()),
                new Fact("connect.fact.mode", "AK"), new Fact("connect.fact.expires", "Never (a long-term AccessKey)"));
        assertThat(model.facts()).extracting(Fact::labelKey).contains("connect.fact.principal", "connect.fact.fc");
        assertThat(draft.session()).isNotNull();

        model.leave(draft);
        assertThat(settings.lastConnection()).contains("sandbox");
    }

    @Test
    void switchingTheLanguageRelabelsTheChoicesAndKeepsTheConnection() {
        i18n.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(model.choices()).extracting(ConnectModel.Choice::label)
                .contains("内置沙箱", "输入 AccessKey");
        assertThat(model.choices().get(0).detail()).isEqualTo("已在本机就绪");
        assertThat(model.selectedProperty().get().kind()).isEqualTo(ConnectModel.Choice.Kind.SANDBOX);
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void aProfileShowsItsModeAndTheFileItCameFrom() {
        Connection sandbox = cloud.connection();
        Connection profile = new Connection(Connection.Kind.PROFILE, "admin", sandbox.region(),
                sandbox.credentials(), sandbox.endpoints());
        ConnectModel withProfile = new ConnectModel(() -> List.of(profile), home.resolve(".aliyun/config.json"),
                (keyId, secret, saveAs) -> sandbox, CompletableFuture.completedFuture(sandbox),
                new SameThreadUiExecutor(new RecordingDialogService()), i18n, settings);
        withProfile.enter(new WizardDraft());

        withProfile.selectedProperty().set(withProfile.choices().get(1));
        withProfile.connect();

        assertThat(withProfile.facts()).startsWith(new Fact("connect.fact.mode", "AK"),
                new Fact("connect.fact.profileFile", home.resolve(".aliyun/config.json").toString()));
        assertThat(withProfile.validProperty().get()).isTrue();
    }

    @Test
    void listsProfilesAndTheManualEntry() {
        assertThat(model.choices()).extracting(ConnectModel.Choice::id)
                .containsExactly("sandbox", "profile:work", "profile:sso", "manual");
        assertThat(model.choices().get(2).usable()).isFalse();
    }

    @Test
    void aRefusedKeySaysWhatToCheckAndDoesNotLetThroughNext() {
        model.selectedProperty().set(model.choices().get(1));
        assertThat(model.validProperty().get()).isFalse();

        model.connect();

        assertThat(model.problemProperty().get()).contains("AccessKey was refused").contains("Check");
        assertThat(model.problemProperty().get()).doesNotContain("not-the-secret");
        assertThat(model.validProperty().get()).isFalse();
    }

    @Test
    void aProfileThatCannotWorkSaysWhyAndWhatToDo() {
        model.selectedProperty().set(model.choices().get(2));
        model.connect();
        assertThat(model.problemProperty().get()).contains("CloudSSO")
                .contains("aliyun sts GetCallerIdentity --profile sso");
    }

    @Test
    void theManualEntryNeedsBothHalvesOfTheKey() {
        model.selectedProperty().set(model.choices().get(3));
        model.keyIdProperty().set("LTAI5tAbCdEf");
        model.connect();
        assertThat(model.problemProperty().get()).contains("both the AccessKey ID and the secret");
    }

    @Test
    void aTypedInKeyConnects() {
        model.selectedProperty().set(model.choices().get(3));
        model.keyIdProperty().set(cloud.sandbox().rootCredentials().accessKeyId());
        model.secretProperty().set(cloud.sandbox().rootCredentials().accessKeySecret());
        model.connect();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.validProperty().get()).isTrue();
    }
}
