package org.kinbridge.roster.csv;

/**
 * How big a zipped package may be once unpacked. Sizes are counted from the bytes actually inflated,
 * never from the sizes the zip's headers claim.
 *
 * @param maxEntries          entries in the zip, folders and ignored files included
 * @param maxEntryBytes       uncompressed bytes of any one entry
 * @param maxTotalBytes       uncompressed bytes of all entries together
 * @param maxCompressionRatio uncompressed to compressed bytes of an entry beyond which it is taken for
 *                            a zip bomb (once it has grown past {@link #RATIO_GRACE_BYTES})
 */
public record PackageLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxCompressionRatio) {

    /** Tiny entries compress absurdly well (a header and nothing else); the ratio is judged beyond this. */
    public static final long RATIO_GRACE_BYTES = 1L << 20;

    private static final long GIB = 1L << 30;

    public PackageLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxCompressionRatio < 1) {
            throw new IllegalArgumentException("Package limits are positive");
        }
    }

    /** Room for a district of a few hundred thousand users; CSV rarely compresses beyond 1:20. */
    public static PackageLimits defaults() {
        return new PackageLimits(200, 2 * GIB, 4 * GIB, 200);
    }
}
