package fcperm.wizard.steps;

import fcperm.cloud.CloudSession;
import fcperm.cloud.Connection;
import fcperm.cloud.Credentials;
import fcperm.cloud.Endpoints;
import fcperm.cloud.session.SdkSession;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import fcperm.wizard.WizardDraft;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A sandbox on a random port and a cloud session to it, shared by the tests of a view-model class: the models get
 * the same cloud layer the app gives them. {@code @RegisterExtension static final SandboxSession cloud = ...}.
 */
public final class SandboxSession implements BeforeAllCallback, AfterAllCallback {

    private Path dataDir;
    private Sandbox sandbox;
    private CloudSession session;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("wizard-model-test");
        sandbox = Sandbox.start(SandboxOptions.of(dataDir));
        session = SdkSession.open(connection());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        session.close();
        sandbox.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The connection the app's composition root makes for its embedded sandbox. */
    public Connection connection() {
        return Connection.sandbox(sandbox.region(), new Credentials.AccessKey(sandbox.rootCredentials().accessKeyId(),
                sandbox.rootCredentials().accessKeySecret()),
                Endpoints.local(sandbox.endpoints().ram(), region -> sandbox.endpoints().fc(region)));
    }

    public CloudSession session() {
        return session;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** A draft as the Connect page leaves it. */
    public WizardDraft draft() {
        WizardDraft draft = new WizardDraft();
        draft.setSession(session);
        return draft;
    }
}
