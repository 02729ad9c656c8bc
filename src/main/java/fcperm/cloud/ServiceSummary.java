package fcperm.cloud;

import java.util.Optional;

/** An FC 2.0 service: its name, what it says about itself, and the RAM role its functions run as (if any). */
public record ServiceSummary(String name, String description, Optional<String> roleArn, String lastModified) {
}
