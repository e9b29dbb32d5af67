package org.mosaic.bench;

import java.util.concurrent.TimeUnit;
import org.mosaic.cluster.FleetModel;
import org.mosaic.cluster.fleet.FleetEconomics;
import org.mosaic.cluster.fleet.Policy;
import org.mosaic.cluster.fleet.TechnologyMenu;
import org.mosaic.cluster.fleet.ClusterDocument;
import org.mosaic.cluster.layout.LayoutSpec;
import org.mosaic.cluster.layout.RackLayout;
import org.mosaic.cluster.topology.ClusterSpec;
import org.mosaic.cluster.topology.ClusterTopology;
import org.mosaic.cluster.topology.TopologyBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fleet: building the topology graph of the 100k-GPU preset (NVL72 domains, 3-tier 128-port fabric). Issue
 * target: building and evaluating a 100k-GPU cluster ≤ 5 s on one core, memory ≤ 2 GiB (run with {@code -Xmx2g}).
 * {@code java -Xmx2g -jar mosaic-bench/target/benchmarks.jar ClusterBenchmarks -t 1 -f 1 -wi 2 -w 1 -i 5 -r 1
 * -jvmArgs -Xmx2g}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClusterBenchmarks {
    private ClusterSpec spec100k;
    private LayoutSpec layout100k;
    private TechnologyMenu menu;

    @Setup
    public void setup() {
        spec100k = ClusterDocument.preset("cluster-100k").cluster();
        layout100k = ClusterDocument.preset("cluster-100k").layout();
        menu = TechnologyMenu.standard(); // the catalog plus MOSAIC's modelled rows, built once (~1 s)
        if (ClusterTopology.of(spec100k).graph().nodeCount() < 100_000) {
            throw new IllegalStateException("the 100k preset has fewer than 100,000 vertices");
        }
    }

    /**
     * The target: build the 100k-GPU cluster (topology, placement in racks, every cable routed) and evaluate
     * it under the mosaic policy (technology per link, power, energy, cost, failures).
     */
    @Benchmark
    public FleetModel.Result buildAndEvaluate100k() {
        // built anew each time: FleetModel.evaluate(spec, …) would serve the memoised topology, placement and plan
        return FleetModel.evaluate(RackLayout.place(TopologyBuilder.build(spec100k), layout100k),
                Policy.mosaic(), menu, FleetEconomics.defaults());
    }

    /** The whole topology graph of the 100k-GPU preset, built from its spec. */
    @Benchmark
    public ClusterTopology buildTopology100k() {
        return TopologyBuilder.build(spec100k);
    }
}
