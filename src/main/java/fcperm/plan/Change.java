package fcperm.plan;

import java.util.List;

/**
 * What one step changes, as data for the preview: the kind of change, its subjects in order (role name, policy
 * name, scope, service, ...), the cloud operation that makes it and the one that undoes it.
 */
public record Change(Kind kind, List<String> subjects, String operation, String undoOperation) {

    public enum Kind {
        CREATE_SERVICE,
        CREATE_ROLE,
        UPDATE_TRUST_POLICY,
        CREATE_POLICY,
        ATTACH_POLICY_ACCOUNT,
        ATTACH_POLICY_RESOURCE_GROUP,
        BIND_ROLE,
        KEEP_UNTRUSTED_ROLE,
        DEPLOY_PROBE,
        DELETE_PROBE,
        CREATE_BUCKET
    }

    public Change {
        subjects = List.copyOf(subjects);
    }

    /** The first subject: the thing the change is about, for the journal. */
    public String target() {
        return String.join(" ", subjects);
    }
}
