package org.mosaic.spark;

import java.util.random.RandomGeneratorFactory;
import org.mosaic.core.random.RandomStreams;

/**
 * The JDK looks up its random generator algorithms once per JVM, through the context class loader of the first
 * thread that asks. On a Spark executor that thread is a task whose context loader (Spark's session loader) does not
 * see the JDK's {@code jdk.random} providers, and the lookup then fails for the life of the executor ("No
 * implementation of the random number generator algorithm L64X128MixRandom"). Priming the lookup with the system
 * class loader, before the first study runs in this JVM, fixes the executor for good.
 */
final class JdkServices {
    private static boolean primed;

    private JdkServices() {
    }

    static synchronized void prime() {
        if (primed) {
            return;
        }
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try {
            t.setContextClassLoader(ClassLoader.getSystemClassLoader());
            RandomGeneratorFactory.of(RandomStreams.ALGORITHM);
            primed = true;
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
