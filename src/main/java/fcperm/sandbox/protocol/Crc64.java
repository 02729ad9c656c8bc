package fcperm.sandbox.protocol;

/**
 * CRC-64/ECMA-182 as OSS and FC compute it ({@code x-oss-hash-crc64ecma}, FC's {@code codeChecksum}): the reflected
 * polynomial 0xC96C5795D7870F42 with all-ones initial value and final XOR (also known as CRC-64/XZ), printed as an
 * unsigned decimal number.
 */
public final class Crc64 {

    private static final long POLYNOMIAL = 0xC96C5795D7870F42L;
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private long crc = -1L;

    public void update(byte[] bytes, int offset, int length) {
        long value = crc;
        for (int i = offset; i < offset + length; i++) {
            value = TABLE[(int) ((value ^ bytes[i]) & 0xFF)] ^ (value >>> 8);
        }
        crc = value;
    }

    public long value() {
        return ~crc;
    }

    /** The checksum as OSS and FC print it: an unsigned decimal. */
    public String decimal() {
        return Long.toUnsignedString(value());
    }

    public static String decimalOf(byte[] bytes) {
        Crc64 crc = new Crc64();
        crc.update(bytes, 0, bytes.length);
        return crc.decimal();
    }
}
