package org.mosaic.optics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small bounded, thread-safe memo of a pure function of a value-equal key (a {@link ChannelSpec} is a tree of records
 * of numbers and strings, so two equal specs give equal answers). The channel analysis and the array's reach solve take
 * ~10²–10³ channel evaluations each; studies built on a cable (cable, compare, emulate, fleet menus, the closure sentence)
 * and the uncertainty, sensitivity and sweep runs over inputs that leave the channel unchanged ask for the same spec
 * again and again. The least recently used entries go first; a value is computed outside the lock (two threads asking
 * for the same new key may both compute it, and both get an equal answer).
 */
final class Memo<K, V> {
    private final Map<K, V> map;

    Memo(int capacity) {
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

    V get(K key, Function<K, V> compute) {
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

    int size() {
        synchronized (map) {
            return map.size();
        }
    }
}
