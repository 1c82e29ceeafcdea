package dev.headroom.report;

import java.util.Locale;

/** A small SVG writer: shapes in user units, text escaped. */
final class Svg {

    /** Colour-blind safe (Okabe and Ito), one per series. */
    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442",
            "#000000"};

    private final StringBuilder body = new StringBuilder();
    private final String id;
    private final double width;
    private final double height;

    Svg(String id, double width, double height) {
        this.id = id;
        this.width = width;
        this.height = height;
    }

    static String colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        body.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
                x1, y1, x2, y2, stroke, strokeWidth));
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        body.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\"/>",
                x, y, Math.max(0, w), Math.max(0, h), fill, stroke));
        return this;
    }

    /** A dot with a tooltip. */
    Svg circle(double cx, double cy, double r, String fill, String title) {
        body.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">", cx, cy, r,
                fill));
        body.append("<title>").append(Html.escape(title)).append("</title></circle>");
        return this;
    }

    /** Text; anchor is start, middle or end. */
    Svg text(double x, double y, String text, String anchor, String style) {
        body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>", x, y, anchor,
                style.isEmpty() ? "" : " style=\"" + style + "\""));
        body.append(Html.escape(text)).append("</text>");
        return this;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "<svg class=\"chart\" id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\">", id, width, height, width,
                height) + body + "</svg>";
    }

    /** A linear map from a domain to a range of user units. */
    record Scale(double domainLow, double domainHigh, double rangeLow, double rangeHigh) {

        double at(double value) {
            double span = domainHigh - domainLow;
            double t = span == 0 ? 0.5 : (value - domainLow) / span;
            return rangeLow + t * (rangeHigh - rangeLow);
        }
    }
}
