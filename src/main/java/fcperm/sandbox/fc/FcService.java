package fcperm.sandbox.fc;

import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RoleSessionRefused;
import fcperm.sandbox.auth.RoleSessions;
import fcperm.sandbox.http.fc.FcErrors;
import fcperm.sandbox.identity.Arn;
import fcperm.sandbox.identity.IssuedSession;
import fcperm.sandbox.identity.ResourceMembership;
import fcperm.sandbox.protocol.Crc64;
import fcperm.sandbox.runtime.FunctionRuntime;
import fcperm.sandbox.runtime.FunctionSpec;
import fcperm.sandbox.runtime.InvocationRequest;
import fcperm.sandbox.runtime.InvocationResult;
import fcperm.sandbox.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Function Compute 2.0's rules: services and functions per region, binding a role (which FC must be able to
 * assume), and invocations run by the {@link FunctionRuntime} with the credentials FC obtains by assuming the
 * service's role as {@code fc.aliyuncs.com}. Knows nothing of HTTP.
 */
public final class FcService implements AutoCloseable {

    public static final String FC_SERVICE_PRINCIPAL = "fc.aliyuncs.com";
    /** Credentials are reused until this close to their expiry, as FC reuses them across invocations. */
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofHours(1);
    private static final int DEFAULT_MEMORY_MB = 128;
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;

    private final FcStore store;
    private final String accountId;
    private final RoleSessions roleSessions;
    private final FunctionRuntime runtime;
    private final Path packages;
    private final Clock clock;
    private final Map<String, IssuedSession> sessionsByServiceRole = new ConcurrentHashMap<>();
    private final ExecutorService asyncInvocations = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fc-async-invocation");
        thread.setDaemon(true);
        return thread;
    });

    public FcService(Database database, String accountId, RoleSessions roleSessions,
                     FunctionRuntime runtime, Path packages, Clock clock) {
        this.store = new FcStore(database);
        this.accountId = accountId;
        this.roleSessions = roleSessions;
        this.runtime = runtime;
        this.packages = packages;
        this.clock = clock;
    }

    public String accountId() {
        return accountId;
    }

    // ---- services

    public TokenPage<FcServiceRecord> listServices(String region, String prefix, String startKey, String nextToken, int limit) {
        String from = max(startKey, nextToken);
        List<FcServiceRecord> rows = store.services(region, prefix, from, limit + 1);
        return page(rows, limit, FcServiceRecord::name);
    }

    public FcServiceRecord getService(String region, String name) {
        return store.service(region, name).orElseThrow(() -> FcErrors.serviceNotFound(name));
    }

    /** The resource group of a service, for authorization; empty when the service does not exist (yet). */
    public Optional<String> resourceGroupOf(String region, String serviceName) {
        return store.service(region, serviceName).map(FcServiceRecord::resourceGroupId);
    }

    public FcServiceRecord createService(String region, String name, ServiceSettings settings, RequestContext context) {
        FcNames.requireName("serviceName", name);
        settings.description().ifPresent(FcNames::requireDescription);
        String role = settings.role().orElse("");
        String now = now();
        if (!role.isEmpty()) {
            bindable(region, name, role, context);
        }
        return store.transaction(tx -> {
            if (store.service(tx, region, name).isPresent()) {
                throw FcErrors.serviceAlreadyExists(name);
            }
            FcServiceRecord created = new FcServiceRecord(region, name, UUID.randomUUID().toString(),
                    settings.description().orElse(""), role, settings.logProject().orElse(""),
                    settings.logStore().orElse(""), settings.vpcConfigJson().orElse(""),
                    settings.internetAccess().orElse(true), ResourceMembership.defaultGroupId(tx), now, now);
            store.insertService(tx, created);
            return created;
        });
    }

    public FcServiceRecord updateService(String region, String name, ServiceSettings settings, Optional<String> ifMatch,
                                         RequestContext context) {
        settings.description().ifPresent(FcNames::requireDescription);
        FcServiceRecord current = getService(region, name);
        settings.role().filter(role -> !role.isEmpty() && !role.equals(current.role()))
                .ifPresent(role -> bindable(region, name, role, context));
        return store.transaction(tx -> {
            FcServiceRecord before = store.service(tx, region, name).orElseThrow(() -> FcErrors.serviceNotFound(name));
            requireMatch(ifMatch, before.etag(), "service " + name);
            FcServiceRecord updated = new FcServiceRecord(region, name, before.id(),
                    settings.description().orElse(before.description()), settings.role().orElse(before.role()),
                    settings.logProject().orElse(before.logProject()), settings.logStore().orElse(before.logStore()),
                    settings.vpcConfigJson().orElse(before.vpcConfigJson()),
                    settings.internetAccess().orElse(before.internetAccess()), before.resourceGroupId(),
                    before.createdTime(), now());
            store.updateService(tx, updated);
            if (!updated.role().equals(before.role())) {
                sessionsByServiceRole.remove(sessionKey(before));
            }
            return updated;
        });
    }

    public void deleteService(String region, String name, Optional<String> ifMatch) {
        store.transaction(tx -> {
            FcServiceRecord service = store.service(tx, region, name).orElseThrow(() -> FcErrors.serviceNotFound(name));
            requireMatch(ifMatch, service.etag(), "service " + name);
            if (store.functionCount(tx, region, name) > 0) {
                throw FcErrors.serviceNotEmpty(name);
            }
            store.deleteService(tx, region, name);
            sessionsByServiceRole.remove(sessionKey(service));
            return null;
        });
    }

    /**
     * FC binds only a role of this account that exists and that FC may assume; the session obtained here is kept
     * for the service's invocations. (Whether the caller may pass the role is ram:PassRole, checked by the pipeline.)
     */
    private void bindable(String region, String serviceName, String roleArn, RequestContext context) {
        String roleName = roleName(roleArn);
        session(region, serviceName, roleArn, roleName, context, true);
    }

    private String roleName(String roleArn) {
        Arn role = Arn.parse(roleArn).filter(arn -> arn.roleName().isPresent()).orElseThrow(() -> FcErrors.invalidArgument(
                "role '" + roleArn + "' is not a RAM role ARN (acs:ram::<account-id>:role/<name>)"));
        if (!role.accountId().equals(accountId)) {
            throw FcErrors.cannotAssumeRole(roleArn);
        }
        return role.roleName().orElseThrow();
    }

    // ---- functions

    public TokenPage<FcFunctionRecord> listFunctions(String region, String service, String prefix, String startKey,
                                                String nextToken, int limit) {
        getService(region, service);
        List<FcFunctionRecord> rows = store.functions(region, service, prefix, max(startKey, nextToken), limit + 1);
        return page(rows, limit, FcFunctionRecord::name);
    }

    public FcFunctionRecord getFunction(String region, String service, String name) {
        getService(region, service);
        return store.function(region, service, name).orElseThrow(() -> FcErrors.functionNotFound(service, name));
    }

    public FcFunctionRecord createFunction(String region, String service, String name, FunctionSettings settings) {
        FcNames.requireName("functionName", name);
        String runtimeName = settings.runtime().orElseThrow(() -> FcErrors.invalidArgument("runtime is required"));
        FcNames.requireRuntime(runtimeName);
        String handler = settings.handler().orElseThrow(() -> FcErrors.invalidArgument("handler is required"));
        FcNames.requireHandler(handler);
        byte[] code = settings.codeZip().orElseThrow(() -> FcErrors.invalidArgument("code.zipFile is required"));
        int memory = settings.memorySize().orElse(DEFAULT_MEMORY_MB);
        int timeout = settings.timeout().orElse(DEFAULT_TIMEOUT_SECONDS);
        validate(settings, memory, timeout);
        FcNames.requireZip(code);
        String checksum = storeCode(code);
        String now = now();
        return store.transaction(tx -> {
            store.service(tx, region, service).orElseThrow(() -> FcErrors.serviceNotFound(service));
            if (store.function(tx, region, service, name).isPresent()) {
                throw FcErrors.functionAlreadyExists(service, name);
            }
            FcFunctionRecord created = new FcFunctionRecord(region, service, name, UUID.randomUUID().toString(),
                    settings.description().orElse(""), runtimeName, handler, timeout, memory, code.length, checksum,
                    settings.environmentVariables().orElse(Map.of()), now, now);
            store.insertFunction(tx, created);
            return created;
        });
    }

    public FcFunctionRecord updateFunction(String region, String service, String name, FunctionSettings settings,
                                           Optional<String> ifMatch) {
        settings.runtime().ifPresent(FcNames::requireRuntime);
        settings.handler().ifPresent(FcNames::requireHandler);
        settings.codeZip().ifPresent(FcNames::requireZip);
        validate(settings, settings.memorySize().orElse(DEFAULT_MEMORY_MB), settings.timeout().orElse(DEFAULT_TIMEOUT_SECONDS));
        Optional<String> checksum = settings.codeZip().map(this::storeCode);
        return store.transaction(tx -> {
            store.service(tx, region, service).orElseThrow(() -> FcErrors.serviceNotFound(service));
            FcFunctionRecord before = store.function(tx, region, service, name)
                    .orElseThrow(() -> FcErrors.functionNotFound(service, name));
            requireMatch(ifMatch, before.etag(), "function " + name);
            FcFunctionRecord updated = new FcFunctionRecord(region, service, name, before.id(),
                    settings.description().orElse(before.description()), settings.runtime().orElse(before.runtime()),
                    settings.handler().orElse(before.handler()), settings.timeout().orElse(before.timeout()),
                    settings.memorySize().orElse(before.memorySize()),
                    settings.codeZip().map(code -> (long) code.length).orElse(before.codeSize()),
                    checksum.orElse(before.codeChecksum()),
                    settings.environmentVariables().orElse(before.environmentVariables()),
                    before.createdTime(), now());
            store.updateFunction(tx, updated);
            return updated;
        });
    }

    public void deleteFunction(String region, String service, String name, Optional<String> ifMatch) {
        FcFunctionRecord deleted = store.transaction(tx -> {
            store.service(tx, region, service).orElseThrow(() -> FcErrors.serviceNotFound(service));
            FcFunctionRecord function = store.function(tx, region, service, name)
                    .orElseThrow(() -> FcErrors.functionNotFound(service, name));
            requireMatch(ifMatch, function.etag(), "function " + name);
            store.deleteFunction(tx, region, service, name);
            return function;
        });
        runtime.stopInstances(instanceKey(deleted));
    }

    /** Where the function's code package can be read, and its checksum (GetFunctionCode). */
    public Map.Entry<String, String> functionCode(String region, String service, String name) {
        FcFunctionRecord function = getFunction(region, service, name);
        return Map.entry(packageFile(function.codeChecksum()).toUri().toString(), function.codeChecksum());
    }

    private static void validate(FunctionSettings settings, int memory, int timeout) {
        settings.description().ifPresent(FcNames::requireDescription);
        FcNames.requireMemory(memory);
        FcNames.requireTimeout(timeout);
        settings.environmentVariables().ifPresent(env -> env.keySet().forEach(FcNames::requireEnvironmentKey));
    }

    /** Stores the zip under its checksum (temporary file, fsync, atomic rename) and returns the checksum. */
    private String storeCode(byte[] code) {
        String checksum = Crc64.decimalOf(code);
        Path target = packageFile(checksum);
        if (Files.exists(target)) {
            return checksum;
        }
        try {
            Files.createDirectories(packages);
            Path temporary = Files.createTempFile(packages, ".upload-", ".zip");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(code);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return checksum;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the code package", e);
        }
    }

    private Path packageFile(String checksum) {
        return packages.resolve(checksum + ".zip");
    }

    // ---- invocations

    /** Runs the function synchronously; a function failure is a result, not an exception. */
    public InvocationResult invoke(String region, String service, String function, byte[] payload, String requestId,
                                   RequestContext context) {
        PreparedInvocation prepared = prepare(region, service, function, payload, requestId, context);
        return runtime.invoke(prepared.spec(), prepared.request());
    }

    /** Queues the invocation and returns at once, as FC's asynchronous invocation does. */
    public void invokeAsync(String region, String service, String function, byte[] payload, String requestId,
                            RequestContext context) {
        PreparedInvocation prepared = prepare(region, service, function, payload, requestId, context);
        asyncInvocations.execute(() -> runtime.invoke(prepared.spec(), prepared.request()));
    }

    private record PreparedInvocation(FunctionSpec spec, InvocationRequest request) {
    }

    private PreparedInvocation prepare(String region, String serviceName, String functionName, byte[] payload,
                                       String requestId, RequestContext context) {
        FcServiceRecord service = getService(region, serviceName);
        FcFunctionRecord function = store.function(region, serviceName, functionName)
                .orElseThrow(() -> FcErrors.functionNotFound(serviceName, functionName));
        InvocationRequest request;
        if (service.role().isEmpty()) {
            request = new InvocationRequest(requestId, payload, "", "", "");
        } else {
            IssuedSession session = session(region, serviceName, service.role(), roleName(service.role()), context, false);
            var credentials = session.credentials();
            request = new InvocationRequest(requestId, payload, credentials.accessKeyId(),
                    credentials.accessKeySecret(), credentials.securityToken().orElse(""));
        }
        FunctionSpec spec = new FunctionSpec(instanceKey(function), serviceName, functionName, function.handler(),
                function.memorySize(), function.timeout(), function.environmentVariables(), function.codeChecksum(),
                packageFile(function.codeChecksum()), service.role());
        return new PreparedInvocation(spec, request);
    }

    /** The service role's session, assumed as fc.aliyuncs.com and reused until close to its expiry. */
    private IssuedSession session(String region, String serviceName, String roleArn, String roleName,
                                  RequestContext context, boolean renew) {
        String key = region + "/" + serviceName + "/" + roleArn;
        IssuedSession cached = sessionsByServiceRole.get(key);
        Instant refreshAt = clock.instant().plus(REFRESH_BEFORE_EXPIRY);
        if (!renew && cached != null && cached.credentials().expiration().orElse(Instant.MIN).isAfter(refreshAt)) {
            return cached;
        }
        try {
            IssuedSession session = roleSessions.assumeAsService(FC_SERVICE_PRINCIPAL, roleName,
                    sessionName(serviceName), context);
            sessionsByServiceRole.put(key, session);
            return session;
        } catch (RoleSessionRefused refused) {
            throw switch (refused.reason()) {
                case ROLE_NOT_FOUND -> FcErrors.roleNotFound(roleArn);
                case NOT_TRUSTED, DURATION_TOO_LONG -> FcErrors.cannotAssumeRole(roleArn);
            };
        }
    }

    private static String sessionKey(FcServiceRecord service) {
        return service.region() + "/" + service.name() + "/" + service.role();
    }

    /** RoleSessionName allows 2–64 of [\w.@-]; service names are a subset of that alphabet. */
    private static String sessionName(String serviceName) {
        String name = "fc-" + serviceName;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static String instanceKey(FcFunctionRecord function) {
        return function.region() + "/" + function.serviceName() + "/" + function.id();
    }

    // ---- helpers

    private static void requireMatch(Optional<String> ifMatch, String etag, String what) {
        if (ifMatch.isPresent() && !ifMatch.get().equals(etag) && !ifMatch.get().equals("*")) {
            throw FcErrors.preconditionFailed(what);
        }
    }

    private static <T> TokenPage<T> page(List<T> rows, int limit, Function<T, String> name) {
        if (rows.size() > limit) {
            return new TokenPage<>(List.copyOf(rows.subList(0, limit)), Optional.of(name.apply(rows.get(limit))));
        }
        return new TokenPage<>(List.copyOf(rows), Optional.empty());
    }

    private static String max(String a, String b) {
        String left = a == null ? "" : a;
        String right = b == null ? "" : b;
        return left.compareTo(right) >= 0 ? left : right;
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Override
    public void close() {
        asyncInvocations.shutdownNow();
        try {
            asyncInvocations.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime.close();
    }
}
