package fcperm.sandbox.auth;

/** A policy Alibaba Cloud defines for every account (AliyunOSSFullAccess, ...): read-only, from the catalog. */
public record SystemPolicy(String name, String description, String defaultVersion, String document) {
}
