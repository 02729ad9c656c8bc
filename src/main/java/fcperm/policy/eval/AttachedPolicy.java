package fcperm.policy.eval;

import fcperm.policy.model.PolicyDocument;

/** A policy as it applies to a principal: name, version in force, scope of the attachment, and its document. */
public record AttachedPolicy(String name, String versionId, PolicyScope scope, PolicyDocument document) {
}
