package org.mosaic.datapath.fec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The vectors of {@code rs_vectors.json}, produced by {@code generate_vectors.py} in the same resource folder with
 * reedsolo 1.7.0 and cross-checked with galois 0.4.11 (see the script's header for how to rerun it and which
 * conventions it checks). Loaded once per JVM.
 */
record RsVectors(String generatedBy, List<Primitivity> primitivity, List<Code> codes) {

    /** Whether galois 0.4.11 found the polynomial primitive. */
    record Primitivity(int m, int polynomial, boolean primitive) {
    }

    record Code(String name, int m, int primitivePolynomial, int n, int k, int[] generator, List<Word> words) {
        ReedSolomon code() {
            return ReedSolomon.of(GaloisField.of(m, primitivePolynomial), n, k);
        }
    }

    record Word(int[] message, int[] codeword, List<Case> cases) {
    }

    /** One received word = codeword + error pattern, and what reedsolo did with it. */
    record Case(int[] errorPositions, int[] errorValues, String status, int[] correctionPositions,
                int[] correctionValues) {
    }

    private static final RsVectors INSTANCE = load();

    static RsVectors get() {
        return INSTANCE;
    }

    private static RsVectors load() {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = RsVectors.class.getResourceAsStream("rs_vectors.json")) {
            if (in == null) {
                throw new IllegalStateException("rs_vectors.json is missing from the test resources");
            }
            return mapper.readValue(in, RsVectors.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
