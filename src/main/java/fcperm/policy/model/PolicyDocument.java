package fcperm.policy.model;

import java.util.List;

/** A RAM policy document: {@code Version} (always "1") and its statements, in document order. */
public record PolicyDocument(String version, List<Statement> statements) {

    public static final String VERSION = "1";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
