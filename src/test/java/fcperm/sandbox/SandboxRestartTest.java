package fcperm.sandbox;

import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static fcperm.testkit.TestSandbox.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** State lives in the data directory: the same account, keys and roles after a restart. */
class SandboxRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void accountKeysAndRolesSurviveARestart() {
        String accountId;
        String accessKeyId;
        String roleId;
        try (Sandbox first = Sandbox.start(SandboxOptions.of(dataDir))) {
            TestSandbox clients = TestSandbox.around(first);
            roleId = call(clients.root(), clients.createRole("survivor")).getRole().getRoleId();
            accountId = first.accountId();
            accessKeyId = first.rootCredentials().accessKeyId();
        }

        try (Sandbox second = Sandbox.start(SandboxOptions.of(dataDir))) {
            TestSandbox clients = TestSandbox.around(second);
            GetRoleRequest get = clients.local(new GetRoleRequest());
            get.setRoleName("survivor");

            assertThat(second.accountId()).isEqualTo(accountId);
            assertThat(second.rootCredentials().accessKeyId()).isEqualTo(accessKeyId);
            assertThat(call(clients.root(), get).getRole().getRoleId()).isEqualTo(roleId);
        }
    }

    @Test
    void dataDirectoryAndRootCredentialsFileAreOwnerOnlyAndTheSecretIsNeverInToString() throws Exception {
        Path fresh = dataDir.resolve("fresh");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(fresh))) {
            Path credentials = fresh.resolve(Sandbox.CREDENTIALS_FILE);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
            assertThat(Files.readString(credentials)).contains(sandbox.rootCredentials().accessKeySecret());
            assertThat(sandbox.rootCredentials().toString()).doesNotContain(sandbox.rootCredentials().accessKeySecret());
            assertThat(sandbox.toString()).doesNotContain(sandbox.rootCredentials().accessKeySecret());
        }
    }

    @Test
    void aSecondSandboxCannotShareTheDataDirectory() {
        try (Sandbox ignored = Sandbox.start(SandboxOptions.of(dataDir))) {
            assertThatThrownBy(() -> Sandbox.start(SandboxOptions.of(dataDir)))
                    .hasMessageContaining("another sandbox is already using");
        }
    }
}
