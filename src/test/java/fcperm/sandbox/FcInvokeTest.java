package fcperm.sandbox;

import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.model.Code;
import com.aliyuncs.fc.request.CreateFunctionRequest;
import com.aliyuncs.fc.request.CreateServiceRequest;
import com.aliyuncs.fc.request.DeleteFunctionRequest;
import com.aliyuncs.fc.request.InvokeFunctionRequest;
import com.aliyuncs.fc.request.UpdateFunctionRequest;
import com.aliyuncs.fc.response.InvokeFunctionResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.testfunctions.Echo;
import fcperm.sandbox.testfunctions.Failing;
import fcperm.sandbox.testfunctions.Greeter;
import fcperm.sandbox.testfunctions.Sleeper;
import fcperm.sandbox.testfunctions.WhoAmI;
import fcperm.testkit.FcClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Invocations run the uploaded code in a child JVM: output, logs, errors, timeouts and warm instances. */
class FcInvokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "runtime-tests";

    @TempDir
    static Path dataDir;
    static Sandbox sandbox;
    static FunctionComputeClient fc;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.of(dataDir));
        fc = FcClients.of(sandbox, sandbox.rootCredentials());
        CreateServiceRequest service = new CreateServiceRequest();
        service.setServiceName(SERVICE);
        fc.createService(service);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static void deploy(String name, Class<?> handler, int timeout, byte[] code) {
        fc.createFunction(new CreateFunctionRequest(SERVICE).setFunctionName(name).setRuntime("java11")
                .setHandler(handler.getName() + "::handleRequest").setMemorySize(128).setTimeout(timeout)
                .setCode(new Code().setZipFile(code)));
    }

    private static InvokeFunctionResponse invoke(String function, String payload) {
        InvokeFunctionRequest request = new InvokeFunctionRequest(SERVICE, function);
        request.setPayload(payload.getBytes(StandardCharsets.UTF_8));
        request.setLogType("Tail");
        return fc.invokeFunction(request);
    }

    private static JsonNode json(InvokeFunctionResponse response) throws Exception {
        return JSON.readTree(response.getPayload());
    }

    @Test
    void runsTheUploadedCodeAndReturnsItsOutputAndLogTail() {
        deploy("echo", Echo.class, 30, FunctionPackages.of(Echo.class));
        InvokeFunctionResponse response = invoke("echo", "{\"k\":\"v\"}");
        assertThat(new String(response.getPayload(), StandardCharsets.UTF_8)).isEqualTo("{\"k\":\"v\"}");
        assertThat(response.getRequestId()).isNotBlank();
        assertThat(response.getHeader("X-Fc-Error-Type")).isNull();
        assertThat(response.getLogResult())
                .contains("FC Invoke Start RequestId: " + response.getRequestId())
                .contains("[INFO] echo called in echo")
                .contains("printed by the function")
                .contains("FC Invoke End RequestId: " + response.getRequestId());
    }

    @Test
    void reportsAFunctionErrorAsA200WithTheErrorTypeHeader() throws Exception {
        deploy("failing", Failing.class, 30, FunctionPackages.of(Failing.class));
        InvokeFunctionResponse response = invoke("failing", "{}");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("X-Fc-Error-Type")).isEqualTo("UnhandledInvocationError");
        assertThat(json(response).get("errorMessage").asText()).isEqualTo("boom");
        assertThat(json(response).get("errorType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(response.getLogResult()).contains("IllegalStateException: boom");
    }

    @Test
    void killsAFunctionThatRunsPastItsTimeout() throws Exception {
        deploy("sleeper", Sleeper.class, 1, FunctionPackages.of(Sleeper.class));
        InvokeFunctionResponse response = invoke("sleeper", "{}");
        assertThat(response.getHeader("X-Fc-Error-Type")).isEqualTo("UnhandledInvocationError");
        assertThat(json(response).get("errorMessage").asText()).startsWith("Function timed out after 1 seconds");
    }

    @Test
    void keepsTheInstanceWarmAndStartsAFreshOneWhenTheFunctionChanges() throws Exception {
        deploy("whoami", WhoAmI.class, 30, FunctionPackages.of(WhoAmI.class));
        long firstPid = json(invoke("whoami", "{}")).get("pid").asLong();
        long secondPid = json(invoke("whoami", "{}")).get("pid").asLong();
        assertThat(secondPid).as("a warm instance serves the second invocation").isEqualTo(firstPid);

        UpdateFunctionRequest update = new UpdateFunctionRequest(SERVICE, "whoami");
        update.setEnvironmentVariables(Map.of("GREETING", "hi"));
        fc.updateFunction(update);
        JsonNode afterChange = json(invoke("whoami", "{}"));
        assertThat(afterChange.get("pid").asLong()).isNotEqualTo(firstPid);
        assertThat(afterChange.get("greeting").asText()).isEqualTo("hi");
        assertThat(afterChange.get("service").asText()).isEqualTo(SERVICE);
        assertThat(afterChange.get("memory").asInt()).isEqualTo(128);
    }

    @Test
    void givesNoCredentialsToAFunctionWhoseServiceHasNoRole() throws Exception {
        deploy("norole", WhoAmI.class, 30, FunctionPackages.of(WhoAmI.class));
        JsonNode result = json(invoke("norole", "{}"));
        assertThat(result.get("accessKeyId").asText()).isEmpty();
        assertThat(result.get("hasToken").asBoolean()).isFalse();
    }

    @Test
    void readsAndWritesJsonForAPojoHandler() throws Exception {
        deploy("greeter", Greeter.class, 30, FunctionPackages.withJackson(Greeter.class));
        JsonNode result = json(invoke("greeter", "{\"name\":\"fc\"}"));
        assertThat(result.get("greeting").asText()).isEqualTo("hello fc");
    }

    @Test
    void acceptsAnAsynchronousInvocationAtOnce() {
        deploy("async-echo", Echo.class, 30, FunctionPackages.of(Echo.class));
        InvokeFunctionRequest request = new InvokeFunctionRequest(SERVICE, "async-echo");
        request.setInvocationType("Async");
        request.setPayload("{}".getBytes(StandardCharsets.UTF_8));
        InvokeFunctionResponse response = fc.invokeFunction(request);
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getRequestId()).isNotBlank();
    }

    @Test
    void reportsAMissingHandlerClassAsAFunctionError() throws Exception {
        deploy("wrong-class", Echo.class, 30, FunctionPackages.of(WhoAmI.class));
        InvokeFunctionResponse response = invoke("wrong-class", "{}");
        assertThat(response.getHeader("X-Fc-Error-Type")).isEqualTo("UnhandledInvocationError");
        assertThat(json(response).get("errorType").asText()).isEqualTo(ClassNotFoundException.class.getName());
    }

    @Test
    void stopsTheInstancesOfADeletedFunction() {
        deploy("short-lived", Echo.class, 30, FunctionPackages.of(Echo.class));
        invoke("short-lived", "{}");
        fc.deleteFunction(new DeleteFunctionRequest(SERVICE, "short-lived"));
        FcClients.failsWith("FunctionNotFound", () -> invoke("short-lived", "{}"));
    }
}
