package dev.headroom.core.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A statistic across models against size and type, by ordinary least squares:
 * {@code value = intercept + slope * log10(parameterCount) + effect(type)}. Type effects are treatment-coded
 * against the first type in alphabetical order and enter only when the points have two types or more. The 95%
 * intervals use Student's t with n - p degrees of freedom (p coefficients, intercept included).
 */
public final class ModelTrend {

    private ModelTrend() {
    }

    /**
     * @param types        the type factor's levels, reference first; empty when the fit has no type factor
     * @param coefficients intercept, slope, then one effect per type after the reference
     * @param covariance   estimated covariance of the coefficients (residual variance times (X'X)^-1)
     */
    public record Fit(int models, List<String> types, double[] coefficients, double[][] covariance,
                      double residualStandardDeviation) {

        public Interval intercept() {
            return coefficient(0);
        }

        /** Change of the value per tenfold parameters. */
        public Interval slope() {
            return coefficient(1);
        }

        /** Per type but the reference, its shift from the reference type at equal size. */
        public Map<String, Interval> typeEffects() {
            Map<String, Interval> effects = new TreeMap<>();
            for (int k = 1; k < types.size(); k++) {
                effects.put(types.get(k), coefficient(1 + k));
            }
            return effects;
        }

        /** The fitted mean at this size and type, with its 95% confidence interval. */
        public Interval fittedAt(double parameterCount, String type) {
            if (!types.isEmpty() && !types.contains(type)) {
                throw new IllegalArgumentException("type '" + type + "' is not among the fitted types " + types);
            }
            double[] row = designRow(types, parameterCount, type);
            double mean = 0;
            double variance = 0;
            for (int i = 0; i < row.length; i++) {
                mean += row[i] * coefficients[i];
                for (int j = 0; j < row.length; j++) {
                    variance += row[i] * covariance[i][j] * row[j];
                }
            }
            return around(mean, Math.sqrt(variance));
        }

        private Interval coefficient(int index) {
            return around(coefficients[index], Math.sqrt(covariance[index][index]));
        }

        private Interval around(double estimate, double standardError) {
            double t = new TDistribution(models - coefficients.length).inverseCumulativeProbability(0.975);
            return new Interval(estimate, estimate - t * standardError, estimate + t * standardError);
        }
    }

    public static Fit fit(List<ModelPoint> points) {
        List<String> allTypes = List.copyOf(new TreeSet<>(points.stream().map(ModelPoint::type).toList()));
        List<String> types = allTypes.size() < 2 ? List.of() : allTypes;
        int coefficients = 2 + Math.max(0, types.size() - 1);
        if (points.size() <= coefficients) {
            throw new IllegalArgumentException("a trend with " + coefficients + " coefficients needs more than "
                    + coefficients + " models, got " + points.size());
        }
        double[] y = points.stream().mapToDouble(ModelPoint::value).toArray();
        double[][] x = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            double[] row = designRow(types, points.get(i).parameterCount(), points.get(i).type());
            x[i] = Arrays.copyOfRange(row, 1, row.length);  // the regression adds the intercept itself
        }
        OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
        regression.newSampleData(y, x);
        double errorVariance = regression.estimateErrorVariance();
        double[][] covariance = regression.estimateRegressionParametersVariance();
        for (double[] row : covariance) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= errorVariance;
            }
        }
        return new Fit(points.size(), types, regression.estimateRegressionParameters(), covariance,
                Math.sqrt(errorVariance));
    }

    /** 1, log10(size), then one indicator per type after the reference. */
    private static double[] designRow(List<String> types, double parameterCount, String type) {
        List<Double> row = new ArrayList<>(List.of(1.0, Math.log10(parameterCount)));
        for (int k = 1; k < types.size(); k++) {
            row.add(types.get(k).equals(type) ? 1.0 : 0.0);
        }
        return row.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
