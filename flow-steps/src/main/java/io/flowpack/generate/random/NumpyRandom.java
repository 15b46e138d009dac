package io.flowpack.generate.random;

/**
 * The noise source of generation, chosen so a seed means the same noise everywhere: numpy's legacy
 * {@code np.random.RandomState(seed)} — Mersenne Twister MT19937 seeded with {@code init_genrand(seed)},
 * 53-bit doubles from two 32-bit outputs, and normal values by the Marsaglia polar method with one value kept for
 * the next call. {@code randn(B, 4, h, w)} therefore gives the same latents as diffusers' ONNX pipelines given
 * {@code generator=np.random.RandomState(seed)}. Not thread-safe; one instance per generation.
 */
public final class NumpyRandom {
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index;
    private boolean hasGauss;
    private double gauss;

    /** @param seed 0 … 2³²−1, as numpy accepts */
    public NumpyRandom(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be between 0 and " + MAX_SEED + ", got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next 32 bits of MT19937, as an unsigned value in a long. */
    public long nextUnsignedInt() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFF_FFFFL;
    }

    /** numpy's {@code random_sample()}: uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        long a = nextUnsignedInt() >>> 5;
        long b = nextUnsignedInt() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** numpy's legacy {@code standard_normal()}. */
    public double nextGaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code n} standard normal values as floats, in numpy's C order ({@code randn(*shape).astype(float32)}). */
    public float[] randn(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) nextGaussian();
        }
        return values;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x8000_0000) | (mt[(i + 1) % N] & 0x7fff_ffff);
            int next = mt[(i + M) % N] ^ (y >>> 1);
            mt[i] = (y & 1) != 0 ? next ^ 0x9908b0df : next;
        }
        index = 0;
    }
}
