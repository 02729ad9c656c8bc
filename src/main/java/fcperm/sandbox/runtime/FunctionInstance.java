package fcperm.sandbox.runtime;

import fcperm.sandbox.runtime.child.FunctionRunner;
import fcperm.sandbox.runtime.child.Frames;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One warm instance of a function: a child JVM running {@link FunctionRunner}, serving one invocation at a time.
 * The caller enforces the timeout by {@link #kill killing} the process; a killed or crashed instance is never reused.
 */
final class FunctionInstance implements AutoCloseable {

    private final FunctionSpec spec;
    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream responses;
    private volatile boolean killed;
    private volatile long lastUsedNanos = System.nanoTime();

    private FunctionInstance(FunctionSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.responses = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /** Starts the child JVM and waits until it has loaded the handler. */
    static FunctionInstance start(FunctionSpec spec, Path codeRoot, List<Path> runnerClasspath, Path stderrLog)
            throws IOException {
        List<String> classpath = new ArrayList<>();
        runnerClasspath.forEach(entry -> classpath.add(entry.toString()));
        classpath.add(codeRoot.toString());
        classpath.add(codeRoot.resolve("lib") + File.separator + "*");
        List<String> command = new ArrayList<>(List.of(javaExecutable().toString(),
                "-Xmx" + spec.memoryMb() + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dfile.encoding=UTF-8",
                "-cp", String.join(File.pathSeparator, classpath),
                FunctionRunner.class.getName(),
                spec.handler(), spec.serviceName(), spec.functionName(),
                Integer.toString(spec.memoryMb()), Integer.toString(spec.timeoutSeconds() * 1000)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(codeRoot.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        builder.environment().put("FC_FUNCTION_NAME", spec.functionName());
        builder.environment().put("FC_SERVICE_NAME", spec.serviceName());
        builder.environment().put("FC_FUNCTION_HANDLER", spec.handler());
        builder.environment().put("FC_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        builder.environment().put("FC_FUNC_CODE_PATH", codeRoot.toString());
        FunctionInstance instance = new FunctionInstance(spec, builder.start());
        try {
            int ready = instance.responses.readInt();
            if (ready != Frames.READY) {
                throw new IOException("the function instance did not start (unexpected handshake)");
            }
        } catch (IOException e) {
            instance.kill();
            throw new IOException("the function instance exited while starting; see " + stderrLog, e);
        }
        return instance;
    }

    /**
     * The {@code java} of the runtime this JVM runs on. Not this process's own command: in a packaged app that is
     * the app's launcher, which would read the JVM flags as the app's arguments.
     */
    private static Path javaExecutable() throws IOException {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String name : List.of("java", "java.exe")) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name);
            }
        }
        throw new IOException("no java executable in " + bin + " to run the function in (a runtime built with"
                + " jlink --strip-native-commands has none)");
    }

    FunctionSpec spec() {
        return spec;
    }

    /** Sends one invocation and waits for its answer; throws IOException when the process died meanwhile. */
    InvocationResult invoke(InvocationRequest request, boolean coldStart) throws IOException {
        long started = System.nanoTime();
        requests.writeUTF(request.requestId());
        requests.writeUTF(request.accessKeyId());
        requests.writeUTF(request.accessKeySecret());
        requests.writeUTF(request.securityToken());
        Frames.writeBytes(requests, request.payload());
        requests.flush();
        byte status = responses.readByte();
        byte[] body = Frames.readBytes(responses);
        byte[] log = Frames.readBytes(responses);
        int maxMemoryMb = responses.readInt();
        lastUsedNanos = System.nanoTime();
        return new InvocationResult(status != Frames.OK, body, log,
                TimeUnit.NANOSECONDS.toMillis(lastUsedNanos - started), maxMemoryMb, coldStart);
    }

    boolean usable() {
        return !killed && process.isAlive();
    }

    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    void kill() {
        killed = true;
        process.destroyForcibly();
    }

    @Override
    public void close() {
        try {
            requests.close(); // the runner exits when its stdin closes
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException | InterruptedException e) {
            kill();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
