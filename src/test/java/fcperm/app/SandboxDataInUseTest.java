package fcperm.app;

import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import fcperm.wizard.steps.connect.ConnectModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A second copy of the app on the same data: the Connect page says what is going on, not "unexpected error". */
class SandboxDataInUseTest {

    @Test
    void saysAnotherCopyHoldsTheSandboxData(@TempDir Path home) throws Exception {
        try (Sandbox first = Sandbox.start(SandboxOptions.of(new AppHome(home).sandboxData()))) {
            Stage stage = FxToolkit.registerPrimaryStage();
            Composition second = new Composition(new AppHome(home), Locale.ENGLISH);
            try {
                FxToolkit.setupFixture(() -> second.open(stage));
                ConnectModel connect = second.wizard().step(ConnectModel.class);
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !connect.problemProperty().get().isEmpty());

                assertThat(connect.problemProperty().get())
                        .contains("The sandbox could not start", home.resolve("sandbox").toString(),
                                "in use by another FC Permissions Console")
                        .doesNotContain("unexpected");
            } finally {
                FxToolkit.cleanupStages();
                second.close();
            }
        }
    }
}
