package io.s2l.analysis;

/**
 * A complete import: scales xs (100 params, 2000 tokens) and l (1000, 20000), distributions d0..d3,
 * seeds 0 and 1, evaluation sets "text" (5 examples) and "quiz" (5 examples, chance 0.25, proxy
 * right on half of its answers overall). The proxy's loss is the reference's plus one, plus a seed
 * effect, so proxy and reference correlate perfectly across distributions.
 */
final class TestTables {

  static final String CSV = build();

  private TestTables() {}

  private static String build() {
    StringBuilder csv =
        new StringBuilder(
            "scale,params,tokens,distribution,seed,evalSet,exampleId,loss,correct,chance\n");
    String[][] scales = {{"xs", "100", "2000"}, {"l", "1000", "20000"}};
    for (String[] s : scales) {
      boolean proxy = s[0].equals("xs");
      for (int d = 0; d < 4; d++) {
        for (int seed = 0; seed < 2; seed++) {
          for (int z = 0; z < 5; z++) {
            double loss = 2.0 + 0.3 * d * d + 0.05 * z + (proxy ? 1.0 + 0.02 * seed : 0.0);
            csv.append(
                String.format(
                    "%s,%s,%s,d%d,%d,text,t%d,%s,,%n", s[0], s[1], s[2], d, seed, z, loss));
            String correct = (z + d + seed) % 2 == 0 ? "1" : "0";
            csv.append(
                String.format(
                    "%s,%s,%s,d%d,%d,quiz,q%d,%s,%s,0.25%n",
                    s[0], s[1], s[2], d, seed, z, loss + 0.5, correct));
          }
        }
      }
    }
    return csv.toString();
  }
}
