package fcperm.sandbox;

import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.model.Code;
import com.aliyuncs.fc.model.ServiceMetadata;
import com.aliyuncs.fc.request.CreateFunctionRequest;
import com.aliyuncs.fc.request.CreateServiceRequest;
import com.aliyuncs.fc.request.DeleteFunctionRequest;
import com.aliyuncs.fc.request.DeleteServiceRequest;
import com.aliyuncs.fc.request.GetFunctionCodeRequest;
import com.aliyuncs.fc.request.GetFunctionRequest;
import com.aliyuncs.fc.request.GetServiceRequest;
import com.aliyuncs.fc.request.ListFunctionsRequest;
import com.aliyuncs.fc.request.ListServicesRequest;
import com.aliyuncs.fc.request.UpdateFunctionRequest;
import com.aliyuncs.fc.request.UpdateServiceRequest;
import com.aliyuncs.fc.response.CreateServiceResponse;
import com.aliyuncs.fc.response.GetFunctionCodeResponse;
import com.aliyuncs.fc.response.GetFunctionResponse;
import com.aliyuncs.fc.response.ListServicesResponse;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.sandbox.protocol.Crc64;
import fcperm.sandbox.testfunctions.Echo;
import fcperm.testkit.FcClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static fcperm.testkit.FcClients.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** FC 2.0 management operations through the official Java SDK, with the account's root key. */
class FcApiTest {

    @TempDir
    static Path dataDir;
    static Sandbox sandbox;
    static FunctionComputeClient fc;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.of(dataDir));
        fc = FcClients.of(sandbox, sandbox.rootCredentials());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static void createService(String name) {
        CreateServiceRequest request = new CreateServiceRequest();
        request.setServiceName(name);
        request.setDescription("service " + name);
        fc.createService(request);
    }

    private static CreateFunctionRequest echoFunction(String service, String name) {
        return new CreateFunctionRequest(service).setFunctionName(name).setRuntime("java11")
                .setHandler(Echo.class.getName() + "::handleRequest").setMemorySize(256).setTimeout(30)
                .setCode(new Code().setZipFile(FunctionPackages.of(Echo.class)));
    }

    @Test
    void createsAndReadsBackAServiceWithTheCloudsFields() {
        CreateServiceRequest request = new CreateServiceRequest();
        request.setServiceName("orders");
        request.setDescription("order processing");
        request.setInternetAccess(false);
        CreateServiceResponse created = fc.createService(request);
        assertThat(created.getRequestId()).isNotBlank();
        assertThat(created.getServiceName()).isEqualTo("orders");
        assertThat(created.getServiceId()).isNotBlank();
        assertThat(created.getEtag()).isNotBlank();

        var got = fc.getService(new GetServiceRequest("orders"));
        assertThat(got.getDescription()).isEqualTo("order processing");
        assertThat(got.getInternetAccess()).isFalse();
        assertThat(got.getRole()).isEmpty();
        assertThat(got.getCreatedTime()).endsWith("Z");
    }

    @Test
    void refusesADuplicateServiceAndAnInvalidName() {
        createService("dup-svc");
        failsWith("ServiceAlreadyExists", () -> createService("dup-svc"));
        var invalid = failsWith("InvalidArgument", () -> createService("1-starts-with-a-digit"));
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(invalid.getErrorMessage()).contains("serviceName");
    }

    @Test
    void listsServicesPageByPageWithAPrefix() {
        for (int i = 0; i < 5; i++) {
            createService("paged-" + i);
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListServicesRequest request = new ListServicesRequest();
            request.setLimit(2);
            request.setPrefix("paged-");
            request.setNextToken(token);
            ListServicesResponse page = fc.listServices(request);
            Arrays.stream(page.getServices()).map(ServiceMetadata::getServiceName).forEach(names::add);
            token = page.getNextToken();
            pages++;
        } while (token != null && !token.isEmpty());
        assertThat(names).containsExactly("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void updatesAServiceAndRefusesToDeleteOneThatHasFunctions() {
        createService("updatable");
        UpdateServiceRequest update = new UpdateServiceRequest("updatable");
        update.setDescription("changed");
        assertThat(fc.updateService(update).getDescription()).isEqualTo("changed");

        fc.createFunction(echoFunction("updatable", "f1"));
        failsWith("ServiceNotEmpty", () -> fc.deleteService(new DeleteServiceRequest("updatable")));
        fc.deleteFunction(new DeleteFunctionRequest("updatable", "f1"));
        fc.deleteService(new DeleteServiceRequest("updatable"));
        var missing = failsWith("ServiceNotFound", () -> fc.getService(new GetServiceRequest("updatable")));
        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(missing.getRequestId()).isNotBlank();
    }

    @Test
    void storesAFunctionWithItsChecksumAndServesItsCode() throws Exception {
        createService("code-svc");
        byte[] zip = FunctionPackages.of(Echo.class);
        fc.createFunction(echoFunction("code-svc", "echo"));
        GetFunctionResponse function = fc.getFunction(new GetFunctionRequest("code-svc", "echo"));
        assertThat(function.getRuntime()).isEqualTo("java11");
        assertThat(function.getMemorySize()).isEqualTo(256);
        assertThat(function.getCodeChecksum()).isEqualTo(Crc64.decimalOf(zip));
        assertThat(function.getCodeSize()).isEqualTo(zip.length);

        GetFunctionCodeResponse code = fc.getFunctionCode(new GetFunctionCodeRequest("code-svc", "echo"));
        assertThat(code.getCodeChecksum()).isEqualTo(Crc64.decimalOf(zip));
        assertThat(Files.readAllBytes(Path.of(URI.create(code.getCodeUrl())))).isEqualTo(zip);

        UpdateFunctionRequest update = new UpdateFunctionRequest("code-svc", "echo");
        update.setMemorySize(512);
        assertThat(fc.updateFunction(update).getMemorySize()).isEqualTo(512);
        failsWith("FunctionAlreadyExists", () -> fc.createFunction(echoFunction("code-svc", "echo")));
        failsWith("FunctionNotFound", () -> fc.getFunction(new GetFunctionRequest("code-svc", "missing")));
        assertThat(fc.listFunctions(new ListFunctionsRequest("code-svc")).getFunctions()).hasSize(1);
    }

    @Test
    void refusesRuntimesTheSandboxCannotRunAndBadHandlers() {
        createService("runtimes");
        var python = failsWith("InvalidArgument",
                () -> fc.createFunction(echoFunction("runtimes", "py").setRuntime("python3.9")));
        assertThat(python.getErrorMessage()).contains("not supported by the sandbox");
        var handler = failsWith("InvalidArgument",
                () -> fc.createFunction(echoFunction("runtimes", "h").setHandler("index.handler")));
        assertThat(handler.getErrorMessage()).contains("package.Class::method");
        failsWith("InvalidArgument", () -> fc.createFunction(echoFunction("runtimes", "m").setMemorySize(100)));
        failsWith("InvalidArgument", () -> fc.createFunction(
                echoFunction("runtimes", "z").setCode(new Code().setZipFile("not a zip".getBytes()))));
        failsWith("ServiceNotFound", () -> fc.createFunction(echoFunction("no-such-service", "f")));
    }

    @Test
    void keepsServicesOfEachRegionApart() {
        FunctionComputeClient shanghai = FcClients.of(sandbox, sandbox.rootCredentials(), "cn-shanghai");
        CreateServiceRequest request = new CreateServiceRequest();
        request.setServiceName("regional");
        shanghai.createService(request);
        assertThat(shanghai.getService(new GetServiceRequest("regional")).getServiceName()).isEqualTo("regional");
        failsWith("ServiceNotFound", () -> fc.getService(new GetServiceRequest("regional")));
    }

    @Test
    void refusesAWrongSecretWithTheStringToSign() {
        AccessKeyPair root = sandbox.rootCredentials();
        FunctionComputeClient wrong = FcClients.of(sandbox, AccessKeyPair.longTerm(root.accessKeyId(), "not-the-secret"));
        var error = failsWith("SignatureNotMatch", () -> wrong.listServices(new ListServicesRequest()));
        assertThat(error.getStatusCode()).isEqualTo(403);
        assertThat(error.getErrorMessage()).contains("/2016-08-15/services");
        failsWith("InvalidAccessKeyID", () -> FcClients.of(sandbox, AccessKeyPair.longTerm("LTAIunknown", "x"))
                .listServices(new ListServicesRequest()));
    }
}
