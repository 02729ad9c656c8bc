package fcperm.sandbox.fc;

import java.util.Optional;

/** The settable fields of a service, as CreateService and UpdateService carry them; empty = not given. */
public record ServiceSettings(Optional<String> description, Optional<String> role, Optional<String> logProject,
                              Optional<String> logStore, Optional<String> vpcConfigJson,
                              Optional<Boolean> internetAccess) {
}
