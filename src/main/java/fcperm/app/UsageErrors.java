package fcperm.app;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The sentence for a command line the parser refused, the same for every command: what is wrong, named by the flag
 * or the word the user typed ({@code unknown option --colour}, {@code missing value after --data}).
 */
final class UsageErrors {

    private UsageErrors() {
    }

    static String describe(CommandLine.ParameterException problem) {
        if (problem instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (first.startsWith("-")) {
                return "unknown option " + first;
            }
            return problem.getCommandLine().getSubcommands().isEmpty() ? "unexpected argument " + first
                    : "unknown command " + first;
        }
        if (problem instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return "missing value after " + option.longestName();
        }
        if (problem instanceof CommandLine.OverwrittenOptionException overwritten) {
            ArgSpec given = overwritten.getOverwritten();
            return (given instanceof OptionSpec option ? option.longestName() : given.paramLabel()) + " is given twice";
        }
        return problem.getMessage();
    }
}
