package fcperm.plan.probetest;

import fcperm.cloud.CloudException;
import fcperm.cloud.FunctionCompute;
import fcperm.cloud.ObjectStorage;
import fcperm.plan.Change;
import fcperm.plan.PlanStep;

import java.util.List;
import java.util.function.Supplier;

/** The changes a test makes: the probe deployed, updated or removed, the object it wrote, a bucket for it. */
final class ProbeSteps {

    private ProbeSteps() {
    }

    record CreateProbe(FunctionCompute fc, String service, String function, String handler, byte[] zip)
            implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.DEPLOY_PROBE, List.of(function, service), "fc:CreateFunction",
                    "fc:DeleteFunction");
        }

        @Override
        public String apply() throws CloudException {
            return fc.createFunction(service, function, handler, zip);
        }

        @Override
        public String undo() throws CloudException {
            return fc.deleteFunction(service, function);
        }
    }

    /**
     * New code for the probe already in the service. Its undo removes the probe: it is the app's own function, and
     * holds nothing of the user's, so rolling back leaves the service as it was before the app tested in it.
     */
    record UpdateProbe(FunctionCompute fc, String service, String function, String handler, byte[] zip)
            implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.UPDATE_PROBE, List.of(function, service), "fc:UpdateFunction",
                    "fc:DeleteFunction");
        }

        @Override
        public String apply() throws CloudException {
            return fc.updateFunction(service, function, handler, zip);
        }

        @Override
        public String undo() throws CloudException {
            return fc.deleteFunction(service, function);
        }
    }

    /** The probe's removal; undone by deploying it again. */
    record DeleteProbe(FunctionCompute fc, String service, String function, String handler, Supplier<byte[]> zip)
            implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.DELETE_PROBE, List.of(function, service), "fc:DeleteFunction",
                    "fc:CreateFunction");
        }

        @Override
        public String apply() throws CloudException {
            return fc.deleteFunction(service, function);
        }

        @Override
        public String undo() throws CloudException {
            return fc.createFunction(service, function, handler, zip.get());
        }
    }

    /**
     * The object the probe wrote, recorded so that a roll-back deletes it (a bucket with objects in it cannot be
     * deleted). Applied again, it writes the same content with the connection's own key.
     */
    record ProbeObject(ObjectStorage objects, String bucket, String key, byte[] content) implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.PROBE_OBJECT, List.of(key, bucket), "oss:PutObject", "oss:DeleteObject");
        }

        @Override
        public String apply() throws CloudException {
            return objects.putObject(bucket, key, content);
        }

        @Override
        public String undo() throws CloudException {
            return objects.deleteObject(bucket, key);
        }
    }

    record CreateBucket(ObjectStorage objects, String region, String bucket) implements PlanStep {
        @Override
        public Change change() {
            return new Change(Change.Kind.CREATE_BUCKET, List.of(bucket, region), "oss:PutBucket", "oss:DeleteBucket");
        }

        @Override
        public String apply() throws CloudException {
            return objects.createBucket(bucket, region);
        }

        @Override
        public String undo() throws CloudException {
            return objects.deleteBucket(bucket);
        }
    }
}
