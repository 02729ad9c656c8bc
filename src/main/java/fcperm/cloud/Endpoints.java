package fcperm.cloud;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/** Where a connection's services answer: full URLs with scheme. */
public interface Endpoints {

    URI ram();

    URI sts();

    URI resourceManager();

    /** FC 2.0 of the account in the region. */
    URI fc(String accountId, String region);

    URI oss(String region);

    /** The public endpoints of Alibaba Cloud (international site). */
    static Endpoints publicCloud() {
        return PublicCloud.INSTANCE;
    }

    /**
     * Endpoints on one base URL (the built-in sandbox serves every service on one listener); FC of a region may have
     * an address of its own.
     */
    static Endpoints local(URI base, Function<String, URI> fcOfRegion) {
        return new Local(base, fcOfRegion);
    }

    enum PublicCloud implements Endpoints {
        INSTANCE;

        @Override
        public URI ram() {
            return URI.create("https://ram.aliyuncs.com");
        }

        @Override
        public URI sts() {
            return URI.create("https://sts.aliyuncs.com");
        }

        @Override
        public URI resourceManager() {
            return URI.create("https://resourcemanager.aliyuncs.com");
        }

        @Override
        public URI fc(String accountId, String region) {
            return URI.create("https://" + accountId + "." + region + ".fc.aliyuncs.com");
        }

        @Override
        public URI oss(String region) {
            return URI.create("https://oss-" + region + ".aliyuncs.com");
        }

        @Override
        public String toString() {
            return "public cloud endpoints";
        }
    }

    /** Endpoints on one base URL. */
    final class Local implements Endpoints {
        private final URI base;
        private final Function<String, URI> fcOfRegion;

        private Local(URI base, Function<String, URI> fcOfRegion) {
            this.base = Objects.requireNonNull(base);
            this.fcOfRegion = Objects.requireNonNull(fcOfRegion);
        }

        @Override
        public URI ram() {
            return base;
        }

        @Override
        public URI sts() {
            return base;
        }

        @Override
        public URI resourceManager() {
            return base;
        }

        @Override
        public URI fc(String accountId, String region) {
            return fcOfRegion.apply(region);
        }

        @Override
        public URI oss(String region) {
            return base;
        }

        @Override
        public String toString() {
            return "endpoints at " + base;
        }
    }
}
