package fcperm.sandbox.oss;

import java.util.List;

/** One page of ListObjects: the objects, the common prefixes, and where the next page starts. */
public record ObjectListing(List<OssObject> objects, List<String> commonPrefixes, boolean truncated, String nextMarker) {

    public ObjectListing {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
