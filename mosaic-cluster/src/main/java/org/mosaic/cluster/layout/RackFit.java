package org.mosaic.cluster.layout;

import java.util.Locale;
import org.mosaic.cluster.topology.ScaleUpDomainSpec;

/**
 * How a scale-up domain goes into racks: whole domains per rack, or (spread) one domain over several racks.
 *
 * <p>Rules: a domain needs S = ⌈G / GPUs per server⌉ servers and T trays; its power is G × W per GPU + T × W per
 * tray and its height S × U per server + T × U per tray. A rack takes ⌊min(budget / power, units / height)⌋ whole
 * domains. If that is zero the domain is spread (when allowed) over the fewest racks N for which sharing the
 * servers evenly (the first S mod N racks one more) with the trays in the middle rack (index ⌊N/2⌋) keeps every
 * rack within its budget and its units; otherwise it is an error with the numbers.
 *
 * @param domainsPerRack   whole domains per rack (0 when spread)
 * @param racksPerDomain   racks one domain spans (1 when not spread)
 * @param serversPerDomain S
 * @param trayRack         the rack (0 … N − 1) of the domain holding its trays
 * @param domainWatts      power of one full domain (W)
 * @param domainUnits      height of one full domain (U)
 */
public record RackFit(int domainsPerRack, int racksPerDomain, int serversPerDomain, int trayRack, double domainWatts,
                      int domainUnits) {

    /** How {@code domain} fits the racks of {@code layout}. */
    public static RackFit of(ScaleUpDomainSpec domain, LayoutSpec layout) {
        LayoutSpec.Equipment eq = layout.equipment();
        LayoutSpec.Rack rack = layout.rack();
        int g = domain.gpus();
        int servers = (g + eq.gpusPerServer() - 1) / eq.gpusPerServer();
        int trays = domain.switchTrays();
        double watts = g * eq.gpuWatts() + trays * eq.scaleUpTrayWatts();
        int units = servers * eq.serverUnits() + trays * eq.scaleUpTrayUnits();
        long byPower = (long) Math.floor(rack.powerBudgetWatts() / watts * (1 + 1e-12));
        long byUnits = rack.units() / units;
        int perRack = (int) Math.min(Math.min(byPower, byUnits), Integer.MAX_VALUE);
        if (perRack >= 1) {
            return new RackFit(perRack, 1, servers, 0, watts, units);
        }
        int n = spreadRacks(domain, layout, servers);
        if (!layout.spreadDomains() || n < 0) {
            throw new IllegalArgumentException(tooLarge(domain, layout, servers, watts, units, n));
        }
        return new RackFit(0, n, servers, n / 2, watts, units);
    }

    /** Servers of a spread domain in rack {@code r} of its {@code n}. */
    static int serversInRack(int servers, int n, int r) {
        return servers / n + (r < servers % n ? 1 : 0);
    }

    /** The fewest racks the domain spreads over, or −1 when even one server per rack (with the trays) does not fit. */
    private static int spreadRacks(ScaleUpDomainSpec domain, LayoutSpec layout, int servers) {
        LayoutSpec.Equipment eq = layout.equipment();
        LayoutSpec.Rack rack = layout.rack();
        double serverWatts = eq.gpusPerServer() * eq.gpuWatts();
        double trayWatts = domain.switchTrays() * eq.scaleUpTrayWatts();
        int trayUnits = domain.switchTrays() * eq.scaleUpTrayUnits();
        for (int n = 1; n <= servers; n++) {
            boolean fits = true;
            for (int r = 0; r < n && fits; r++) {
                int s = serversInRack(servers, n, r);
                double w = s * serverWatts + (r == n / 2 ? trayWatts : 0);
                int u = s * eq.serverUnits() + (r == n / 2 ? trayUnits : 0);
                fits = w <= rack.powerBudgetWatts() * (1 + 1e-12) && u <= rack.units();
            }
            if (fits) {
                return n;
            }
        }
        return -1;
    }

    private static String tooLarge(ScaleUpDomainSpec d, LayoutSpec layout, int servers, double watts, int units, int n) {
        LayoutSpec.Equipment eq = layout.equipment();
        LayoutSpec.Rack rack = layout.rack();
        StringBuilder sb = new StringBuilder();
        sb.append("scale-up domain ").append(d.name()).append(": ").append(d.gpus()).append(" GPUs x ")
                .append(Format.num(eq.gpuWatts() / 1e3)).append(" kW");
        if (d.switchTrays() > 0 && eq.scaleUpTrayWatts() > 0) {
            sb.append(" + ").append(d.switchTrays()).append(" trays x ").append(Format.num(eq.scaleUpTrayWatts() / 1e3)).append(" kW");
        }
        sb.append(" = ").append(Format.num(watts / 1e3)).append(" kW");
        boolean power = watts > rack.powerBudgetWatts() * (1 + 1e-12);
        if (power) {
            sb.append(" > ").append(Format.num(rack.powerBudgetWatts() / 1e3)).append(" kW rack budget");
        } else {
            sb.append(String.format(Locale.ROOT, " in %d U (%d servers x %d U + %d trays x %d U) > %d U rack", units, servers,
                    eq.serverUnits(), d.switchTrays(), eq.scaleUpTrayUnits(), rack.units()));
        }
        sb.append(" — expected the domain to fit one rack (layout ").append(layout.name()).append("). Hint: ");
        if (n > 0) {
            sb.append("spread the domain over ").append(n).append(" racks (spreadDomains=true; its scale-up links then cross racks)");
        } else {
            sb.append("even one server per rack with the trays does not fit; spreading cannot help");
        }
        if (power) {
            sb.append(", or raise the rack budget to >= ").append(Format.num(watts / 1e3)).append(" kW")
                    .append(watts > Cooling.AIR.maxRackWatts() ? " (LIQUID cooling)" : "");
        } else {
            sb.append(", or taller racks (>= ").append(units).append(" U)");
        }
        return sb.append('.').toString();
    }
}
