package fcperm.plan;

/**
 * The FC service that gets the role: one that exists or a new one to create. What the service has now (its role)
 * is not part of the choice: the planner reads it from the cloud when it plans.
 */
public sealed interface ServiceChoice {

    String region();

    String name();

    record ExistingService(String region, String name) implements ServiceChoice {
    }

    record NewService(String region, String name) implements ServiceChoice {
    }
}
