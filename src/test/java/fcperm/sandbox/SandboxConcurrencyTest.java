package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.ListEntitiesForPolicyRequest;
import com.aliyuncs.ram.model.v20150501.ListEntitiesForPolicyResponse;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesResponse;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fcperm.testkit.TestSandbox.call;
import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at once: every acknowledged write is there exactly once, and a contended name is won exactly once. */
class SandboxConcurrencyTest {

    private static final int THREADS = 16;
    private static final int ROLES_PER_THREAD = 5;

    @TempDir
    Path dataDir;

    @Test
    void sixteenClientsCreatingRolesAndAttachingPoliciesLoseAndDuplicateNothing() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(dataDir))) {
            TestSandbox clients = TestSandbox.around(sandbox);
            RamPoliciesTest.createPolicy(clients, clients.root(), "shared", RamPoliciesTest.READ_BUCKET);
            ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> contendedOutcomes = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    IAcsClient client = clients.root();
                    go.await();
                    contendedOutcomes.add(outcome(client, clients.createRole("contended")));
                    for (int i = 0; i < ROLES_PER_THREAD; i++) {
                        String name = "worker-" + thread + "-role-" + i;
                        call(client, clients.createRole(name));
                        AttachPolicyToRoleRequest attach = clients.local(new AttachPolicyToRoleRequest());
                        attach.setPolicyType("Custom");
                        attach.setPolicyName("shared");
                        attach.setRoleName(name);
                        call(client, attach);
                        created.add(name);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();

            IAcsClient root = clients.root();
            ListRolesRequest list = clients.local(new ListRolesRequest());
            list.setMaxItems(1000);
            List<String> roles = call(root, list).getRoles().stream().map(ListRolesResponse.Role::getRoleName).toList();
            ListEntitiesForPolicyRequest entities = clients.local(new ListEntitiesForPolicyRequest());
            entities.setPolicyType("Custom");
            entities.setPolicyName("shared");
            List<String> attachedTo = call(root, entities).getRoles().stream()
                    .map(ListEntitiesForPolicyResponse.Role::getRoleName).toList();
            GetPolicyRequest policy = clients.local(new GetPolicyRequest());
            policy.setPolicyType("Custom");
            policy.setPolicyName("shared");

            assertThat(created).hasSize(THREADS * ROLES_PER_THREAD);
            assertThat(roles).doesNotHaveDuplicates().containsAll(created).contains("contended");
            assertThat(roles).filteredOn(name -> name.startsWith("worker-")).hasSize(THREADS * ROLES_PER_THREAD);
            assertThat(attachedTo).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
            assertThat(call(root, policy).getPolicy().getAttachmentCount()).isEqualTo(THREADS * ROLES_PER_THREAD);
            assertThat(contendedOutcomes).filteredOn("created"::equals).hasSize(1);
            assertThat(contendedOutcomes).filteredOn("EntityAlreadyExists.Role"::equals).hasSize(THREADS - 1);
        }
    }

    private static String outcome(IAcsClient client, CreateRoleRequest request) {
        try {
            client.getAcsResponse(request);
            return "created";
        } catch (ClientException e) {
            return e.getErrCode();
        }
    }
}
