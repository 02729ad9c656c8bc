package fcperm.plan.probetest;

import com.aliyun.oss.common.utils.CRC64;

import java.util.function.Supplier;

/**
 * The probe's deployable zip and handler, built once on first use (it packs several jars), with the checksum FC
 * reports for code it holds (CRC-64/ECMA-182 as an unsigned decimal): equal checksums mean the deployed probe is
 * this code, so a re-test need not upload it again.
 */
public final class ProbeCode {

    private final String handler;
    private final Supplier<byte[]> build;
    private byte[] zip;
    private String checksum;

    /** {@code handler}: the probe's {@code package.Class::method}; {@code build}: makes its zip. */
    public ProbeCode(String handler, Supplier<byte[]> build) {
        this.handler = handler;
        this.build = build;
    }

    public String handler() {
        return handler;
    }

    public synchronized byte[] zip() {
        if (zip == null) {
            zip = build.get();
            CRC64 crc = new CRC64();
            crc.update(zip, zip.length);
            checksum = Long.toUnsignedString(crc.getValue());
        }
        return zip;
    }

    public synchronized String checksum() {
        zip();
        return checksum;
    }
}
