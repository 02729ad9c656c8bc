package fcperm.app;

import java.util.Arrays;

/**
 * The one entry point. No argument opens the desktop app; {@code sandbox …} runs the embedded sandbox alone;
 * {@code policy …} validates and simulates RAM policies. Names, flags and output formats of the sub-commands
 * are a stable contract: scripts and CI outside this repository call them.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            System.out.println(usage());
            return 0;
        }
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "":
                DesktopApp.launchDesktop(rest);
                return 0;
            case "sandbox":
                return SandboxCommand.run(rest, System.out, System.err);
            case "policy":
                return PolicyCommand.run(rest, System.out, System.err);
            default:
                System.err.println("unknown command: " + command);
                System.err.println(usage());
                return 2;
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: fcperm                      open the app (on the embedded sandbox by default)",
                "       fcperm sandbox [--port P] [--data DIR] [--region R] [--fc-region R]...",
                "       fcperm policy validate [--trust] [--json] FILE",
                "       fcperm policy simulate --action ACTION --resource ARN [options]");
    }
}
