package org.mosaic.cluster.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Regression for issue 16: an FP8 plan's multiplies read their operands at FP8 size (1 B per element; TF32 math reads FP32,
 * 4 B), not at BF16 size; results stay BF16. Checked on a GPU with flat efficiency tables and an unbounded peak, where a
 * multiply's time is its bytes over the HBM bandwidth.
 */
class OperandBytesTest {
    static final double HBM = 1e12;

    static KernelCosts flat(DataType type) {
        return new KernelCosts(1e30, HBM, new double[] {0}, new double[] {1}, new double[] {0}, new double[] {1}, 0, type.operandBytes());
    }

    @Test
    void operandsAreReadAtTheirTypesSizeAndResultsWrittenInBf16() {
        double m = 4096;
        double n = 8192;
        double k = 2048;
        for (DataType type : DataType.values()) {
            double b = type.operandBytes();
            KernelCosts kc = flat(type);
            assertThat(kc.gemmSeconds(m, n, k, 1) * HBM).as(type.word()).isCloseTo(b * (m * k + k * n) + 2 * m * n, within(1e-3));
            // backward: the data gradient (same shape as the forward, output m×k) + the weight gradient into FP32 main grads
            double dgrad = b * (m * n + n * k) + 2 * m * k;
            double wgrad = b * (m * k + m * n) + 8 * k * n;
            assertThat(kc.gemmBackwardSeconds(m, n, k, 1, true) * HBM).as(type.word()).isCloseTo(dgrad + wgrad, within(1e-3));
        }
        assertThat(DataType.FP8.operandBytes()).isEqualTo(1);
        assertThat(DataType.BF16.operandBytes()).isEqualTo(2);
        assertThat(DataType.FP32.operandBytes()).isEqualTo(4);
        assertThat(KernelCosts.of(GpuSpec.H100_SXM, DataType.FP8).operandBytes()).isEqualTo(1);
        assertThat(KernelCosts.of(GpuSpec.H100_SXM).operandBytes()).isEqualTo(2);
        assertThatThrownBy(() -> new KernelCosts(1e15, HBM, new double[] {0}, new double[] {1}, new double[] {0}, new double[] {1}, 0, 3))
                .hasMessageContaining("operand bytes 3");
    }
}
