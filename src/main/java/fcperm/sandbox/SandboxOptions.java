package fcperm.sandbox;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How to start a sandbox: where its state lives, which port its main listener takes (0 = a free port), its default
 * region, and its clock (tests move time to expire credentials).
 */
public record SandboxOptions(Path dataDir, int port, String region, Clock clock) {

    public static final String DEFAULT_REGION = "cn-hangzhou";

    public static SandboxOptions of(Path dataDir) {
        return new SandboxOptions(dataDir, 0, DEFAULT_REGION, Clock.systemUTC());
    }

    public SandboxOptions withPort(int port) {
        return new SandboxOptions(dataDir, port, region, clock);
    }

    public SandboxOptions withRegion(String region) {
        return new SandboxOptions(dataDir, port, region, clock);
    }

    public SandboxOptions withClock(Clock clock) {
        return new SandboxOptions(dataDir, port, region, clock);
    }
}
