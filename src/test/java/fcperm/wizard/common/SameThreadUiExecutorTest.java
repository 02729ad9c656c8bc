package fcperm.wizard.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;

class SameThreadUiExecutorTest {

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final SameThreadUiExecutor executor = new SameThreadUiExecutor(dialogs);

    @Test
    void deliversTheResult() {
        List<String> results = new ArrayList<>();
        executor.submit("load", context -> "done", results::add);
        assertThat(results).containsExactly("done");
        assertThat(executor.busyProperty().get()).isFalse();
    }

    @Test
    void aFailureWithoutItsOwnHandlerGoesToTheDialogService() {
        executor.submit("Load the services", context -> {
            throw new IllegalStateException("boom");
        }, result -> { });
        assertThat(dialogs.failures).containsExactly("Load the services: boom");
    }

    @Test
    void isBusyAndShowsProgressWhileWorkRuns() {
        List<Object> seen = new ArrayList<>();
        executor.submit("Apply", context -> {
            context.progress(1, 4);
            context.message("step 2");
            seen.add(executor.busyProperty().get());
            seen.add(executor.progressProperty().get());
            seen.add(executor.messageProperty().get());
            return null;
        }, result -> { });
        assertThat(seen).containsExactly(true, 0.25, "step 2");
        assertThat(executor.messageProperty().get()).isEmpty();
    }

    @Test
    void cancelledWorkReportsNeitherSuccessNorFailure() {
        List<String> outcomes = new ArrayList<>();
        executor.submit("List", context -> {
            executor.cancelAll();
            if (context.isCancelled()) {
                throw new CancellationException();
            }
            return "never";
        }, outcomes::add, failure -> outcomes.add("failed"));
        assertThat(outcomes).isEmpty();
        assertThat(dialogs.failures).isEmpty();
    }
}
