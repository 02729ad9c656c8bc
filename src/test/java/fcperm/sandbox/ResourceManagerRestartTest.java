package fcperm.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static fcperm.sandbox.ResourceManagerCalls.grant;
import static fcperm.testkit.TestSandbox.call;
import static org.assertj.core.api.Assertions.assertThat;

/** Resource groups and the attachments made through Resource Manager are in the data directory: a restart keeps them. */
class ResourceManagerRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void groupsAndAttachmentsAtBothScopesSurviveARestart() throws Exception {
        JsonNode groupsBefore;
        JsonNode attachmentsBefore;
        try (Sandbox first = Sandbox.start(SandboxOptions.of(dataDir))) {
            TestSandbox sandbox = TestSandbox.around(first);
            ResourceManagerCalls rm = new ResourceManagerCalls(sandbox);
            call(sandbox.root(), sandbox.createRole("kept"));
            String group = rm.createGroup("kept-group");
            rm.call("UpdateResourceGroup", Map.of("ResourceGroupId", group, "NewDisplayName", "Kept across restarts"));
            rm.call("AttachPolicy", grant("System", "AliyunOSSReadOnlyAccess", "ServiceRole", rm.rolePrincipal("kept"), group));
            rm.call("AttachPolicy", grant("System", "AliyunFCReadOnlyAccess", "ServiceRole", rm.rolePrincipal("kept"),
                    rm.accountId()));
            groupsBefore = rm.call("ListResourceGroups", Map.of()).path("ResourceGroups");
            attachmentsBefore = rm.call("ListPolicyAttachments", Map.of("PrincipalName", rm.rolePrincipal("kept")))
                    .path("PolicyAttachments");
        }

        try (Sandbox second = Sandbox.start(SandboxOptions.of(dataDir))) {
            ResourceManagerCalls rm = new ResourceManagerCalls(TestSandbox.around(second));

            assertThat(rm.call("ListResourceGroups", Map.of()).path("ResourceGroups")).isEqualTo(groupsBefore);
            assertThat(rm.call("ListPolicyAttachments", Map.of("PrincipalName", rm.rolePrincipal("kept")))
                    .path("PolicyAttachments")).isEqualTo(attachmentsBefore);
            assertThat(attachmentsBefore.path("PolicyAttachment")).hasSize(2);
            assertThat(groupsBefore.findValuesAsText("DisplayName")).contains("Kept across restarts");
        }
    }
}
