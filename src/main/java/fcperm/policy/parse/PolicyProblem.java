package fcperm.policy.parse;

/**
 * Something wrong (or worth a second look) in a policy document, where it is: {@code category} uses the names of
 * RAM's policy checker (e.g. "Invalid action format"); line and column are 1-based; {@code jsonPath} is like
 * {@code $.Statement[0].Action[1]}.
 */
public record PolicyProblem(String category, String message, int line, int column, String jsonPath) {

    /**
     * {@code line:column: category: message (at jsonPath)}, the form the command line prints after the file name; a
     * problem of the whole text (a syntax error) has no path worth naming.
     */
    public String describe() {
        return line + ":" + column + ": " + category + ": " + message + (jsonPath.equals("$") ? "" : " (at " + jsonPath + ")");
    }
}
