package org.mosaic.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * An {@link XYBlockRenderer} for regular grids that keeps SVG output small. In {@link Mode#BLOCKS} each cell
 * is one filled rectangle (the base class also strokes every cell, doubling the elements). In
 * {@link Mode#IMAGE} the whole grid is drawn once as an image (embedded as PNG in SVG) scaled onto the
 * data area, smoothly interpolated — for dense heat maps such as the statistical eye, where a rectangle
 * per cell would make a chart of megabytes. Cells are centred on their (x, y).
 */
public final class GridRenderer extends XYBlockRenderer {
    private static final long serialVersionUID = 1L;

    /** How the grid is drawn. */
    public enum Mode { BLOCKS, IMAGE }

    private final Mode mode;
    /** IMAGE mode: grid axes (ascending, evenly spaced) and values z[ix][iy]; NaN cells are transparent. */
    private final double[] xs;
    private final double[] ys;
    private final double[][] z;

    /** Fill-only blocks; block size and paint scale as for {@link XYBlockRenderer}. */
    public GridRenderer() {
        this.mode = Mode.BLOCKS;
        this.xs = null;
        this.ys = null;
        this.z = null;
    }

    /** One image for the grid {@code z[ix][iy]} at {@code (xs[ix], ys[iy])}. */
    public GridRenderer(double[] xs, double[] ys, double[][] z) {
        this.mode = Mode.IMAGE;
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.z = z;
        setBlockWidth(xs.length > 1 ? xs[1] - xs[0] : 1);
        setBlockHeight(ys.length > 1 ? ys[1] - ys[0] : 1);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        if (mode == Mode.IMAGE) {
            if (series == 0 && item == 0) {
                drawImage(g2, dataArea, plot, domainAxis, rangeAxis);
            }
            return;
        }
        double x = dataset.getXValue(series, item);
        double y = dataset.getYValue(series, item);
        double v = dataset instanceof XYZDataset xyz ? xyz.getZValue(series, item) : 0;
        double hw = getBlockWidth() / 2;
        double hh = getBlockHeight() / 2;
        double x0 = domainAxis.valueToJava2D(x - hw, dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(x + hw, dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(y - hh, dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(y + hh, dataArea, plot.getRangeAxisEdge());
        Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
        g2.setPaint(getPaintScale().getPaint(v));
        g2.fill(block);
    }

    private void drawImage(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis) {
        int nx = xs.length;
        int ny = ys.length;
        BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double v = z[i][j];
                if (!Double.isNaN(v)) {
                    java.awt.Paint p = getPaintScale().getPaint(v);
                    img.setRGB(i, j, p instanceof java.awt.Color c ? c.getRGB() : 0);
                }
            }
        }
        double hw = getBlockWidth() / 2;
        double hh = getBlockHeight() / 2;
        double xa = domainAxis.valueToJava2D(xs[0] - hw, dataArea, plot.getDomainAxisEdge());
        double xb = domainAxis.valueToJava2D(xs[nx - 1] + hw, dataArea, plot.getDomainAxisEdge());
        double ya = rangeAxis.valueToJava2D(ys[0] - hh, dataArea, plot.getRangeAxisEdge());
        double yb = rangeAxis.valueToJava2D(ys[ny - 1] + hh, dataArea, plot.getRangeAxisEdge());
        // image pixel (u, v) -> (xa + u * sx, ya + v * sy); sy is negative on a normal (upward) axis
        AffineTransform t = new AffineTransform((xb - xa) / nx, 0, 0, (yb - ya) / ny, xa, ya);
        Object old = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.drawImage(img, t, null);
        if (old != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
        }
    }
}
