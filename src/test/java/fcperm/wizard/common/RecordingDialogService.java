package fcperm.wizard.common;

import java.util.ArrayList;
import java.util.List;

/** Records what would have been shown, and answers questions as told. */
public final class RecordingDialogService implements DialogService {

    public final List<String> failures = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    public boolean answer = true;

    @Override
    public void showFailure(String whatFailed, Throwable failure) {
        failures.add(whatFailed + ": " + failure.getMessage());
    }

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        questions.add(question);
        return answer;
    }
}
