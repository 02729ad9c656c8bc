package fcperm.app;

import java.lang.management.ManagementFactory;

/**
 * Start-up milestones, measured from the JVM's own start time. With {@code -Dfcperm.startup.report=true} each is
 * printed as {@code STARTUP <milestone> <ms>} (bench/startup.sh reads these lines); with
 * {@code -Dfcperm.startup.exit=true} the app quits once the window is shown and the sandbox is ready.
 */
final class StartupClock {

    private final boolean report = Boolean.getBoolean("fcperm.startup.report");
    private final boolean exit = Boolean.getBoolean("fcperm.startup.exit");
    private final Runnable quit;
    private boolean windowShown;
    private boolean sandboxReady;

    StartupClock(Runnable quit) {
        this.quit = quit;
    }

    synchronized void windowShown() {
        if (!windowShown) {
            windowShown = true;
            reached("first-window");
        }
    }

    synchronized void sandboxReady() {
        if (!sandboxReady) {
            sandboxReady = true;
            reached("sandbox-ready");
        }
    }

    private void reached(String milestone) {
        if (report) {
            long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("STARTUP " + milestone + " " + elapsed);
            System.out.flush();
        }
        if (exit && windowShown && sandboxReady) {
            quit.run();
        }
    }
}
