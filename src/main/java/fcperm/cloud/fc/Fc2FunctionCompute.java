package fcperm.cloud.fc;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.config.Config;
import com.aliyuncs.fc.exceptions.ClientException;
import com.aliyuncs.fc.model.Code;
import com.aliyuncs.fc.model.FunctionMetadata;
import com.aliyuncs.fc.model.ServiceMetadata;
import com.aliyuncs.fc.request.CreateFunctionRequest;
import com.aliyuncs.fc.request.CreateServiceRequest;
import com.aliyuncs.fc.request.DeleteFunctionRequest;
import com.aliyuncs.fc.request.DeleteServiceRequest;
import com.aliyuncs.fc.request.GetFunctionRequest;
import com.aliyuncs.fc.request.GetServiceRequest;
import com.aliyuncs.fc.request.InvokeFunctionRequest;
import com.aliyuncs.fc.request.ListServicesRequest;
import com.aliyuncs.fc.request.UpdateFunctionRequest;
import com.aliyuncs.fc.request.UpdateServiceRequest;
import com.aliyuncs.fc.response.GetServiceResponse;
import com.aliyuncs.fc.response.InvokeFunctionResponse;
import com.aliyuncs.fc.response.ListServicesResponse;
import fcperm.cloud.Cancellation;
import fcperm.cloud.CloudException;
import fcperm.cloud.FunctionCompute;
import fcperm.cloud.FunctionSummary;
import fcperm.cloud.Invocation;
import fcperm.cloud.Progress;
import fcperm.cloud.ServiceSummary;
import fcperm.cloud.sdk.Call;
import fcperm.cloud.sdk.Failures;
import fcperm.cloud.sdk.Pager;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * FC 2.0 (API 2016-08-15) of one region through aliyun-java-sdk-fc. The SDK itself sends each request up to three
 * times on a 5xx or an I/O error, InvokeFunction included, so no retry is added here; FC reports a function's own
 * failure as 200 with {@code X-Fc-Error-Type}, which the SDK does not repeat. Reading its error bodies on Java 17
 * needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}; without it every error arrives as
 * {@code SDK.ResponseNotParsable}, with the HTTP status still right.
 */
public final class Fc2FunctionCompute implements FunctionCompute {

    /** The runtime of the probe (and of any function deployed from a jar zip). */
    static final String RUNTIME = "java11";
    private static final int MEMORY_MB = 256;
    private static final int TIMEOUT_SECONDS = 60;

    private final FunctionComputeClient client;
    private final AlibabaCloudCredentialsProvider keys;
    private final String region;
    private final URI endpoint;
    private final int pageSize;

    public Fc2FunctionCompute(String accountId, String region, URI endpoint,
                              AlibabaCloudCredentialsProvider credentials, int pageSize) {
        Config config = new Config(region, accountId, credentials, "https".equalsIgnoreCase(endpoint.getScheme()));
        config.setEndpoint(endpoint.toString());
        this.keys = credentials;
        this.client = new FunctionComputeClient(config);
        this.region = region;
        this.endpoint = endpoint;
        this.pageSize = pageSize;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public List<ServiceSummary> listServices(Progress progress, Cancellation cancellation) throws CloudException {
        return Pager.all(token -> {
            ListServicesRequest request = new ListServicesRequest();
            request.setLimit(pageSize);
            token.ifPresent(request::setNextToken);
            ListServicesResponse page = send(Call.idempotent("fc:ListServices", "services/*"),
                    () -> client.listServices(request));
            List<ServiceSummary> services = Arrays.stream(Optional.ofNullable(page.getServices())
                    .orElse(new ServiceMetadata[0])).map(Fc2FunctionCompute::summary).toList();
            return Pager.Page.of(services, Optional.ofNullable(page.getNextToken()));
        }, progress, cancellation);
    }

    @Override
    public Optional<ServiceSummary> findService(String name) throws CloudException {
        try {
            GetServiceResponse service = send(Call.idempotent("fc:GetService", "services/" + name),
                    () -> client.getService(new GetServiceRequest(name)));
            return Optional.of(new ServiceSummary(service.getServiceName(), orEmpty(service.getDescription()),
                    Optional.ofNullable(service.getRole()).filter(role -> !role.isEmpty()),
                    orEmpty(service.getLastModifiedTime())));
        } catch (CloudException e) {
            if (e.code().equals("ServiceNotFound")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String createService(String name) throws CloudException {
        CreateServiceRequest request = new CreateServiceRequest();
        request.setServiceName(name);
        return send(Call.once("fc:CreateService", "services/" + name), () -> client.createService(request))
                .getRequestId();
    }

    @Override
    public String setServiceRole(String service, String roleArn) throws CloudException {
        UpdateServiceRequest request = new UpdateServiceRequest(service);
        request.setRole(roleArn);
        return send(Call.idempotent("fc:UpdateService", "services/" + service), () -> client.updateService(request))
                .getRequestId();
    }

    @Override
    public String deleteService(String name) throws CloudException {
        return send(Call.once("fc:DeleteService", "services/" + name),
                () -> client.deleteService(new DeleteServiceRequest(name))).getRequestId();
    }

    @Override
    public Optional<FunctionSummary> findFunction(String service, String function) throws CloudException {
        try {
            FunctionMetadata metadata = send(Call.idempotent("fc:GetFunction", functionResource(service, function)),
                    () -> client.getFunction(new GetFunctionRequest(service, function))).getFunctionMetadata();
            return Optional.of(new FunctionSummary(service, metadata.getFunctionName(), metadata.getHandler(),
                    metadata.getRuntime(), Optional.ofNullable(metadata.getCodeChecksum()).orElse(""),
                    Optional.ofNullable(metadata.getLastModifiedTime()).orElse("")));
        } catch (CloudException e) {
            if (e.code().equals("FunctionNotFound") || e.code().equals("ServiceNotFound")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String createFunction(String service, String function, String handler, byte[] zip) throws CloudException {
        CreateFunctionRequest create = new CreateFunctionRequest(service).setFunctionName(function)
                .setRuntime(RUNTIME).setHandler(handler).setMemorySize(MEMORY_MB).setTimeout(TIMEOUT_SECONDS)
                .setCode(new Code().setZipFile(zip));
        return send(Call.once("fc:CreateFunction", functionResource(service, function)),
                () -> client.createFunction(create)).getRequestId();
    }

    @Override
    public String updateFunction(String service, String function, String handler, byte[] zip) throws CloudException {
        UpdateFunctionRequest update = new UpdateFunctionRequest(service, function);
        update.setHandler(handler);
        update.setRuntime(RUNTIME);
        update.setCode(new Code().setZipFile(zip));
        return send(Call.idempotent("fc:UpdateFunction", functionResource(service, function)),
                () -> client.updateFunction(update)).getRequestId();
    }

    @Override
    public Invocation invoke(String service, String function, byte[] payload) throws CloudException {
        InvokeFunctionRequest request = new InvokeFunctionRequest(service, function);
        request.setLogType("Tail");
        request.setPayload(payload);
        InvokeFunctionResponse response = send(Call.once("fc:InvokeFunction", functionResource(service, function)),
                () -> client.invokeFunction(request));
        // The SDK already decodes X-Fc-Log-Result from base64.
        String log = orEmpty(response.getLogResult());
        return new Invocation(Optional.ofNullable(response.getRequestId()).orElse(""),
                Optional.ofNullable(response.getPayload()).orElse(new byte[0]),
                Optional.ofNullable(response.getHeader("X-Fc-Error-Type")), log);
    }

    @Override
    public String deleteFunction(String service, String function) throws CloudException {
        return send(Call.once("fc:DeleteFunction", functionResource(service, function)),
                () -> client.deleteFunction(new DeleteFunctionRequest(service, function))).getRequestId();
    }

    private static String functionResource(String service, String function) {
        return "services/" + service + "/functions/" + function;
    }

    private static ServiceSummary summary(ServiceMetadata service) {
        return new ServiceSummary(service.getServiceName(), orEmpty(service.getDescription()),
                Optional.ofNullable(service.getRole()).filter(role -> !role.isEmpty()),
                orEmpty(service.getLastModifiedTime()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private <T> T send(Call call, Supplier<T> request) throws CloudException {
        try {
            // The SDK fetches the keys itself before each request but only prints a failure to renew them; asking
            // first turns that failure into the CloudException it carries.
            keys.getCredentials();
        } catch (com.aliyuncs.exceptions.ClientException e) {
            throw Failures.cloudCause(e).orElseGet(() -> CloudException.unreachable(call.operation(),
                    endpoint.toString(), e));
        }
        try {
            return request.get();
        } catch (ClientException e) {
            throw Failures.cloudCause(e).orElseGet(() -> translate(call, e));
        }
    }

    private CloudException translate(Call call, ClientException e) {
        if (e.getStatusCode() <= 0) {
            return CloudException.unreachable(call.operation(), endpoint.toString(), e);
        }
        return CloudException.of(call.operation(), call.resource(), e.getErrorCode(), e.getStatusCode(),
                e.getRequestId(), e.getErrorMessage(), e);
    }
}
