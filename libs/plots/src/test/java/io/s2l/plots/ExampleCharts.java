package io.s2l.plots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one example of each chart for eyeballing, not a test: {@code java -cp
 * target/classes:target/test-classes io.s2l.plots.ExampleCharts [dir]} writes
 * plots-example-{scatter,lines,histogram}.svg to dir (default /tmp).
 */
final class ExampleCharts {

  private ExampleCharts() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp");
    write(dir.resolve("plots-example-scatter.svg"), Svg.scatter(scatter()));
    write(dir.resolve("plots-example-lines.svg"), Svg.lines(lines()));
    write(dir.resolve("plots-example-histogram.svg"), Svg.histogram(histogram()));
  }

  static ScatterSpec scatter() {
    String[] mixes = {"web", "code", "books", "wiki", "arxiv", "forums", "news", "math", "legal"};
    SplittableRandom rng = new SplittableRandom(7);
    List<Point> points = new ArrayList<>();
    for (String mix : mixes) {
      double proxy = 3.6 + rng.nextDouble() * 1.1;
      points.add(new Point(proxy, 0.82 * proxy - 0.35 + rng.nextGaussian() * 0.05, mix));
    }
    points.add(new Point(Double.NaN, 3.0, "diverged"));
    return new ScatterSpec(
        "Proxy vs reference loss (R^2 = 0.93 <n = 9> & \"dedup\")",
        "proxy loss (60M params)",
        "reference loss (1B params)",
        points,
        new Line(0.82, -0.35),
        true);
  }

  static LineSpec lines() {
    double[] sizes = {1e6, 3e6, 1e7, 3e7, 1e8, 3e8};
    String[] names = {"Spearman rho", "Pearson r", "decision accuracy"};
    double[][] base = {
      {0.41, 0.55, 0.68, 0.79, 0.86, 0.9},
      {0.35, 0.5, 0.63, 0.77, 0.84, 0.91},
      {0.58, 0.64, 0.71, 0.8, Double.NaN, 0.88}
    };
    List<Series> series = new ArrayList<>();
    for (int s = 0; s < names.length; s++) {
      List<Point> points = new ArrayList<>();
      double[] low = new double[sizes.length];
      double[] high = new double[sizes.length];
      for (int i = 0; i < sizes.length; i++) {
        points.add(new Point(sizes[i], base[s][i], i == sizes.length - 1 ? "ref" : null));
        double half = 0.09 - 0.012 * i;
        low[i] = base[s][i] - half;
        high[i] = Math.min(1, base[s][i] + half);
      }
      series.add(s == 0 ? new Series(names[s], points, low, high) : new Series(names[s], points));
    }
    return new LineSpec(
        "Agreement with the reference model vs proxy size",
        "proxy parameters",
        "agreement",
        true,
        series,
        0.8);
  }

  static HistogramSpec histogram() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] edges = new double[21];
    long[] counts = new long[20];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = -0.5 + i * 0.05;
    }
    for (int n = 0; n < 400; n++) {
      double r = rng.nextGaussian() * 0.12 + 0.02;
      int bin = (int) Math.floor((r + 0.5) / 0.05);
      if (bin >= 0 && bin < counts.length) {
        counts[bin]++;
      }
    }
    return new HistogramSpec(
        "Residuals of the proxy-to-reference fit", "residual (nats)", edges, counts);
  }

  private static void write(Path file, String svg) throws IOException {
    Files.writeString(file, svg, StandardCharsets.UTF_8);
    System.out.println(file);
  }
}
