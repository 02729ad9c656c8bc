package fcperm.sandbox.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Crc64Test {

    @Test
    void matchesTheStandardCheckValueOfCrc64Xz() {
        // the catalogue check value of CRC-64/XZ for "123456789" is 0x995DC9BBDF1939FA
        assertThat(Crc64.decimalOf("123456789".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Long.toUnsignedString(0x995DC9BBDF1939FAL));
    }

    @Test
    void givesTheSameValueWhenFedInPieces() {
        byte[] bytes = "hello, function compute".getBytes(StandardCharsets.UTF_8);
        Crc64 pieces = new Crc64();
        pieces.update(bytes, 0, 5);
        pieces.update(bytes, 5, bytes.length - 5);
        assertThat(pieces.decimal()).isEqualTo(Crc64.decimalOf(bytes));
    }

    @Test
    void emptyInputIsZero() {
        assertThat(Crc64.decimalOf(new byte[0])).isEqualTo("0");
    }
}
