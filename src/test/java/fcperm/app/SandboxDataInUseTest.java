package fcperm.app;

import fcperm.sandbox.OwnerOnlyFile;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import fcperm.wizard.steps.connect.ConnectModel;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second copy of the app while a sandbox runs on its data folder: it uses that sandbox when the sandbox.json there
 * says where it listens, and otherwise says what is going on — never "unexpected error".
 */
class SandboxDataInUseTest {

    @Test
    void usesTheRunningSandboxItsSandboxJsonDescribes(@TempDir Path home) throws Exception {
        Path data = new AppHome(home).sandboxData();
        try (Sandbox first = Sandbox.start(SandboxOptions.of(data))) {
            OwnerOnlyFile.write(data.resolve(SandboxCommand.INFO_FILE), SandboxCommand.describe(first, List.of()));

            secondCopy(home, (second, connect) -> {
                waitFor(() -> second.wizard().canNextProperty().get());
                assertThat(connect.problemProperty().get()).isEmpty();
                assertThat(new FxRobot().lookup("#fact-account").<Label>query().getText())
                        .isEqualTo(first.accountId());
                assertThat(second.sandbox()).isNotDone();
            });
        }
    }

    @Test
    void saysWhyItCannotUseASandboxThatHasNotDescribedItself(@TempDir Path home) throws Exception {
        try (Sandbox first = Sandbox.start(SandboxOptions.of(new AppHome(home).sandboxData()))) {
            secondCopy(home, (second, connect) -> {
                waitFor(() -> !connect.problemProperty().get().isEmpty());
                assertThat(connect.problemProperty().get())
                        .contains("The sandbox could not start", home.resolve("sandbox").toString(),
                                "in use by another FC Permissions Console", "sandbox.json")
                        .doesNotContain("unexpected");
            });
        }
    }

    private static void secondCopy(Path home, BiConsumer<Composition, ConnectModel> check)
            throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Composition second = new Composition(new AppHome(home), Locale.ENGLISH);
        try {
            FxToolkit.setupFixture(() -> second.open(stage));
            check.accept(second, second.wizard().step(ConnectModel.class));
        } finally {
            FxToolkit.cleanupStages();
            second.close();
        }
    }

    private static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("waited 30 s in vain", e);
        }
    }
}
