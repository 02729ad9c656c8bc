package fcperm.plan;

import fcperm.cloud.PolicyKind;
import fcperm.policy.eval.PolicyScope;
import fcperm.policy.model.Statement;
import fcperm.policy.parse.PolicyParser;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy to attach to the role at a scope. A custom policy that does not exist yet carries its document and is
 * created first.
 */
public record Grant(String policyName, PolicyKind kind, Optional<String> newDocument, PolicyScope scope) {

    /* acs:oss:<region>:<account>:<bucket>[/<object>]: the bucket is the fifth field, up to the first slash. */
    private static final Pattern OSS_RESOURCE = Pattern.compile("acs:oss:[^:]*:[^:]*:([a-z0-9][a-z0-9-]*)(/.*)?");

    public static Grant existing(String policyName, PolicyKind kind, PolicyScope scope) {
        return new Grant(policyName, kind, Optional.empty(), scope);
    }

    public static Grant newCustom(String policyName, String document, PolicyScope scope) {
        return new Grant(policyName, PolicyKind.CUSTOM, Optional.of(document), scope);
    }

    /** The first OSS bucket the new document names by its exact name (no wildcard), if any. */
    public Optional<String> bucket() {
        return newDocument.map(PolicyParser::parse).flatMap(parsed -> parsed.document().stream()
                .flatMap(document -> document.statements().stream())
                .filter(statement -> !statement.notResource())
                .map(Statement::resources).flatMap(java.util.List::stream)
                .map(OSS_RESOURCE::matcher).filter(Matcher::matches).map(match -> match.group(1))
                .findFirst());
    }
}
