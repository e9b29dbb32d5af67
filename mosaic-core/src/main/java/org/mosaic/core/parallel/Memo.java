package org.mosaic.core.parallel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small bounded, thread-safe memo of a pure function of a value-equal key (a channel spec or a cluster spec is a
 * tree of records of numbers and strings, so two equal specs give equal answers), for immutable answers that callers
 * share. The channel analysis and the array's reach solve take ~10²–10³ channel evaluations each, a 100k-GPU fleet's
 * topology, placement and cable plan walk every link; studies built on them and the uncertainty, sensitivity, claims
 * and sweep runs over inputs that leave them unchanged ask for the same spec again and again. The least recently used
 * entries go first; a value is computed outside the lock (two threads asking for the same new key may both compute
 * it, and both get an equal answer).
 */
public final class Memo<K, V> {
    private final Map<K, V> map;

    public Memo(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("memo capacity " + capacity + " — expected >= 1");
        }
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The answer for key: the memoised one if an equal key was asked for recently, else compute(key), kept. */
    public V get(K key, Function<K, V> compute) {
        synchronized (map) {
            V v = map.get(key);
            if (v != null) {
                return v;
            }
        }
        V v = compute.apply(key);
        synchronized (map) {
            map.put(key, v);
        }
        return v;
    }

    /** Keys held. */
    public int size() {
        synchronized (map) {
            return map.size();
        }
    }
}
