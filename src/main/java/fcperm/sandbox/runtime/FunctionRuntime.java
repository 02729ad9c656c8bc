package fcperm.sandbox.runtime;

import fcperm.sandbox.runtime.child.Frames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs uploaded Java functions in child JVMs. Instances are kept warm after an invocation (as FC keeps them) and
 * reused by the next invocation of the same {@link FunctionSpec}; an instance serves one invocation at a time, so
 * concurrent invocations start more instances. Instances idle longer than {@code idleTimeout} are stopped, as are
 * all instances of a function whose spec changed (new code, role, memory, ...).
 */
public final class FunctionRuntime implements AutoCloseable {

    private final CodePackages packages;
    private final Path runtimeFolder;
    private final Duration idleTimeout;
    private final ScheduledExecutorService timers;
    private final Map<FunctionSpec, Deque<FunctionInstance>> idle = new HashMap<>();
    private final List<FunctionInstance> busy = new ArrayList<>();
    private List<Path> runnerClasspath;
    private boolean closed;

    /** @param folder where code packages are unpacked and the runner jar is written */
    public FunctionRuntime(Path folder, Duration idleTimeout) {
        this.packages = new CodePackages(folder.resolve("code"));
        this.runtimeFolder = folder;
        this.idleTimeout = idleTimeout;
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fc-runtime-timer");
            thread.setDaemon(true);
            return thread;
        });
        long sweep = Math.max(1, Math.min(30, idleTimeout.toSeconds() / 2));
        timers.scheduleWithFixedDelay(this::stopIdleInstances, sweep, sweep, TimeUnit.SECONDS);
    }

    /**
     * Runs one invocation, starting an instance if no warm one is free. The function's timeout is enforced by
     * killing its instance; a timeout or a crash is reported as a failed result in FC's words, never thrown.
     */
    public InvocationResult invoke(FunctionSpec spec, InvocationRequest request) {
        FunctionInstance instance = takeIdle(spec);
        boolean cold = instance == null;
        if (cold) {
            try {
                instance = FunctionInstance.start(spec, packages.unpacked(spec.codeChecksum(), spec.codeZip()),
                        runnerClasspath(), runtimeFolder.resolve("instances.log"));
            } catch (IOException e) {
                return failure("Function instance failed to start: " + e.getMessage(), 0, cold);
            }
        }
        synchronized (this) {
            busy.add(instance);
        }
        FunctionInstance running = instance;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = timers.schedule(() -> {
            timedOut.set(true);
            running.kill();
        }, spec.timeoutSeconds(), TimeUnit.SECONDS);
        long started = System.nanoTime();
        try {
            return running.invoke(request, cold);
        } catch (IOException e) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            running.kill();
            if (timedOut.get()) {
                return failure("Function timed out after " + spec.timeoutSeconds() + " seconds (maxMemoryUsage: unknown)",
                        millis, cold);
            }
            return failure("Process exited unexpectedly before completing request (duration: " + millis + "ms)",
                    millis, cold);
        } finally {
            watchdog.cancel(false);
            release(running);
        }
    }

    private static InvocationResult failure(String message, long millis, boolean cold) {
        byte[] body = ("{\"errorMessage\":" + Frames.jsonString(message) + "}").getBytes(StandardCharsets.UTF_8);
        return new InvocationResult(true, body, (message + "\n").getBytes(StandardCharsets.UTF_8), millis, 0, cold);
    }

    private synchronized FunctionInstance takeIdle(FunctionSpec spec) {
        if (closed) {
            throw new IllegalStateException("the function runtime is closed");
        }
        stopOutdated(spec);
        Deque<FunctionInstance> warm = idle.get(spec);
        while (warm != null && !warm.isEmpty()) {
            FunctionInstance instance = warm.pollFirst();
            if (instance.usable()) {
                return instance;
            }
        }
        return null;
    }

    /** Instances of the same function with another spec (old code, old role, ...) are of no use any more. */
    private void stopOutdated(FunctionSpec current) {
        idle.entrySet().removeIf(entry -> {
            if (entry.getKey().instanceKey().equals(current.instanceKey()) && !entry.getKey().equals(current)) {
                entry.getValue().forEach(FunctionInstance::kill);
                return true;
            }
            return false;
        });
    }

    private synchronized void release(FunctionInstance instance) {
        busy.remove(instance);
        if (closed || !instance.usable()) {
            instance.kill();
            return;
        }
        idle.computeIfAbsent(instance.spec(), spec -> new ArrayDeque<>()).addFirst(instance);
    }

    /** Stops the instances of one function, e.g. when it is deleted. */
    public synchronized void stopInstances(String instanceKey) {
        idle.entrySet().removeIf(entry -> {
            if (entry.getKey().instanceKey().equals(instanceKey)) {
                entry.getValue().forEach(FunctionInstance::close);
                return true;
            }
            return false;
        });
    }

    private synchronized void stopIdleInstances() {
        long limit = idleTimeout.toNanos();
        for (Deque<FunctionInstance> instances : idle.values()) {
            instances.removeIf(instance -> {
                if (instance.idleNanos() > limit || !instance.usable()) {
                    instance.close();
                    return true;
                }
                return false;
            });
        }
        idle.values().removeIf(Deque::isEmpty);
    }

    private synchronized List<Path> runnerClasspath() {
        if (runnerClasspath == null) {
            try {
                Files.createDirectories(runtimeFolder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            runnerClasspath = RunnerClasspath.prepare(runtimeFolder);
        }
        return runnerClasspath;
    }

    @Override
    public void close() {
        List<FunctionInstance> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
            all.addAll(busy);
        }
        all.forEach(FunctionInstance::kill);
        timers.shutdownNow();
    }
}
