package fcperm.plan;

import java.util.Optional;

/** The FC service that gets the role: one that exists (with the role it has now) or a new one to create. */
public sealed interface ServiceChoice {

    String region();

    String name();

    record ExistingService(String region, String name, Optional<String> currentRoleArn) implements ServiceChoice {
    }

    record NewService(String region, String name) implements ServiceChoice {
    }
}
