package fcperm.sandbox.resourcemanager;

import fcperm.sandbox.identity.PageRequest;
import java.util.List;

/** One page of a listing, with the numbers the cloud reports beside it (PageNumber, PageSize, TotalCount). */
record NumberedPage<T>(List<T> items, PageRequest request, long totalCount) {
}
