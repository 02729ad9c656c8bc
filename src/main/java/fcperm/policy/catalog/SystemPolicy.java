package fcperm.policy.catalog;

import fcperm.policy.model.PolicyDocument;

/** A policy Alibaba Cloud defines in every account; {@code documentJson} is its document as RAM returns it. */
public record SystemPolicy(String name, String description, String defaultVersion, String documentJson,
                           PolicyDocument document) {
}
