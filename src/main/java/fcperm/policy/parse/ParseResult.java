package fcperm.policy.parse;

import fcperm.policy.model.PolicyDocument;

import java.util.List;
import java.util.Optional;

/** A parsed document when it has no errors, the errors otherwise, and reviewer warnings in both cases. */
public record ParseResult(Optional<PolicyDocument> document, List<PolicyProblem> errors, List<PolicyProblem> warnings) {

    public ParseResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The document, or an exception naming the first error: for documents that are known to be valid. */
    public PolicyDocument orThrow() {
        return document.orElseThrow(() -> new IllegalArgumentException("invalid policy: " + errors.get(0).describe()));
    }
}
