package fcperm.sandbox;

import fcperm.policy.catalog.SystemPolicyCatalog;
import fcperm.policy.eval.Evaluator;
import fcperm.sandbox.auth.Authenticator;
import fcperm.sandbox.auth.Authorizer;
import fcperm.sandbox.auth.RoleSessions;
import fcperm.sandbox.fc.FcApi;
import fcperm.sandbox.fc.FcService;
import fcperm.sandbox.http.RequestPipeline;
import fcperm.sandbox.http.SandboxServer;
import fcperm.sandbox.http.WireStyle;
import fcperm.sandbox.http.fc.FcWire;
import fcperm.sandbox.http.oss.OssWire;
import fcperm.sandbox.http.rpc.RpcWire;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.sandbox.identity.Account;
import fcperm.sandbox.identity.AccountSetup;
import fcperm.sandbox.identity.Identities;
import fcperm.sandbox.identity.PrincipalPolicies;
import fcperm.sandbox.identity.SystemPolicies;
import fcperm.sandbox.oss.OssApi;
import fcperm.sandbox.oss.OssService;
import fcperm.sandbox.ram.RamApi;
import fcperm.sandbox.ram.RamService;
import fcperm.sandbox.resourcemanager.ResourceManagerApi;
import fcperm.sandbox.resourcemanager.ResourceManagerService;
import fcperm.sandbox.runtime.FunctionRuntime;
import fcperm.sandbox.store.Database;
import fcperm.sandbox.sts.StsApi;
import fcperm.sandbox.sts.StsService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded sandbox: a local, wire-compatible RAM, STS, Resource Manager, OSS and FC 2.0 on loopback, with its
 * state in {@code <dataDir>/sandbox.db}. The first start creates the account; its root key is also written to
 * {@code <dataDir>/credentials} (mode 0600). This class is the composition root of the sandbox: the place where
 * services are registered with the wire styles that carry them.
 */
public final class Sandbox implements AutoCloseable {

    /** The root AccessKey, readable by the owner only. */
    public static final String CREDENTIALS_FILE = "credentials";

    /** A warm function instance (child JVM) unused this long is stopped. */
    private static final Duration FUNCTION_INSTANCE_IDLE_TIMEOUT = Duration.ofMinutes(5);

    private final Database database;
    private final SandboxServer server;
    private final Account account;
    private final AccessKeyPair rootCredentials;
    private final RoleSessions roleSessions;
    private final FcService fcService;
    private final SandboxEndpoints endpoints;
    private final String region;

    private Sandbox(Database database, SandboxServer server, Account account, AccessKeyPair rootCredentials,
                    RoleSessions roleSessions, FcService fcService, String region) {
        this.database = database;
        this.server = server;
        this.account = account;
        this.rootCredentials = rootCredentials;
        this.roleSessions = roleSessions;
        this.fcService = fcService;
        this.region = region;
        this.endpoints = new SandboxEndpoints(server, region);
    }

    public static Sandbox start(SandboxOptions options) {
        // the listener comes up while the store opens: the two are most of the start time of a cold JVM
        CompletableFuture<SandboxServer> listening = CompletableFuture.supplyAsync(() -> listen(options));
        Database database = null;
        FcService fcService = null;
        try {
            database = Database.open(options.dataDir());
            AccountSetup.Owner owner = AccountSetup.ensure(database, options.clock().instant());
            writeCredentialsFile(options.dataDir(), owner);
            Account account = owner.account();
            Identities identities = new Identities(database, account);
            SystemPolicies systemPolicies = new SystemPolicies(SystemPolicyCatalog.load());
            Authorizer authorizer = new Authorizer(account.id(), new PrincipalPolicies(database, systemPolicies), new Evaluator());
            Authenticator authenticator = new Authenticator(identities, options.clock());
            RoleSessions roleSessions = new RoleSessions(identities, authorizer, options.clock());

            // every service is built with its store, wrapped in its Api, and the Api in its protocol's wire style
            RamService ram = new RamService(database, account.id(), systemPolicies, options.clock());
            StsService sts = new StsService(roleSessions, account.id());
            ResourceManagerService resourceManager = new ResourceManagerService(database, account, systemPolicies,
                    options.clock());
            OssService oss = new OssService(database, options.dataDir().resolve("oss").resolve("objects"),
                    account.id(), options.clock());
            fcService = new FcService(database, account.id(), roleSessions,
                    new FunctionRuntime(options.dataDir().resolve("fc").resolve("runtime"), FUNCTION_INSTANCE_IDLE_TIMEOUT),
                    options.dataDir().resolve("fc").resolve("packages"), options.clock());
            RpcWire rpc = new RpcWire(List.of(new RamApi(ram, account.id()), new StsApi(sts, account.id()),
                    new ResourceManagerApi(resourceManager)));
            // asked in order: the first style that accepts a request owns it; RPC is last (and answers strays)
            List<WireStyle> styles = List.of(new FcWire(new FcApi(fcService)), new OssWire(new OssApi(oss), options.clock()),
                    rpc);

            SandboxServer server = listening.join();
            server.serve(new RequestPipeline(styles, rpc, authenticator, authorizer, server::regionOf, options.clock()));
            return new Sandbox(database, server, account, owner.rootCredentials(), roleSessions, fcService, options.region());
        } catch (RuntimeException e) {
            listening.thenAccept(Sandbox::stopQuietly);
            if (fcService != null) {
                fcService.close();
            }
            if (database != null) {
                database.close();
            }
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static SandboxServer listen(SandboxOptions options) {
        try {
            return SandboxServer.start(options.port(), options.region());
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
    }

    private static void stopQuietly(SandboxServer server) {
        try {
            server.close();
        } catch (Exception ignored) {
            // already failing to start; the original error is what matters
        }
    }

    private static void writeCredentialsFile(Path dataDir, AccountSetup.Owner owner) {
        try {
            OwnerOnlyFile.write(dataDir.resolve(CREDENTIALS_FILE), String.join("\n",
                    "# Root AccessKey of the sandbox account " + owner.account().id() + ". Keep it private.",
                    "account_id = " + owner.account().id(),
                    "access_key_id = " + owner.rootCredentials().accessKeyId(),
                    "access_key_secret = " + owner.rootCredentials().accessKeySecret(),
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the credentials file in " + dataDir, e);
        }
    }

    public SandboxEndpoints endpoints() {
        return endpoints;
    }

    public String accountId() {
        return account.id();
    }

    /** The default region: the one the main listener's FC serves. */
    public String region() {
        return region;
    }

    /** The account's root AccessKey (toString masks the secret). */
    public AccessKeyPair rootCredentials() {
        return rootCredentials;
    }

    /** Issues role sessions for services acting on the account's behalf (the FC runtime). */
    public RoleSessions roleSessions() {
        return roleSessions;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the sandbox server", e);
        } finally {
            fcService.close();
            database.close();
        }
    }

    @Override
    public String toString() {
        return "Sandbox[account " + account.id() + ", " + endpoints + "]";
    }
}
