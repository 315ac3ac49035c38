/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.imhmeasures.core.instrument.Direction;
import org.imhmeasures.scoring.change.ChangeModel;
import org.imhmeasures.scoring.change.ChangeResult;
import org.imhmeasures.scoring.change.ReliableChangeDirection;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The report's charts, drawn by JFreeChart onto Apache Batik's {@link SVGGraphics2D}, which records the drawing
 * as SVG: each chart is an {@code <svg>} element inlined in the HTML (so the file stays self-contained, sharp at
 * any zoom and in print, and its text is real text), and, for {@code --format png}, also drawn as a PNG written
 * beside it. Not JFreeSVG, the SVG back end of JFreeChart: it is GPL-licensed and cannot ship in this Apache-2.0
 * distribution; Batik's generator is Apache-2.0.
 * The SVG is serialized by the JDK's XML transformer, so every text and attribute from the data is XML-escaped;
 * the ids Batik generates (clip paths, gradients) are numbered per chart and prefixed with the chart's id, so the
 * same data gives the same bytes and several charts in one page never share an id.
 * Colours are the Okabe–Ito palette (distinguishable with colour-vision deficiency), and each category also
 * has its own marker shape. Stateless; AWT runs headless.
 */
final class Charts {

    /**
     * A drawn chart: its {@code <svg>} element (no XML declaration, ready to inline in HTML), its size in CSS
     * pixels, and its PNG (drawn at twice that size, for sharp print) when one was asked for, else empty.
     */
    record Drawn(String svg, int width, int height, Optional<byte[]> png) {
    }

    static final Color GREEN = new Color(0x00, 0x9E, 0x73);
    static final Color SKY = new Color(0x56, 0xB4, 0xE9);
    static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    static final Color GREY = new Color(0x88, 0x88, 0x88);
    static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
    static final Color BLUE = new Color(0x00, 0x72, 0xB2);

    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    /** Points per side of the grid on which the change model draws its band. */
    private static final int GRID = 240;

    private Charts() {
    }

    /** A category word's colour and shape, in report order. */
    record Style(Color colour, Shape shape) {
    }

    static Style style(String category) {
        double s = 7;
        Shape circle = new Ellipse2D.Double(-s / 2, -s / 2, s, s);
        Shape square = new Rectangle2D.Double(-s / 2, -s / 2, s, s);
        switch (category) {
            case "recovered":
            case "reliable_recovery":
                return new Style(GREEN, triangle(s, true));
            case "improved":
            case "reliable_improvement":
                return new Style(SKY, circle);
            case "recovery_without_reliable_improvement":
                return new Style(ORANGE, diamond(s));
            case "deteriorated":
            case "reliable_deterioration":
                return new Style(VERMILLION, triangle(s, false));
            case "harmed":
                return new Style(PURPLE, square);
            default:
                return new Style(GREY, square);
        }
    }

    private static Shape triangle(double s, boolean up) {
        Path2D.Double p = new Path2D.Double();
        double h = up ? -s / 2 : s / 2;
        p.moveTo(0, h);
        p.lineTo(s / 2, -h);
        p.lineTo(-s / 2, -h);
        p.closePath();
        return p;
    }

    private static Shape diamond(double s) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -s / 2);
        p.lineTo(s / 2, 0);
        p.lineTo(0, s / 2);
        p.lineTo(-s / 2, 0);
        p.closePath();
        return p;
    }

    /**
     * The Jacobson–Truax plot: post against pre, the no-change diagonal, the band where the run's change model
     * finds no reliable change (drawn from the model itself on a {@value #GRID}-point grid), the functional
     * cut-off on both axes, and the pairs by category.
     *
     * @param id the figure's id: its caption is {@code <id>-caption}, and Batik's ids are prefixed with it
     * @param tableId the id of the table with the chart's numbers
     * @param categories category words in legend order, each with its label
     */
    static Drawn jacobsonTruax(String id, String tableId, String title, String scoreName, List<Point> points,
            Map<String, String> categories, ChangeModel model, double min, double max, boolean png) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> series = new LinkedHashMap<>();
        categories.forEach((word, label) -> series.put(word, new XYSeries(label, false, true)));
        for (Point p : points) {
            series.computeIfAbsent(p.category(), w -> new XYSeries(w, false, true)).add(p.pre(), p.post());
        }
        List<String> words = new ArrayList<>();
        series.forEach((word, s) -> {
            if (!s.isEmpty()) {
                data.addSeries(s);
                words.add(word);
            }
        });
        JFreeChart chart = ChartFactory.createScatterPlot(title, scoreName + " before (pre)",
                scoreName + " after (post)", data, PlotOrientation.VERTICAL, true, false, false);
        theme(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < words.size(); i++) {
            Style style = style(words.get(i));
            renderer.setSeriesPaint(i, translucent(style.colour()));
            renderer.setSeriesShape(i, style.shape());
        }
        plot.setRenderer(renderer);
        double pad = (max - min) * 0.03;
        for (NumberAxis axis : List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis())) {
            axis.setRange(min - pad, max + pad);
            axis.setAutoRangeIncludesZero(false);
            axis.setLabelFont(TEXT);
        }
        double[] band = band(model, min, max);
        if (band.length >= 6) {
            plot.addAnnotation(new XYPolygonAnnotation(band, null, null, new Color(0, 0, 0, 28)));
        }
        plot.addAnnotation(new XYLineAnnotation(min, min, max, max, new BasicStroke(1.2f), Color.DARK_GRAY));
        model.parameters().cutoff().ifPresent(cut -> {
            BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f);
            ValueMarker x = new ValueMarker(cut.value(), BLUE, dashed);
            ValueMarker y = new ValueMarker(cut.value(), BLUE, dashed);
            y.setLabel("cut-off " + Formats.number(cut.value()));
            y.setLabelFont(TEXT);
            y.setLabelPaint(BLUE);
            y.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            y.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addDomainMarker(x);
            plot.addRangeMarker(y);
        });
        return draw(id, tableId, chart, 720, 600, png);
    }

    /**
     * The band of no reliable change as a polygon {@code x0, y0, x1, y1, …}: for each pre score on the grid,
     * the lowest and highest post score the model assesses as no reliable change.
     */
    static double[] band(ChangeModel model, double min, double max) {
        List<double[]> lower = new ArrayList<>();
        List<double[]> upper = new ArrayList<>();
        double step = (max - min) / GRID;
        for (int i = 0; i <= GRID; i++) {
            double pre = min + i * step;
            double low = Double.NaN;
            double high = Double.NaN;
            for (int j = 0; j <= GRID; j++) {
                double post = min + j * step;
                ChangeResult r = model.assess(pre, post);
                if (r instanceof ChangeResult.Assessed a && a.reliableChange() == ReliableChangeDirection.NONE) {
                    low = Double.isNaN(low) ? post : low;
                    high = post;
                }
            }
            if (!Double.isNaN(low)) {
                lower.add(new double[] {pre, low});
                upper.add(new double[] {pre, high});
            }
        }
        double[] polygon = new double[4 * lower.size()];
        int k = 0;
        for (double[] p : lower) {
            polygon[k++] = p[0];
            polygon[k++] = p[1];
        }
        for (int i = upper.size() - 1; i >= 0; i--) {
            polygon[k++] = upper.get(i)[0];
            polygon[k++] = upper.get(i)[1];
        }
        return polygon;
    }

    /** One bar per row, as percent; a row with no percent (suppressed, no denominator) has no bar. */
    record Bar(String label, double percent, Color colour) {
    }

    /** Horizontal bars of shares in percent, each labelled with its denominator. */
    static Drawn bars(String id, String tableId, String title, List<Bar> bars, boolean png) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar b : bars) {
            data.addValue(b.percent(), "share", b.label());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, "% (of the denominator in the label)", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        theme(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return bars.get(column).colour();
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.6);
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        return draw(id, tableId, chart, 720, 90 + 34 * Math.max(1, bars.size()), png);
    }

    /** Stacked horizontal bars per group: reliably improved, no reliable change, reliably deteriorated. */
    static Drawn stacked(String id, String tableId, String title, List<String> groups, List<double[]> shares, boolean png) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String[] keys = {"reliably improved", "no reliable change", "reliably deteriorated"};
        for (int g = 0; g < groups.size(); g++) {
            for (int k = 0; k < keys.length; k++) {
                data.addValue(shares.get(g)[k], keys[k], groups.get(g));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, "% of pairs assessed", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        theme(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, SKY);
        renderer.setSeriesPaint(1, new Color(0xCC, 0xCC, 0xCC));
        renderer.setSeriesPaint(2, VERMILLION);
        renderer.setMaximumBarWidth(0.6);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.4f);
        return draw(id, tableId, chart, 720, 120 + 34 * Math.max(1, groups.size()), png);
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 190);
    }

    private static void theme(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(TITLE);
        theme.setLargeFont(TEXT);
        theme.setRegularFont(TEXT);
        theme.setSmallFont(TEXT);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
    }

    private static Drawn draw(String id, String tableId, JFreeChart chart, int width, int height,
            boolean png) {
        return new Drawn(svg(id, tableId, chart, width, height), width, height,
                png ? Optional.of(png(chart, width, height)) : Optional.empty());
    }

    private static String svg(String id, String tableId, JFreeChart chart, int width, int height) {
        Document document = newDocument();
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        // a fresh, prefixed id sequence per chart: deterministic, and unique across the charts of one page
        context.setIDGenerator(new PrefixedIds(id + "-"));
        context.setComment(null);
        context.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        Element root = g.getRoot();
        g.dispose();
        root.setAttributeNS(null, "width", Integer.toString(width));
        root.setAttributeNS(null, "height", Integer.toString(height));
        root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
        root.setAttributeNS(null, "role", "img");
        // the figure's caption names the chart, its table gives the numbers
        root.setAttributeNS(null, "aria-labelledby", id + "-caption");
        root.setAttributeNS(null, "aria-describedby", tableId);
        root.setAttributeNS(null, "focusable", "false");
        // Batik names its top-level definitions "genericDefs" in every chart; nothing refers to that id
        NodeList defs = root.getElementsByTagNameNS(SVGGraphics2D.SVG_NAMESPACE_URI, "defs");
        for (int i = 0; i < defs.getLength(); i++) {
            Element e = (Element) defs.item(i);
            if (e.getAttributeNS(null, "id").equals(SVGGraphics2D.ID_PREFIX_GENERIC_DEFS)) {
                e.removeAttributeNS(null, "id");
            }
        }
        return serialize(root);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVGGraphics2D.SVG_NAMESPACE_URI, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not configured", e);
        }
    }

    private static String serialize(Element root) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.METHOD, "xml");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(root), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("the chart could not be written as SVG", e);
        }
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        // drawn at twice the size it is shown, so that it stays sharp on high-density screens and in print
        BufferedImage image = new BufferedImage(2 * width, 2 * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(2, 2);
            chart.draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Batik's id sequence (one counter per kind: clipPath1, clipPath2, …) behind a per-chart prefix. */
    private static final class PrefixedIds extends SVGIDGenerator {
        private final String prefix;

        PrefixedIds(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String generateID(String kind) {
            return prefix + super.generateID(kind);
        }
    }

    /** Which side of the no-change diagonal is improvement. */
    static String betterSide(Direction direction) {
        return direction == Direction.HIGHER_IS_BETTER ? "above" : "below";
    }
}
