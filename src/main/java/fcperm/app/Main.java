package fcperm.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The one entry point. No argument opens the desktop app; otherwise a command: {@code sandbox …} runs the embedded
 * sandbox alone, {@code policy …} validates and simulates RAM policies, {@code whoami} says who a connection acts as.
 * Names, flags, output formats and exit codes of the commands are a stable contract: scripts and CI outside this
 * repository call them. Every command answers {@code --help}; bad usage exits 2.
 */
public final class Main {

    /** Exit code of bad usage, whatever the command. */
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesktopApp.launchDesktop(args);
            return;
        }
        System.exit(run(args));
    }

    static int run(String[] args) {
        return run(args, System.out, System.err, CommandEnvironment.of());
    }

    static int run(String[] args, PrintStream out, PrintStream err, CommandEnvironment environment) {
        CommandLine commands = new CommandLine(new Fcperm(err))
                .addSubcommand(new SandboxCommand(out, err))
                .addSubcommand(PolicyCommand.commandLine(out, err))
                .addSubcommand(new WhoamiCommand(out, err, environment))
                .addSubcommand("help", new CommandLine.HelpCommand());
        commands.setExpandAtFiles(false)
                .setUsageHelpWidth(120)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((problem, given) -> {
                    CommandLine command = problem.getCommandLine();
                    err.println(name(command) + ": " + UsageErrors.describe(problem));
                    err.print(command.getHelp().synopsis(0));
                    return USAGE;
                });
        return commands.execute(args);
    }

    /** The command as typed after {@code fcperm}: {@code policy validate}. */
    static String name(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName();
        return qualified.equals("fcperm") ? qualified : qualified.substring("fcperm ".length());
    }

    /** {@code fcperm} without a command name, or with {@code --help}: the list of commands. */
    @Command(name = "fcperm", synopsisHeading = "", descriptionHeading = "%n", customSynopsis = {
            "usage: fcperm                      open the app (on the embedded sandbox by default)",
            "       fcperm sandbox [--port P] [--data DIR] [--region R] [--fc-region R]...",
            "       fcperm policy validate [--trust] [--json] FILE",
            "       fcperm policy simulate --action ACTION --resource ARN [options]",
            "       fcperm whoami --connection C [--endpoints FILE] [--json]",
            "       fcperm help COMMAND"}, description = "FC Permissions Console. `fcperm COMMAND --help` describes a command.",
            mixinStandardHelpOptions = false)
    static final class Fcperm implements Callable<Integer> {

        @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final PrintStream err;

        Fcperm(PrintStream err) {
            this.err = err;
        }

        @Override
        public Integer call() {
            err.print(spec.commandLine().getHelp().synopsis(0));
            return USAGE;
        }
    }

    /** Where a command finds the user's files and environment; tests hand in temporary ones. */
    record CommandEnvironment(AppHome home, Path userHome, java.util.Map<String, String> variables) {

        static CommandEnvironment of() {
            return new CommandEnvironment(AppHome.fromEnvironment(), Path.of(System.getProperty("user.home")),
                    System.getenv());
        }
    }
}
